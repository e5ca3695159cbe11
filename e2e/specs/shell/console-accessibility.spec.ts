import { test } from '../../fixtures';

/**
 * The console's pages that do not depend on a connection's provider, scanned with axe in both
 * colour schemes (switched in place): once here rather than once per provider project.
 */
test.describe('Accessibility, light and dark schemes', () => {
  test.describe.configure({ timeout: 180_000 });

  test('the audit log, connections (and the token dialog), an unknown address and sign-in', async ({
    walk,
  }) => {
    await walk.assertConsolePages();
  });

  test('the dialog that shows a new organization’s one-time key (Permit)', async ({
    unique,
    walk,
  }) => {
    await walk.assertOneTimeSecretDialog(`E2E Axe key ${unique}`);
  });
});
