import { expect, type Locator, type Page } from '@playwright/test';
import type { LaunchedExtension } from '../../harness/launch';

export const DELETE_PHRASE = 'delete everything';

/** The settings page (options.html), opened as a tab. */
export class OptionsPage {
  readonly page: Page;
  readonly dataSection: Locator;
  readonly loadDemoButton: Locator;
  readonly confirmation: Locator;
  readonly deleteButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.dataSection = page.getByRole('region', { name: 'Your data' });
    this.loadDemoButton = this.dataSection.getByRole('button', { name: 'Load demo territory' });
    this.confirmation = this.dataSection.getByRole('textbox', { name: 'Confirmation' });
    this.deleteButton = this.dataSection.getByRole('button', { name: 'Delete everything' });
  }

  static async open(extension: LaunchedExtension, page?: Page): Promise<OptionsPage> {
    const tab = page ?? (await extension.context.newPage());
    await tab.goto(extension.pageUrl('options.html'));
    const options = new OptionsPage(tab);
    await expect(tab.getByRole('heading', { name: 'Sidecar settings' })).toBeVisible();
    return options;
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** The count shown for one store in "Your data" (e.g. "accounts"). */
  stat(name: string): Locator {
    return this.dataSection
      .locator('dl.stats > div')
      .filter({ has: this.page.locator('dt').getByText(name, { exact: true }) })
      .locator('dd');
  }
}
