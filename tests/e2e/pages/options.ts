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
  readonly salesforce: SalesforceSettings;

  constructor(page: Page) {
    this.page = page;
    this.dataSection = page.getByRole('region', { name: 'Your data' });
    this.loadDemoButton = this.dataSection.getByRole('button', { name: 'Load demo territory' });
    this.confirmation = this.dataSection.getByRole('textbox', { name: 'Confirmation' });
    this.deleteButton = this.dataSection.getByRole('button', { name: 'Delete everything' });
    this.salesforce = new SalesforceSettings(page.getByRole('region', { name: 'Salesforce' }));
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

/** Settings → Salesforce: the connect form, the connection, and the sync settings. */
export class SalesforceSettings {
  readonly connectButton: Locator;
  readonly disconnectButton: Locator;
  readonly user: Locator;
  readonly org: Locator;
  readonly permissionNote: Locator;
  readonly linkedinField: Locator;
  readonly budgetShare: Locator;

  constructor(readonly section: Locator) {
    this.connectButton = section.getByRole('button', { name: /^Connect (Salesforce|again)$/ });
    this.disconnectButton = section.getByRole('button', { name: 'Disconnect' });
    this.user = section.getByTestId('sf-user');
    this.org = section.getByTestId('sf-org');
    this.permissionNote = section.getByTestId('sf-permission');
    this.linkedinField = section.getByRole('combobox', { name: /LinkedIn profile URL/ });
    this.budgetShare = section.getByRole('spinbutton', { name: 'API budget share' });
  }

  /** Fill the form for a My Domain login host (the emulator's origin in tests) and click Connect. */
  async connect(loginHost: string, consumerKey: string): Promise<void> {
    await this.section.getByRole('radio', { name: 'My Domain' }).check();
    await this.section.getByRole('textbox', { name: 'My Domain' }).fill(loginHost);
    await this.section.getByRole('textbox', { name: 'Consumer key' }).fill(consumerKey);
    // The page asks the browser for host access only when it does not hold it; headless Chromium
    // never answers a prompt, so wait until the page knows the test build already holds it.
    await expect(this.permissionNote).toContainText('may already reach');
    await this.connectButton.click();
  }
}
