import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { KindeRouteKit } from './route-kit';
import { kindeTime, type KindeInviteRecord } from './state';

/**
 * The page an `invite_link` opens (`/team_invitation?code=…`). At Kinde the invitee signs up or
 * in there and joins the org; the sandbox's page accepts with one button: the invitee's user is
 * found by e-mail or created, joins the org with the invite's roles, and the invite is accepted.
 * Not part of the management API, so not in the operation table.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(c: Context, title: string, body: string, status: 200 | 400 | 404 = 200): Response {
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body style="font-family:system-ui;max-width:32rem;margin:4rem auto"><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
    status,
  );
}

export function acceptInvite(kit: KindeRouteKit, invite: KindeInviteRecord): void {
  const state = kit.state();
  const now = kindeTime(kit.ctx.now());
  let user = state.users.find((candidate) => candidate.email.toLowerCase() === invite.email);
  if (!user) {
    user = {
      id: `kp_${randomBytes(16).toString('hex')}`,
      email: invite.email,
      first_name: invite.first_name ?? '',
      last_name: invite.last_name ?? '',
      picture: null,
      is_suspended: false,
      created_on: now,
      last_accessed_on: now,
    };
    state.users.push(user);
  }
  const userId = user.id;
  const row = state.memberships.find((m) => m.orgCode === invite.orgCode && m.userId === userId);
  if (row) row.roles = [...new Set([...row.roles, ...invite.roles])];
  else
    state.memberships.push({
      orgCode: invite.orgCode,
      userId,
      roles: [...invite.roles],
      joinedOn: now,
    });
  invite.accepted_on = now;
  kit.ctx.store.changed();
}

export function registerInvitePage(app: Hono, kit: KindeRouteKit): void {
  const find = (code: string | undefined) => kit.state().invites.find((row) => row.code === code);

  /** The pending invite of the code, or the page that says why it cannot be accepted. */
  function pending(c: Context, code: string | null | undefined): KindeInviteRecord | Response {
    const invite = find(code ?? undefined);
    if (!invite)
      return page(c, 'Invitation not found', '<p>This invitation link is not valid.</p>', 404);
    if (invite.is_revoked)
      return page(c, 'Invitation revoked', '<p>This invitation has been revoked.</p>', 400);
    if (invite.accepted_on !== null) {
      return page(
        c,
        'Invitation accepted',
        `<p>This invitation was accepted on ${escapeHtml(invite.accepted_on)}.</p>`,
        400,
      );
    }
    return invite;
  }

  app.get('/team_invitation', (c) => {
    const invite = pending(c, c.req.query('code'));
    if (invite instanceof Response) return invite;
    const org = kit.findOrg(invite.orgCode);
    return page(
      c,
      `Join ${org?.name ?? 'the organization'}`,
      `<p>${escapeHtml(invite.email)} is invited as ${escapeHtml(invite.roles.join(', '))}.</p>` +
        `<form method="post"><input type="hidden" name="code" value="${escapeHtml(invite.code)}">` +
        `<button type="submit">Accept invitation</button></form>`,
    );
  });

  app.post('/team_invitation', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const invite = pending(c, form.get('code') ?? c.req.query('code'));
    if (invite instanceof Response) return invite;
    acceptInvite(kit, invite);
    const org = kit.findOrg(invite.orgCode);
    return page(
      c,
      'Invitation accepted',
      `<p>${escapeHtml(invite.email)} is now a member of ${escapeHtml(org?.name ?? invite.orgCode)}.</p>`,
    );
  });
}
