import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

export const SIDEBAR_FRAME_SELECTOR = '#sidecar-sidebar-frame';

/** Sidecar's sidebar as the rep sees it: its extension page inside the host page's iframe. */
export class Sidebar {
  readonly frame: FrameLocator;
  readonly nothingRecognised: Locator;
  readonly closeButton: Locator;
  readonly demoOffer: Locator;
  /** "In Sidecar: 4 accounts · 7 people · 5 activities" */
  readonly counts: Locator;

  constructor(page: Page) {
    this.frame = page.frameLocator(SIDEBAR_FRAME_SELECTOR);
    this.nothingRecognised = this.frame.getByRole('heading', { name: 'Nothing recognised on this page yet' });
    this.closeButton = this.frame.getByRole('button', { name: 'Close Sidecar' });
    this.demoOffer = this.frame.getByRole('button', { name: 'Load demo territory' });
    this.counts = this.frame.getByText(/^In Sidecar: /);
  }
}

/**
 * A Gmail or LinkedIn tab with Sidecar's content script: the launcher tab (open shadow root) and
 * the sidebar frame.
 */
export class HostPage {
  readonly page: Page;
  readonly launcher: Locator;
  readonly frameElement: Locator;
  readonly sidebar: Sidebar;

  constructor(page: Page) {
    this.page = page;
    // Playwright's CSS engine pierces open shadow roots.
    this.launcher = page.locator('sidecar-launcher').getByRole('button');
    this.frameElement = page.locator(SIDEBAR_FRAME_SELECTOR);
    this.sidebar = new Sidebar(page);
  }

  async goto(url: string): Promise<this> {
    await this.page.goto(url);
    return this;
  }

  /** The launcher says "Hide Sidecar", and the frame is shown with the sidebar's page in it. */
  async expectOpen(): Promise<void> {
    await expect(this.launcher).toHaveAttribute('aria-expanded', 'true');
    await expect(this.launcher).toHaveAccessibleName('Hide Sidecar');
    await expect(this.frameElement).toBeVisible();
    await expect(this.sidebar.closeButton).toBeVisible();
  }

  /** The launcher says "Show Sidecar" (the content script has decided), and no frame is visible. */
  async expectClosed(): Promise<void> {
    await expect(this.launcher).toHaveAttribute('aria-expanded', 'false');
    await expect(this.launcher).toHaveAccessibleName('Show Sidecar');
    await expect(this.frameElement).toBeHidden();
  }
}
