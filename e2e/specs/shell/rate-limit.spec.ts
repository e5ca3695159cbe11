import { expect, injectFault, test } from '../../fixtures';
import { createOrg } from '../../data';

/**
 * A provider's "too many requests" is said at once, with the countdown and what happens next,
 * instead of skeleton rows that look like a hang; the page then loads by itself.
 */
const RATE_LIMITED = 'The provider asked Orgdeck to wait (rate limited)';
const WHAT_NEXT =
  /Trying again (in \d+ s|now) \(attempt 2 of \d+\)\. If it still refuses, the page says so and offers Retry\./;

/** Only this org's own read is refused (once, 429 asking for 5 s), so parallel tests are not affected. */
async function refuseNextReadOf(baseURL: string, vendor: string, orgId: string): Promise<void> {
  await injectFault(baseURL, {
    vendor,
    method: 'GET',
    path: `/**/${orgId}`,
    status: 429,
    retryAfterSeconds: 5,
    times: 1,
  });
}

test('a rate-limited page says the provider asked to wait, counts down, then loads', async ({
  page,
  api,
  connectionId,
  baseURL,
  unique,
  orgDetail,
  orgList,
}) => {
  const org = await createOrg(api, 'Rate limit', unique);
  await orgList.goTo(`?q=${encodeURIComponent(org.name)}`);
  await orgList.assertLoaded();
  await refuseNextReadOf(baseURL ?? '', connectionId, org.id);
  await orgList.openOrg(org.name);
  const notice = page.getByRole('status').filter({ hasText: RATE_LIMITED });
  // Said at once, with the countdown and what happens next.
  await expect(notice).toContainText(WHAT_NEXT);
  await orgDetail.assertTitle(org.name);
  await expect(notice).toHaveCount(0);
});

test('a 429 on the very first data load of a fresh page is said at once, then the page loads', async ({
  page,
  api,
  connectionId,
  baseURL,
  unique,
  orgDetail,
}) => {
  const org = await createOrg(api, 'Rate limit fresh', unique);
  await refuseNextReadOf(baseURL ?? '', connectionId, org.id);
  // Opened directly: the page's first provider call starts before the console has rendered.
  await orgDetail.goTo(connectionId, org.id);
  const notice = page.getByRole('status').filter({ hasText: RATE_LIMITED });
  await expect(notice).toContainText(WHAT_NEXT, { timeout: 4_000 });
  await orgDetail.assertTitle(org.name);
  await expect(notice).toHaveCount(0);
});
