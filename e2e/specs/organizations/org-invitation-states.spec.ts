import { expect, injectFault, test } from '../../fixtures';
import { createOrg, roleNames, usersNotIn } from '../../data';
import type { OrgAdminApi } from '../../../src/api/org-admin-api';
import type { Invitation } from '../../../src/api/people';
import { InvitationsTab } from '../../pages/invitations-tab.page';
import { assertToast } from '../../widgets/snackbar';

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) >>> 0;
  return h;
}

/**
 * An expired invitation nobody has invited again yet (no pending one for the address), picked by
 * the test's seed among the seeded orgs, so parallel tests do not resend the same one. The sandbox
 * has no clock to move, so expired invitations come from its seed.
 */
async function expiredInvitation(
  api: OrgAdminApi,
  unique: string,
): Promise<{ org: { id: string; name: string }; invitation: Invitation }> {
  const invitations = api.invitations;
  if (!invitations) throw new Error('no invitations API');
  const found: { org: { id: string; name: string }; invitation: Invitation }[] = [];
  for (const org of (await api.organizations.listAll()).items) {
    // Orgs where the connection may not see invitations (a plain member on Clerk's Frontend API).
    const expired = await invitations.listAll(org.id, ['expired']).then(
      (all) => all.items,
      () => [],
    );
    if (expired.length === 0) continue;
    const pending = new Set(
      (await invitations.listAll(org.id, ['pending'])).items.map((i) => i.email.toLowerCase()),
    );
    for (const invitation of expired) {
      if (!pending.has(invitation.email.toLowerCase()))
        found.push({ org: { id: org.id, name: org.name }, invitation });
    }
    if (found.length >= 12) break;
  }
  const chosen = found[hash(unique) % Math.max(1, found.length)];
  if (!chosen) throw new Error('the seed has expired invitations');
  return chosen;
}

/** The role key CSV rows name where the provider takes one on invite, otherwise none. */
async function csvRole(api: OrgAdminApi, orgId: string): Promise<string> {
  if (!api.capabilities.people.invitations?.roles) return '';
  return (await roleNames(api, orgId)).basicKey ?? '';
}

