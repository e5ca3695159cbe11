import { expect, type Locator, type Page } from '@playwright/test';

/** The Metadata tab: current public/private metadata, a merge editor with a preview. */
export class OrgMetadataPage {
  constructor(readonly page: Page) {}

  section(side: 'Public' | 'Private'): Locator {
    return this.page.getByRole('region', { name: `${side} metadata` });
  }

  async typeMergePatch(side: 'Public' | 'Private', json: string): Promise<void> {
    await this.section(side)
      .getByRole('textbox', { name: `${side} metadata: changes to merge` })
      .fill(json);
  }

  async previewOf(side: 'Public' | 'Private'): Promise<unknown> {
    const text = await this.section(side)
      .getByLabel(`Preview of ${side.toLowerCase()} metadata`)
      .textContent();
    return JSON.parse(text ?? 'null') as unknown;
  }

  async currentOf(side: 'Public' | 'Private'): Promise<unknown> {
    const text = await this.section(side)
      .getByLabel(`Current ${side.toLowerCase()} metadata`)
      .textContent();
    return JSON.parse(text ?? 'null') as unknown;
  }

  async assertRemoves(side: 'Public' | 'Private', paths: string): Promise<void> {
    await expect(this.section(side).getByText(`Removes: ${paths}`)).toBeVisible();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Merge metadata' }).click();
  }

  async assertCurrent(side: 'Public' | 'Private', value: unknown): Promise<void> {
    await expect.poll(() => this.currentOf(side)).toEqual(value);
  }
}
