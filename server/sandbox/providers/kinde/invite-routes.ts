import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { kindeError, kindeErrors, kindeNotFound, organizationNotFound } from './errors';
import { readInviteInput } from './invite-input';
import { pageOf, readBooleanQuery, readPageQuery, nextTokenField } from './paging';
import { fullName, organizationInvite } from './people-view';
import { readObjectBody, success, type KindeHandlers, type KindeRouteKit } from './route-kit';
import { groupedBy } from './lookup';
import { kindeTime, type KindeInviteRecord, type KindeOrgRecord } from './state';

/**
 * Org invites, on the singular path: `GET/POST /api/v1/organization/{org_code}/invites` and
 * `GET/DELETE …/invites/{invite_code}`. Kinde invites never expire; revoking keeps the invite.
 */

/**
 * Kinde caps the invites an org can create per rolling 24 hours and the active (pending) ones
 * it can hold, without publishing the numbers: these are the sandbox's.
 */
export const INVITES_PER_DAY = 50;
export const ACTIVE_INVITES = 250;
const DAY_MS = 86_400_000;

const INVITE_SORTS = [
  'created_on_asc',
  'created_on_desc',
  'email_asc',
  'email_desc',
  'name_asc',
  'name_desc',
] as const;
type InviteSort = (typeof INVITE_SORTS)[number];

const isPending = (invite: KindeInviteRecord) => !invite.is_revoked && invite.accepted_on === null;

/**
 * Sorted invites. Invites created in the same second keep the order they were created in (the
 * newer first when descending); invites without a name sort by their e-mail among the named
 * ones (both choices).
 */