test.describe('Invitations: statuses, links, resend and rate limits', () => {
  test('shows revoked and expired invitations from the status filter in the URL, then resends an expired one', async ({
    page,
    api,
    caps,
    connectionId,
    unique,
  }) => {
    const invitationCaps = caps.people.invitations;
    test.skip(
      !invitationCaps?.statuses.includes('expired') ||
        !invitationCaps.statuses.includes('revoked') ||
        !invitationCaps.expires ||
        invitationCaps.resend === null,
      'this provider keeps no expired and revoked invitations to resend',
    );
    const { org, invitation: expired } = await expiredInvitation(api, unique);
    // A revoked invitation of the test's own, in the same org.
    const revokedEmail = `revoked-${unique}@example.com`;
    const { basicKey } = await roleNames(api, org.id);
    await api.invitations?.create(org.id, {
      email: revokedEmail,
      roles: basicKey ? [basicKey] : [],
    });
    const created = (await api.invitations?.listAll(org.id, ['pending']))?.items.find(
      (item) => item.email === revokedEmail,
    );
    await api.invitations?.revoke?.(org.id, created?.id ?? '');

    const invitations = new InvitationsTab(page);
    await page.goto(
      `/c/${connectionId}/orgs/${encodeURIComponent(org.id)}/invitations?status=revoked,expired`,
    );
    await expect(invitations.region).toBeVisible();
    const filter = invitations.region.getByRole('group', { name: 'Show invitations by status' });
    for (const [status, pressed] of [
      ['Pending', 'false'],
      ['Revoked', 'true'],
      ['Expired', 'true'],
    ] as const) {
      await expect(filter.getByRole('button', { name: status })).toHaveAttribute(
        'aria-pressed',
        pressed,
      );
    }
    await expect(invitations.table.getByRole('columnheader', { name: 'Expires' })).toBeVisible();
    const expiredRow = invitations.row(expired.email).first();
    await expect(expiredRow.getByText('Expired', { exact: true })).toBeVisible();
    // The expiry column gives the (past) date, not "Never".
    await expect(expiredRow.getByRole('cell').nth(4)).not.toHaveText(/Never|—/);
    await expect(invitations.row(revokedEmail).getByText('Revoked', { exact: true })).toBeVisible();
    // Revoked and expired invitations cannot be revoked again.
    await expect(
      invitations.row(revokedEmail).getByRole('button', { name: /^Revoke/ }),
    ).toHaveCount(0);

    await page.reload();
    await expect(page).toHaveURL(/[?&]status=revoked(%2C|,)expired/);
    await expect(invitations.row(revokedEmail)).toBeVisible();

    await expiredRow
      .getByRole('button', { name: `Resend the invitation to ${expired.email}` })
      .click();
    await assertToast(page, `Resent the invitation to ${expired.email}`);
    await invitations.goTo(connectionId, org.id);
    await invitations.assertPending(expired.email);
  });

  test('copies an invitation link, as the confirmation and the clipboard show', async ({
    page,
    context,
    api,
    caps,
    connectionId,
    unique,
  }) => {
    test.skip(!caps.people.invitations?.link, 'this provider returns no invitation links');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const org = await createOrg(api, 'Link', unique);
    const { basicKey } = await roleNames(api, org.id);
    const email = `link-${unique}@example.com`;
    await api.invitations?.create(org.id, { email, roles: basicKey ? [basicKey] : [] });
    const url = (await api.invitations?.listAll(org.id, ['pending']))?.items.find(
      (item) => item.email === email,
    )?.url;
    expect(url).toMatch(/^https?:\/\//);

    const invitations = new InvitationsTab(page);
    await invitations.goTo(connectionId, org.id);
    await invitations
      .row(email)
      .getByRole('button', { name: `Copy the invitation link for ${email}` })
      .click();
    await assertToast(page, `Copied the invitation link for ${email}`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  });

  test('imports a CSV through a rate limit: waits for the retry header, then invites every row', async ({
    orgUnless,
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    const org = await orgUnless(
      !caps.people.invitations,
      'this provider keeps no invitations',
      'Limit',
    );
    const role = await csvRole(api, org.id);
    const emails = [1, 2, 3].map((n) => `limit-${n}-${unique}@example.com`);
    const csv = ['email,role', ...emails.map((email) => `${email},${role}`)].join('\n');
    // Scoped to this org's invite call (every provider's create path ends in /{org}/<collection>).
    await injectFault(baseURL ?? '', {
      vendor: connectionId,
      method: 'POST',
      path: `/**/${org.id}/*`,
      status: 429,
      retryAfterSeconds: 3,
      times: 1,
    });
    const invitations = new InvitationsTab(page);
    await invitations.goTo(connectionId, org.id);
    const dialog = await invitations.importCsv({
      name: 'limited.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect(dialog.getByRole('status').filter({ hasText: 'Dry run' })).toHaveText(
      /3 will be invited, 0 will not be sent/,
    );
    await dialog.getByRole('button', { name: 'Invite 3 people' }).click();
    const progress = dialog.getByRole('status').filter({ hasText: 'Importing' });
    await expect(progress).toContainText(/rate limited, waiting \d+ s/);
    await expect(progress).toContainText('Importing: 3 of 3 done', { timeout: 20_000 });
    await expect(progress).not.toContainText('failed');
    for (const email of emails) {
      await expect(
        dialog.getByRole('row').filter({ hasText: email }).getByText('Invited', { exact: true }),
      ).toBeVisible();
    }
    await assertToast(page, 'Imported limited.csv: 3 of 3 invited');
    await dialog.getByRole('button', { name: 'Done' }).click();
    for (const email of emails) await invitations.assertPending(email);
  });
});

test.describe('Invitations: roles and inviter', () => {
  test('CSV rows without a role wait for "Role for rows without one" where a role is required', async ({
    orgUnless,
    page,
    api,
    caps,
    connectionId,
    unique,
  }) => {
    const org = await orgUnless(
      !caps.people.invitations?.roleRequired,
      'this provider needs no role to invite',
      'CSV Role',
    );
    const { basic } = await roleNames(api, org.id);
    const email = `no-role-${unique}@example.com`;
    const invitations = new InvitationsTab(page);
    await invitations.goTo(connectionId, org.id);
    const dialog = await invitations.importCsv({
      name: 'no-role.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['email,role', `${email},`].join('\n')),
    });
    await invitations.assertCheck(
      dialog,
      email,
      'No role: give one in the file or choose one for rows without one',
    );
    await expect(dialog.getByRole('button', { name: 'Invite 0 people' })).toBeDisabled();
    await invitations.pickRole(dialog, /^Role for rows without one/, basic ?? '');
    await invitations.assertCheck(dialog, email, 'Will be invited');
    await dialog.getByRole('button', { name: 'Invite 1 person' }).click();
    await assertToast(page, 'Imported no-role.csv: 1 of 1 invited');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await invitations.assertPending(email);
    await expect(invitations.row(email).getByText(basic ?? '', { exact: true })).toBeVisible();
  });

  test('names an admin as the inviter where the provider takes one', async ({
    orgUnless,
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    const org = await orgUnless(
      !caps.people.invitations?.inviter,
      'this provider takes no inviter',
      'Inviter',
    );
    const [admin] = await usersNotIn(api, connectionId, baseURL ?? '', org.id, 1, unique);
    const adminRole = (await api.roles?.list(org.id))?.find((role) => /admin/i.test(role.key));
    await api.members?.add?.(org.id, {
      userId: admin?.userId ?? '',
      roles: adminRole ? [adminRole.key] : [],
    });
    const { basic } = await roleNames(api, org.id);
    const emails = [`by-admin-a-${unique}@example.com`, `by-admin-b-${unique}@example.com`];
    const invitations = new InvitationsTab(page);
    await invitations.goTo(connectionId, org.id);
    const dialog = await invitations.startInvite(emails.join(', '), basic);
    await dialog.getByRole('combobox', { name: 'Invited by' }).click();
    await page.getByRole('option', { name: new RegExp(escape(admin?.email ?? '')) }).click();
    await invitations.send(dialog, 2);
    await assertToast(page, `2 invited to ${org.name}`);
    await dialog.getByRole('button', { name: 'Done' }).click();
    const invitedBy = (await api.invitations?.listAll(org.id, ['pending']))?.items.find(
      (item) => item.email === emails[0],
    )?.invitedBy;
    expect(invitedBy).toBeTruthy();
    for (const email of emails) {
      await invitations.assertPending(email);
      await expect(
        invitations.row(email).getByText(invitedBy ?? '', { exact: true }),
      ).toBeVisible();
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
