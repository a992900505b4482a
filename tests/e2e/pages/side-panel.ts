import { expect, type Locator, type Page } from '@playwright/test';
import type { LaunchedExtension } from '../../harness/launch';

/** The full app (sidepanel.html), opened as a tab: Chrome's side panel needs a user gesture. */
export class SidePanel {
  readonly page: Page;
  readonly welcome: Locator;
  readonly loadDemoButton: Locator;
  readonly accounts: Locator;
  readonly contacts: Locator;
  readonly activities: Locator;

  constructor(page: Page) {
    this.page = page;
    this.welcome = page.getByRole('heading', { name: 'Welcome to Sidecar' });
    this.loadDemoButton = page.getByRole('button', { name: 'Load demo territory' });
    this.accounts = page.getByRole('list', { name: 'Accounts' });
    this.contacts = page.getByRole('list', { name: 'Contacts' });
    this.activities = page.getByRole('list', { name: 'Recent activities' });
  }

  static async open(extension: LaunchedExtension, page?: Page): Promise<SidePanel> {
    const tab = page ?? (await extension.context.newPage());
    await tab.goto(extension.pageUrl('sidepanel.html'));
    const panel = new SidePanel(tab);
    await expect(panel.page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
    return panel;
  }

  /** The list row for one account, by its name. */
  account(name: string): Locator {
    return this.accounts.getByRole('listitem').filter({ hasText: name });
  }

  /** Load the demo territory through the first-run offer, and wait for the lists to show it. */
  async loadDemo(): Promise<void> {
    await this.loadDemoButton.click();
    await expect(this.accounts.getByRole('listitem')).toHaveCount(4);
  }
}
