import { test } from '../../fixtures';
import { AccessibilityWalk } from '../../pages/accessibility-walk';

/**
 * The console's pages that do not depend on a connection's provider, scanned with axe in both
 * colour schemes (switched in place): once here rather than once per provider project.
 */
test.describe('Accessibility, light and dark schemes', () => {
  test.describe.configure({ timeout: 180_000 });

  test('the audit log, connections (and the token dialog), an unknown address and sign-in', async ({
    page,
    caps,
    connectionId,
    unique,
    orgList,
    orgDetail,
  }) => {
    const walk = new AccessibilityWalk(page, caps, connectionId, unique, orgList, orgDetail);
    await walk.assertConsolePages();
  });

  test('the dialog that shows a new organization’s one-time key (Permit)', async ({
    page,
    caps,
    connectionId,
    unique,
    orgList,
    orgDetail,
  }) => {
    const walk = new AccessibilityWalk(page, caps, connectionId, unique, orgList, orgDetail);
    await walk.assertOneTimeSecretDialog(`E2E Axe key ${unique}`);
  });
});
