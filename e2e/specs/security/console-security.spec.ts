import { expect, test } from '../../fixtures';
import { AuditLogPage } from '../../pages/audit-log.page';
import { InvitationsTab } from '../../pages/invitations-tab.page';
import { OrgBrandingPage } from '../../pages/org-branding.page';
import { providerCatalog } from '../../../src/api/providers/catalog';
import { solidPng } from '../../images';
import { SignInPage } from '../../pages/sign-in.page';
import { assertToast } from '../../widgets/snackbar';

/** A session's CSRF token, read the way the SPA reads it (the browser context carries the cookie). */
async function csrfToken(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const session = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  return session.csrfToken;
}

async function anyOrgId(
  request: import('@playwright/test').APIRequestContext,
): Promise<{ id: string; name: string }> {
  const orgs = (await (
    await request.get('/api/connections/permit/upstream/v2/orgs?per_page=5&page=2')
  ).json()) as { id: string; name: string }[];
  const org = orgs[0];
  if (!org) throw new Error('no Permit org');
  return org;
}

async function anyClerkOrgId(
  request: import('@playwright/test').APIRequestContext,
): Promise<string> {
  const page = (await (
    await request.get('/api/connections/clerk/upstream/v1/organizations?limit=1&offset=3')
  ).json()) as { data: { id: string }[] };
  const org = page.data[0];
  if (!org) throw new Error('no Clerk org');
  return org.id;
}

test.describe('Console security', () => {
  test('sign-in is required: a wrong password is refused, the right one opens the console', async ({
    page,
  }) => {
    const signIn = new SignInPage(page);
    await page.goto('/c/permit/orgs');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await signIn.signIn('vic', 'not-the-password');
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: /password|credentials/i })
        .first(),
    ).toBeVisible();
    await signIn.signIn('vic', 'vic-e2e-password');
    await expect(page).toHaveURL(/\/c\/permit\/orgs$/);
    await expect(
      page.getByRole('button', { name: 'Signed in as Vic Viewer (viewer)' }),
    ).toBeVisible();
  });

  test('a viewer sees admin actions disabled with the reason, and the gateway refuses a hand-made delete', async ({
    page,
    orgList,
  }) => {
    await new SignInPage(page).signInAs('vic');
    await orgList.goTo();
    const reason = 'Only an admin can create organizations; you are signed in as viewer.';
    await expect(page.getByRole('button', { name: 'Create organization' })).toBeDisabled();
    await page.getByRole('note', { name: reason }).hover();
    await expect(page.getByRole('tooltip')).toHaveText(reason);

    const org = await anyOrgId(page.request);
    const refused = await page.request.delete(
      `/api/connections/permit/upstream/v2/orgs/${org.id}`,
      {
        headers: { 'x-csrf-token': await csrfToken(page.request) },
      },
    );
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'forbidden_role',
    );
    expect(
      (await page.request.get(`/api/connections/permit/upstream/v2/orgs/${org.id}`)).status(),
    ).toBe(200);
  });

  test('a viewer can neither drop nor upload a logo, and the Metadata tab gives the role as the reason', async ({
    page,
  }) => {
    await new SignInPage(page).signInAs('vic');
    const writes: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') writes.push(`${request.method()} ${request.url()}`);
    });
    const orgId = await anyClerkOrgId(page.request);
    await page.goto(`/c/clerk/orgs/${orgId}/branding`);
    const branding = new OrgBrandingPage(page, providerCatalog.clerk.capabilities);
    const logoReason = 'Only an admin can change logos; you are signed in as viewer.';

    await expect(branding.dropZone).toHaveAttribute('aria-disabled', 'true');
    await expect(branding.dropZone).toContainText(logoReason);
    await branding.dropFile({
      name: 'dropped.png',
      mimeType: 'image/png',
      buffer: solidPng(64, 64),
    });
    await expect(branding.chooseButton).toBeDisabled();
    const upload = branding.region.getByRole('button', { name: 'Upload logo' });
    await expect(upload).toBeDisabled();
    const notes = branding.region.getByRole('note', { name: logoReason });
    await expect(notes).toHaveCount(2);
    await notes.last().hover();
    await expect(page.getByRole('tooltip')).toHaveText(logoReason);
    // An admin's drop would have shown a preview and enabled the upload by now.
    await expect(
      branding.region.getByRole('img', { name: /^Preview of the new logo/ }),
    ).toHaveCount(0);
    await expect(branding.region.getByRole('button', { name: /^Upload / })).toHaveText(
      'Upload logo',
    );

    await page.getByRole('tab', { name: 'Metadata', exact: true }).click();
    const panel = page.getByRole('tabpanel', { name: 'Metadata' });
    await expect(
      panel.getByText('Only an admin can change metadata; you are signed in as viewer.'),
    ).toBeVisible();
    await expect(panel.getByText(/read-only through this API/)).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Merge metadata' })).toHaveCount(0);
    expect(writes).toEqual([]);
  });

  test('a state-changing request without the CSRF token is refused', async ({ page }) => {
    await new SignInPage(page).signInAs('ava');
    const response = await page.request.post('/api/connections/permit/upstream/v2/orgs', {
      data: { key: `no-csrf-${Date.now()}`, name: 'No CSRF' },
    });
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
  });

  test('support invites (recorded in the audit log with who and how it ended) but cannot delete an org', async ({
    page,
    connectionId,
    unique,
  }) => {
    await new SignInPage(page).signInAs('sam');
    const org = await anyOrgId(page.request);
    const invitations = new InvitationsTab(page);
    await invitations.goTo(connectionId, org.id);
    const email = `audited-${unique}@example.com`;
    const dialog = await invitations.startInvite(email, null);
    await invitations.send(dialog, 1);
    await assertToast(page, `1 invited to ${org.name}`);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();

    const audit = new AuditLogPage(page);
    await audit.goTo(`?connection=${connectionId}&org=${org.id}`);
    await audit.assertEntry(email, { actor: 'Sam Support', outcome: 'success' });
  });

  test('only a signed-in admin controls the sandbox; unknown sandbox paths are a JSON 404', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL: baseURL ?? '' });
    // A fault on a path no journey calls, so parallel tests are not disturbed.
    const fault = { vendor: 'numind', path: '/api/e2e-unused', status: 500, times: 1 };
    const reset = await anonymous.post('/sandbox/reset');
    expect(reset.status()).toBe(401);
    expect((await anonymous.post('/sandbox/faults', { data: fault })).status()).toBe(401);
    const unknown = await anonymous.get('/sandbox/nope');
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'Not found', path: '/sandbox/nope' });
    // The control routes ask for sign-in before anything else, even for a wrong method.
    expect((await anonymous.get('/sandbox/reset')).status()).toBe(401);
    await anonymous.dispose();

    await new SignInPage(page).signInAs('ava');
    const headers = { 'x-csrf-token': await csrfToken(page.request) };
    expect((await page.request.get('/sandbox/reset')).status()).toBe(405);
    expect((await page.request.post('/sandbox/faults', { data: fault })).status()).toBe(403);
    const added = await page.request.post('/sandbox/faults', { data: fault, headers });
    expect(added.status()).toBe(201);
    const { id } = (await added.json()) as { id: string };
    const removed = await page.request.delete(`/sandbox/faults/${id}`, { headers });
    expect(removed.status()).toBe(200);
  });

  test('signing out ends the session', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.signInAs('ava');
    await signIn.signOut(/^Signed in as Ava Admin/);
    await page.goto('/c/permit/orgs');
    await signIn.assertShown();
  });
});
