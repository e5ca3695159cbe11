import type { OrgAdminApi } from '../../../src/api/org-admin-api';
import { loadAdapter } from '../../../src/api/adapters';
import type { ProviderKind } from '../../../src/api/domain';
import { createOrg } from '../../data';
import { consoleSession, test } from '../../fixtures';
import { GlobalSearch } from '../../pages/global-search.page';
import { PersonPage } from '../../pages/person.page';

async function adapterFor(connectionId: ProviderKind, baseURL: string): Promise<OrgAdminApi> {
  const session = await consoleSession(baseURL);
  return loadAdapter(connectionId, {
    baseUrl: `${baseURL}/api/connections/${connectionId}/upstream`,
    headers: session.headers,
    csrfToken: () => session.csrfToken,
  });
}

/** Whether this server serves the connection index (`/api/people`); it is off unless wired in. */
async function indexServed(baseURL: string): Promise<boolean> {
  const response = await fetch(`${baseURL}/api/people?email=a&limit=1`);
  return response.status !== 404;
}

test.describe('Where is this person?', () => {
  test('Ctrl+K finds a person invited to three orgs on two connections; their page shows all three', async ({
    page,
    baseURL,
    orgList,
    unique,
  }) => {
    test.skip(
      !(await indexServed(baseURL ?? '')),
      'this server does not serve the connection index (server/start.ts does not enable it yet)',
    );
    const email = `where-${unique}@example.com`;
    const kinde = await adapterFor('kinde', baseURL ?? '');
    const permit = await adapterFor('permit', baseURL ?? '');
    const orgs: { label: RegExp; name: string }[] = [];
    for (const [api, label, tag] of [
      [kinde, /Kinde/, 'Where A'],
      [kinde, /Kinde/, 'Where B'],
      [permit, /Permit/, 'Where C'],
    ] as const) {
      const org = await createOrg(api, tag, unique);
      const roles = (await api.roles?.list(org.id))?.slice(0, 1).map((r) => r.key) ?? [];
      await api.invitations?.create(org.id, { email, roles });
      orgs.push({ label, name: org.name });
    }

    await orgList.goTo();
    const search = new GlobalSearch(page);
    await search.openWithShortcut();
    await search.type(email);
    await search.result(new RegExp(email)).click();

    const person = new PersonPage(page);
    await person.assertShowing(email);
    for (const org of orgs) await person.assertInvitedTo(org.label, org.name);
  });
});
