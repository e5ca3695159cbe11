import { expect, test } from '../../fixtures';
import { ConnectionsPage } from '../../pages/connections.page';
import { SignInPage } from '../../pages/sign-in.page';
import { AxeScan } from '../../widgets/axe';
import { assertToast } from '../../widgets/snackbar';

/** The signed-in server's user-token connection (e2e/config/signed-in.orgdeck.json). */
const LABEL = 'NuMind (your own token)';

test.describe('A user-token connection', () => {
  test('a console user pastes their own token: checked with the provider, kept, replaced and forgotten', async ({
    page,
  }) => {
    const connections = new ConnectionsPage(page);
    await new SignInPage(page).signInAs('sam');
    await connections.goTo();

    await connections.openTokenDialog(LABEL, 'Provide');
    const axe = new AxeScan(page, true);
    await axe.check('User-token dialog');

    await connections.saveToken('not-my-access-token');
    await expect(connections.tokenDialog.getByRole('alert')).toContainText(
      'NuMind refused the credential (HTTP 401). Orgdeck did not keep it',
    );
    await expect(connections.tokenInput).toHaveValue('not-my-access-token');
    await axe.check('User-token dialog, token refused');

    await connections.saveToken('sandbox-token');
    await expect(connections.tokenDialog).toBeHidden();
    await assertToast(page, `Your token for ${LABEL} is set for this session`);
    await expect(await connections.checkHealth(LABEL)).toContainText(
      'Reachable, credential accepted',
    );

    await connections.card(LABEL).getByRole('link', { name: 'Open organizations' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
    await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();

    await connections.goTo();
    await connections.openTokenDialog(LABEL, 'Replace');
    await connections.forgetToken();
    await assertToast(page, `Your token for ${LABEL} is forgotten`);
    await expect(
      connections.card(LABEL).getByRole('button', { name: 'Provide your token' }),
    ).toBeVisible();
  });
});