function sortInvites(rows: readonly KindeInviteRecord[], sort: InviteSort): KindeInviteRecord[] {
  const text = (invite: KindeInviteRecord): string =>
    sort.startsWith('created_on')
      ? invite.created_on
      : sort.startsWith('email')
        ? invite.email
        : fullName(invite) || invite.email;
  const ascending = [...rows].sort((a, b) => {
    const x = text(a).toLowerCase();
    const y = text(b).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return sort.endsWith('_desc') ? ascending.reverse() : ascending;
}

type InviteOperation =
  | 'listOrganizationInvites'
  | 'createOrganizationInvite'
  | 'getOrganizationInvite'
  | 'revokeOrganizationInvite';

export function inviteHandlers(kit: KindeRouteKit): KindeHandlers<InviteOperation> {
  const state = () => kit.state();
  const view = (c: Context, invite: KindeInviteRecord) =>
    organizationInvite(invite, state().roles, kit.businessUrl(c));

  function pathOrg(c: Context): KindeOrgRecord | undefined {
    return kit.findOrg(c.req.param('org_code') ?? '');
  }

  /** For the single-invite endpoints, which declare 404: both misses use the object envelope. */
  function pathInvite(c: Context): KindeInviteRecord | Response {
    const org = pathOrg(c);
    if (!org) return kindeNotFound('ORGANIZATION_NOT_FOUND', 'Organization not found');
    const code = c.req.param('invite_code');
    const invite = state().invites.find((row) => row.code === code && row.orgCode === org.code);
    return invite ?? kindeNotFound('INVITATION_NOT_FOUND', 'Invitation not found');
  }

  function newCode(): string {
    for (;;) {
      const code = `inv_${randomBytes(6).toString('hex')}`;
      if (!state().invites.some((row) => row.code === code)) return code;
    }
  }

  /** The refusal when the org is at one of its invite caps, or null. */
  function capReached(orgCode: string): Response | null {
    const now = kit.ctx.now();
    const invites = groupedBy(state().invites, 'orgCode').get(orgCode) ?? [];
    const today = invites
      .map((row) => Date.parse(row.created_on))
      .filter((created) => created > now - DAY_MS && created <= now);
    if (today.length >= INVITES_PER_DAY) {
      const reset = Math.max(1, Math.ceil((Math.min(...today) + DAY_MS - now) / 1000));
      return kindeErrors(
        429,
        [
          {
            code: 'INVITE_RATE_LIMIT_EXCEEDED',
            message: `This organization has reached its limit of ${INVITES_PER_DAY} invitations in 24 hours`,
          },
        ],
        { 'RateLimit-Reset': String(reset) },
      );
    }
    if (invites.filter(isPending).length >= ACTIVE_INVITES) {
      return kindeError(
        400,
        'ACTIVE_INVITE_LIMIT_EXCEEDED',
        `This organization has reached its limit of ${ACTIVE_INVITES} active invitations`,
      );
    }
    return null;
  }

  return {
    listOrganizationInvites: kit.guarded('read:organization_invites', (c) => {
      const org = pathOrg(c);
      if (!org) return organizationNotFound('org_code');
      const get = (name: string) => c.req.query(name);
      const query = readPageQuery(get, INVITE_SORTS);
      const errors = Array.isArray(query) ? [...query] : [];
      const includeRevoked = readBooleanQuery(get, 'include_revoked', errors);
      const includeAccepted = readBooleanQuery(get, 'include_accepted', errors);
      if (errors.length > 0 || Array.isArray(query)) return kindeErrors(400, errors);
      const rows = (groupedBy(state().invites, 'orgCode').get(org.code) ?? []).filter(
        (row) =>
          isPending(row) ||
          (row.is_revoked && includeRevoked) ||
          (row.accepted_on !== null && includeAccepted),
      );
      // With no sort the newest come first (a choice; the spec's example sort is created_on_desc).
      const sort = query.sort ?? 'created_on_desc';
      const { items, nextToken } = pageOf(sortInvites(rows, sort), query);
      return c.json({
        code: 'OK',
        message: 'Success',
        invites: items.map((invite) => view(c, invite)),
        ...nextTokenField(nextToken),
      });
    }),

    createOrganizationInvite: kit.guarded('create:organization_invites', async (c) => {
      const org = pathOrg(c);
      if (!org) return organizationNotFound('org_code');
      const body = await readObjectBody(c);
      if (body instanceof Response) return body;
      const input = readInviteInput(body, new Set(state().roles.map((role) => role.key)));
      if (Array.isArray(input)) return kindeErrors(400, input);

      // Refusing a second pending invite, or an invite for a member, is the sandbox's choice.
      const pending = state().invites.some(
        (row) => row.orgCode === org.code && row.email === input.email && isPending(row),
      );
      if (pending) {
        return kindeError(
          400,
          'INVITATION_ALREADY_EXISTS',
          'An invitation for this email is already pending',
          'email',
        );
      }
      const user = state().users.find((candidate) => candidate.email.toLowerCase() === input.email);
      const member =
        user &&
        state().memberships.some((row) => row.orgCode === org.code && row.userId === user.id);
      if (member) {
        return kindeError(
          400,
          'USER_ALREADY_IN_ORGANIZATION',
          'A user with this email is already a member of this organization',
          'email',
        );
      }
      const capped = capReached(org.code);
      if (capped) return capped;

      const invite: KindeInviteRecord = {
        code: newCode(),
        orgCode: org.code,
        email: input.email,
        first_name: input.first_name,
        last_name: input.last_name,
        roles: input.roles,
        created_on: kindeTime(kit.ctx.now()),
        is_sent: input.send_email,
        accepted_on: null,
        is_revoked: false,
      };
      state().invites.push(invite);
      kit.ctx.store.changed();
      return c.json(
        { code: 'INVITATION_CREATED', message: 'Invitation created', invite: view(c, invite) },
        201,
      );
    }),

    getOrganizationInvite: kit.guarded('read:organization_invites', (c) => {
      const invite = pathInvite(c);
      if (invite instanceof Response) return invite;
      // Flat: the invite's fields plus `message`; `code` is the invite code.
      return c.json({ message: 'Success', ...view(c, invite) });
    }),

    revokeOrganizationInvite: kit.guarded('delete:organization_invites', (c) => {
      const invite = pathInvite(c);
      if (invite instanceof Response) return invite;
      if (invite.is_revoked) {
        return kindeError(
          400,
          'INVITATION_ALREADY_REVOKED',
          'This invitation has already been revoked',
        );
      }
      if (invite.accepted_on !== null) {
        return kindeError(
          400,
          'INVITATION_ALREADY_ACCEPTED',
          'An accepted invitation cannot be revoked',
        );
      }
      invite.is_revoked = true;
      kit.ctx.store.changed();
      return success();
    }),
  };
}
