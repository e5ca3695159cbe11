import { expect, test } from '../../fixtures';

/**
 * Issue 10, warm navigation list → org → back, checked by what happens rather than by timings:
 * no call is repeated within its stale time, the org's header comes from the list's cache (its
 * own request is held and never answered here), and back on the list no frame shows it without
 * rows. Clerk: the provider the org list is measured on.
 */

const LIST_PATH = '/c/clerk/orgs';
/** The detail call of one Clerk org (`GET /v1/organizations/{id}`), not the list. */
const DETAIL_CALL = /\/api\/connections\/clerk\/upstream\/v1\/organizations\/[^/?]+(?:\?|$)/;

test.describe('Warm navigation: list → org → back', () => {
  test('the org header shows from the list at once, and back needs no call and no empty frame', async ({
    page,
    orgList,
  }) => {
    const calls: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'GET' && url.pathname.startsWith('/api/'))
        calls.push(url.pathname + url.search);
    });
    let heldDetailCalls = 0;
    // The org's own request is held: what the header shows can only come from the list's cache.
    await page.route(DETAIL_CALL, () => {
      heldDetailCalls += 1;
    });

    await page.goto(LIST_PATH);
    await orgList.assertLoaded();
    const name = (await orgList.rows.first().getByRole('link').textContent())?.trim() ?? '';
    expect(name).not.toBe('');

    await orgList.openOrg(name);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    expect(heldDetailCalls, 'the detail page still reads the org itself').toBe(1);

    // From the back navigation on, every frame that shows the list must show its rows.
    await page.evaluate(() => {
      const frames: { list: boolean; rows: number }[] = [];
      (window as unknown as { warmFrames: typeof frames }).warmFrames = frames;
      const sample = () => {
        const heading = [...document.querySelectorAll('h1')].some(
          (h1) => h1.textContent.trim() === 'Organizations',
        );
        const rows = [...document.querySelectorAll('tbody tr')].filter((row) =>
          row.querySelector('a')?.textContent.trim(),
        ).length;
        frames.push({ list: heading, rows });
        if (frames.length < 120) requestAnimationFrame(sample);
      };
      addEventListener('popstate', () => requestAnimationFrame(sample), { once: true });
    });
    await page.goBack();
    await orgList.assertLoaded();
    const frames = await page.evaluate(
      () => (window as unknown as { warmFrames: { list: boolean; rows: number }[] }).warmFrames,
    );
    const listFrames = frames.filter((frame) => frame.list);
    expect(listFrames.length, 'frames sampled after going back').toBeGreaterThan(0);
    expect(
      listFrames.filter((frame) => frame.rows === 0),
      'list frames without rows',
    ).toEqual([]);

    const repeated = calls.filter((call, index) => calls.indexOf(call) !== index);
    expect(repeated, `calls made twice (all: ${calls.join(', ')})`).toEqual([]);
  });
});
