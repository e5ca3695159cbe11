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

/**
 * Scans what the page shows now (an open dialog or menu included) with axe. `check` records a
 * soft failure per view, so one walk reports every view that has serious or critical violations.
 */
export class AxeScan {
  constructor(readonly page: Page) {}

  async check(view: string): Promise<void> {
    const { violations } = await new AxeBuilder({ page: this.page }).analyze();
    const blocking = violations.filter(
      (v) =>
        v.impact === 'serious' || v.impact === 'critical' || MODERATE_RULES_THAT_FAIL.has(v.id),
    );
    expect.soft(describe(blocking), `axe, serious, critical or landmarks: ${view}`).toEqual([]);
  }
}
