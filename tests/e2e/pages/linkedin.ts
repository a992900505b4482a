import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { SIDEBAR_FRAME_SELECTOR } from './sidebar';

/** The sidebar beside a LinkedIn profile or company page. */
export class LinkedInSidebar {
  readonly page: Page;
  readonly frame: FrameLocator;
  readonly captureButton: Locator;
  readonly captureAccountButton: Locator;
  readonly contactCard: Locator;
  readonly accountBrief: Locator;
  readonly undoButton: Locator;
  readonly newNote: Locator;
  readonly addNote: Locator;
  readonly notes: Locator;

  constructor(page: Page) {
    this.page = page;
    this.frame = page.frameLocator(SIDEBAR_FRAME_SELECTOR);
    this.captureButton = this.frame.getByRole('button', { name: 'Capture', exact: true });
    this.captureAccountButton = this.frame.getByRole('button', { name: 'Capture account' });
    this.contactCard = this.frame.getByRole('region', { name: 'Contact' });
    this.accountBrief = this.frame.getByRole('region', { name: 'Account brief' });
    this.undoButton = this.frame.getByRole('button', { name: /^Undo/ });
    this.newNote = this.frame.getByRole('textbox', { name: 'New note' });
    this.addNote = this.frame.getByRole('button', { name: 'Add note' });
    this.notes = this.frame.getByRole('list', { name: /newest first/ });
  }

  static async open(page: Page, url: string): Promise<LinkedInSidebar> {
    await page.goto(url);
    return new LinkedInSidebar(page);
  }

  /** The person's name as the sidebar shows it (top of the panel). */
  personName(name: string): Locator {
    return this.frame.locator('.person .name', { hasText: name });
  }

  async capture(): Promise<void> {
    await this.captureButton.click();
    await expect(this.contactCard).toBeVisible();
  }

  async writeNote(text: string): Promise<void> {
    await this.newNote.fill(text);
    await this.addNote.click();
    await expect(this.newNote).toHaveValue('');
  }
}
