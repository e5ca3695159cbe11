import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describe(violations: readonly Violation[]): string[] {
  return violations.map(
    (v) => `${v.impact ?? '?'} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Moderate rules that still fail a view: landmarks (content outside any landmark, such as the
 * user picker's or a row menu's popup), a page without its h1, a table header with no text.
 */
const MODERATE_RULES_THAT_FAIL = new Set(['region', 'page-has-heading-one', 'empty-table-header']);

/** The axe rules whose result depends on the colour scheme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/**
 * How strict a scan is: `blocking` fails on serious and critical violations and the moderate
 * rules above; `all` fails on any violation, minor ones included (the views that already pass
 * every rule: the org list, the org page and each of its tabs).
 */
export type AxeStrictness = 'blocking' | 'all';

/**
 * Scans what the page shows now (an open dialog or menu included) with axe. `check` records a
 * soft failure per view, so one walk reports every view that has serious or critical violations.
 */
export class AxeScan {
  private scheme: 'light' | 'dark' | null = null;

  /**
   * `bothSchemes`: each view is scanned in the light and the dark scheme, switched in place (the
   * console follows the system's scheme), so a walk opens each view once for both.
   */
  constructor(
    readonly page: Page,
    private readonly bothSchemes = false,
  ) {}

  async check(view: string, strictness: AxeStrictness = 'blocking'): Promise<void> {
    if (!this.bothSchemes) {
      await this.scan(view, strictness);
      return;
    }
    if (this.scheme === null) await this.switchTo('light');
    const first = this.scheme ?? 'light';
    const second = first === 'light' ? 'dark' : 'light';
    await this.scan(`${view} (${first})`, strictness);
    await this.switchTo(second);
    // The scheme changes colours only (the DOM and its ARIA are the same), so in the second
    // scheme the rules about colour are the ones whose answer can differ.
    await this.scan(`${view} (${second})`, strictness, COLOUR_RULES);
  }

  private async switchTo(scheme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMedia({ colorScheme: scheme });
    await expect(this.page.locator('html')).toHaveClass(new RegExp(`\\b${scheme}\\b`));
    this.scheme = scheme;
  }

  private async scan(
    view: string,
    strictness: AxeStrictness,
    rules?: readonly string[],
  ): Promise<void> {
    // Colours read mid-transition (a dialog fading in, a button turning enabled) are neither the
    // old nor the new ones: let running transitions end first (not endless ones: spinners, pulses),
    // waiting at most a second.
    await this.page.evaluate(() =>
      Promise.race([
        Promise.all(
          document
            .getAnimations()
            .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
            .map((animation) => animation.finished.catch(() => null)),
        ),
        new Promise((resolve) => setTimeout(resolve, 1000)),
      ]),
    );
    // axe.run in the page itself: the default (runPartial, then finishRun in a blank page the
    // builder opens and loads axe into for every scan) exists for cross-origin iframes, and the
    // console has no iframes. Same rules, same results, without a new page per scan.
    const builder = new AxeBuilder({ page: this.page }).setLegacyMode();
    const { violations } = await (rules ? builder.withRules([...rules]) : builder).analyze();
    if (strictness === 'all') {
      expect.soft(describe(violations), `axe, any impact: ${view}`).toEqual([]);
      return;
    }
    const blocking = violations.filter(
      (v) =>
        v.impact === 'serious' || v.impact === 'critical' || MODERATE_RULES_THAT_FAIL.has(v.id),
    );
    expect.soft(describe(blocking), `axe, serious, critical or landmarks: ${view}`).toEqual([]);
  }
}
