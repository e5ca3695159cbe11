import type { Organization } from '../../../src/api/domain';
import { CLIENT_LIST_LIMIT } from '../../../src/api/collect-pages';
import { expect, test } from '../../fixtures';
import { SCALE_ORGS } from '../../scale';
import { waitForScaleServer } from '../../scale-server';

/** A count as the page prints it, in whatever grouping the browser's locale uses. */
function countPattern(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, '\\D?');
}

/** An org Kinde lists after the first `CLIENT_LIST_LIMIT`: past anything the browser loads. */
async function orgPastTheBrowserLimit(
  list: (page: number, pageSize: number) => Promise<{ items: readonly Organization[] }>,
): Promise<Organization> {
  const pageSize = 500;
  const page = Math.floor(CLIENT_LIST_LIMIT / pageSize) + 1;
  const { items } = await list(page, pageSize);
  const far = items.at(-1);
  if (!far) throw new Error(`Kinde lists no org past the first ${CLIENT_LIST_LIMIT}`);
  return far;
}

test.describe('Organizations at scale', () => {
  // The server starts in the background with the run (e2e/global-setup.ts) and seeds meanwhile.
  test.beforeAll(async ({ baseURL }) => {
    test.setTimeout(150_000);
    await waitForScaleServer(baseURL ?? '', 140_000);
  });

  test('a Kinde org beyond the first 2,000 is found by search once the index is built', async ({
    api,
    orgList,
  }) => {
    // The first sync reads every org, then each org's members and invitations.
    test.setTimeout(150_000);
    const far = await orgPastTheBrowserLimit((page, pageSize) =>
      api.organizations.list({ page, pageSize, search: '', sort: null }),
    );

    await orgList.goTo();
    // Kinde cannot search: the page asks the server's index, and says how far it has got. As a
    // support agent would, wait until it says the index is built, and of how many orgs.
    await orgList.search(far.name);
    await expect(orgList.indexFreshness).toHaveText(
      new RegExp(`^Indexed .+ · ${countPattern(SCALE_ORGS)} organizations$`),
      { timeout: 120_000 },
    );
    await orgList.assertLoaded();
    await orgList.assertRow(far.name);
    // The answer comes from every org, not from the first 2,000 the browser would load.
    await expect(orgList.browserNote).toBeHidden();
    await orgList.assertPageRange(/^1–\d+ of \d+$/);
  });
});
