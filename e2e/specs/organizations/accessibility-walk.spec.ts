import { test } from '../../fixtures';
import { createOrg } from '../../data';

/**
 * Every page of a connection, every tab of an org and every dialog or menu they open, scanned with
 * axe after each step in both colour schemes (the scheme is switched in place, so each view is
 * opened once for both; serious and critical violations and the landmark rules fail, and on the
 * org list, the org page and its tabs a violation of any impact fails). Three walks
 * rather than a test per view: each sets up its data once, and the soft checks still name every
 * view that fails. Pages that do not depend on the provider (audit log, connections, 404,
 * sign-in) are walked once, in the shell project (shell/console-accessibility).
 */
test.describe('Accessibility, light and dark schemes', () => {
  // Each walk scans a dozen or more views twice; axe takes seconds per scan on a shared machine.
  test.describe.configure({ timeout: 420_000 });

  test('the connection’s overview, flag matrix and pending invitations', async ({ walk }) => {
    await walk.assertConnectionPages();
  });

  test('the organization list, its create dialog and the Ctrl+K search', async ({
    api,
    unique,
    walk,
  }) => {
    const org = await createOrg(api, 'Axe list', unique);
    await walk.assertOrgListAndSearch(org.name);
  });

  test('an organization: its header dialogs, every tab and each tab’s dialogs and menus', async ({
    api,
    baseURL,
    walk,
  }) => {
    const { org, person } = await walk.orgWithMembers(api, baseURL ?? '');
    await walk.assertOrgTabs(org, person);
  });
});
