import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension, type EXTENSION_DIRS, type LaunchedExtension } from '../harness/launch';
import { FIXTURE_PAGES, serveFixtures } from '../harness/routes';

export { expect };

export interface SidecarExtension extends LaunchedExtension {
  /** Web requests the fixture router refused (anything that is not a fixture page). */
  abortedRequests: string[];
}

export interface SidecarFixtures {
  /** Which built folder to load; `test.use({ build: 'production' })` for the production build. */
  build: keyof typeof EXTENSION_DIRS;
  /** Chromium with Sidecar loaded in a fresh profile, serving the fixture pages under their real hostnames. */
  extension: SidecarExtension;
  /** The first tab of that browser. */
  page: Page;
  /**
   * Every uncaught error and dialog seen in any tab or frame of the test's browser. Any entry left
   * here when the test ends fails the test; only the fixture's own self-test empties it.
   */
  pageProblems: string[];
}

/** Record uncaught errors (host pages, extension pages, the sidebar frame) and dialogs in every tab. */
export function watchForPageProblems(context: BrowserContext, problems: string[] = []): string[] {
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`pageerror on ${page.url()}: ${error.stack ?? error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`unexpected ${dialog.type()} dialog on ${page.url()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {
        // The page may already be gone; the problem is recorded either way.
      });
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return problems;
}

export const test = base.extend<SidecarFixtures>({
  build: ['test', { option: true }],

  // Playwright needs the destructuring pattern, even with no dependencies.
  // eslint-disable-next-line no-empty-pattern
  pageProblems: async ({}, provide) => {
    await provide([]);
  },

  extension: async ({ build, pageProblems }, provide) => {
    const launched = await launchWithExtension({ build });
    try {
      const abortedRequests = await serveFixtures(launched.context, Object.values(FIXTURE_PAGES));
      watchForPageProblems(launched.context, pageProblems);
      await provide({ ...launched, abortedRequests });
    } finally {
      await launched.close();
    }
    expect(pageProblems, 'uncaught page errors or dialogs during the test').toEqual([]);
  },

  page: async ({ extension }, provide) => {
    await provide(extension.context.pages()[0] ?? (await extension.context.newPage()));
  },
});
