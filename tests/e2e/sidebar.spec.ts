import { FIXTURE_PAGES } from '../harness/routes';
import { expect, test } from './extension-test';
import { contentReports, pressToggleShortcut, recordContentReports } from './pages/background';
import { countStores } from './pages/extension-page';
import { SidePanel } from './pages/side-panel';
import { HostPage } from './pages/sidebar';

const SITES = [
  { name: 'Gmail inbox', url: FIXTURE_PAGES.gmailInbox.url, hint: /Open an email thread/ },
  { name: 'LinkedIn feed', url: FIXTURE_PAGES.linkedinFeed.url, hint: /Open a person’s profile or a company page/ },
] as const;

for (const build of ['test', 'production'] as const) {
  test.describe(`sidebar on the ${build} build`, () => {
    test.use({ build });
    for (const site of SITES) {
      test(`${site.name}: the sidebar frame opens by default and says nothing is recognised`, async ({ page, extension }) => {
        const host = await new HostPage(page).goto(site.url);
        await host.expectOpen();
        await expect(host.sidebar.nothingRecognised).toBeVisible();
        await expect(host.sidebar.frame.getByText(site.hint)).toBeVisible();
        await expect(host.launcher).toHaveCount(1);
        await expect(host.frameElement).toHaveCount(1);
        // The frame is Sidecar's own page, under a per-session URL rather than the extension id.
        const src = new URL((await host.frameElement.getAttribute('src')) ?? '');
        expect(src.protocol).toBe('chrome-extension:');
        expect(src.pathname).toBe('/sidebar.html');
        expect(src.host).not.toBe(extension.extensionId);
      });
    }
  });
}

test('the host page cannot read the sidebar or the CRM data it shows', async ({ page, extension }) => {
  // Real CRM data first, so there is something worth stealing.
  const panel = await SidePanel.open(extension);
  await panel.loadDemo();
  expect((await countStores(panel.page)).accounts).toBe(4);

  const host = await new HostPage(page).goto(FIXTURE_PAGES.gmailInbox.url);
  await host.expectOpen();
  // Playwright (not the page) sees the sidebar...
  await expect(host.sidebar.nothingRecognised).toBeVisible();
  await expect(host.sidebar.frame.getByText(/Open an email thread/)).toBeVisible();

  // ...the page's own script, in its main world, sees none of it.
  const seen = await page.evaluate(() => {
    const iframe = document.querySelector<HTMLIFrameElement>('#sidecar-sidebar-frame');
    if (!iframe) throw new Error('no sidebar frame in the page');
    let windowDocument = 'readable';
    try {
      void iframe.contentWindow?.document.body;
    } catch (error) {
      windowDocument = error instanceof DOMException ? error.name : String(error);
    }
    const texts: string[] = [];
    const shadowRoots: number[] = [];
    const collect = (root: Document | ShadowRoot) => {
      texts.push(root instanceof Document ? (root.documentElement.textContent ?? '') : (root.textContent ?? ''));
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) {
          shadowRoots.push(1);
          collect(element.shadowRoot);
        }
      }
    };
    collect(document);
    return {
      contentDocumentIsNull: iframe.contentDocument === null,
      windowDocument,
      text: texts.join('\n'),
      openShadowRoots: shadowRoots.length,
      frameCount: window.frames.length,
    };
  });
  expect(seen.contentDocumentIsNull).toBe(true);
  expect(seen.windowDocument).toBe('SecurityError');
  expect(seen.frameCount).toBeGreaterThanOrEqual(1);
  // The launcher's shadow root is open and was searched: it holds only the word "Sidecar".
  expect(seen.openShadowRoots).toBeGreaterThanOrEqual(1);
  expect(seen.text).toContain('Sidecar');
  for (const secret of ['Nothing recognised', 'In Sidecar', '4 accounts', '7 people', 'Fjordline', 'NordIntegra', 'Load demo territory']) {
    expect(seen.text, `the page's DOM must not contain "${secret}"`).not.toContain(secret);
  }
});

/*
 * The sidebar frame cannot open IndexedDB inside a third-party page (Chromium denies it), so it reads
 * through the background and refreshes on the background's change stamp: a write made anywhere (the
 * side panel here) reaches it without a reload.
 */
test('the sidebar shows the first-run offer, then the CRM counts, and the page sees neither', async ({ page, extension }) => {
  const host = await new HostPage(page).goto(FIXTURE_PAGES.linkedinFeed.url);
  await host.expectOpen();
  await expect(host.sidebar.demoOffer).toBeVisible();
  await expect(host.sidebar.counts).toHaveText('In Sidecar: 0 accounts · 0 people · 0 activities');

  const panel = await SidePanel.open(extension);
  await panel.loadDemo();
  await expect(host.sidebar.counts).toHaveText('In Sidecar: 4 accounts · 7 people · 5 activities');
  await expect(host.sidebar.demoOffer).toHaveCount(0);
  const text = await page.evaluate(() => document.documentElement.textContent ?? '');
  expect(text).not.toContain('4 accounts');
});

test('the keyboard shortcut handler hides the sidebar, and shows it again', async ({ page, extension }) => {
  // The product asks for no "tabs" permission, so the tab id comes from the content script's own report.
  await recordContentReports(extension.serviceWorker);
  const host = await new HostPage(page).goto(FIXTURE_PAGES.linkedinFeed.url);
  await host.expectOpen();
  await expect.poll(async () => (await contentReports(extension.serviceWorker)).length).toBeGreaterThan(0);
  const [report] = await contentReports(extension.serviceWorker);
  expect(report).toMatchObject({ type: 'page.report', url: FIXTURE_PAGES.linkedinFeed.url });
  const tabId = report?.tabId ?? -1;

  expect(await pressToggleShortcut(extension.serviceWorker, tabId)).toBe(true);
  await host.expectClosed();
  expect(await pressToggleShortcut(extension.serviceWorker, tabId)).toBe(true);
  await host.expectOpen();
  await expect(host.sidebar.nothingRecognised).toBeVisible();
  // A tab without Sidecar's content script has nothing to toggle.
  expect(await pressToggleShortcut(extension.serviceWorker, 999_999)).toBe(false);
});

test('the sidebar remembers per site that it was closed; the launcher reopens it', async ({ page, extension }) => {
  const linkedin = await new HostPage(page).goto(FIXTURE_PAGES.linkedinFeed.url);
  await linkedin.expectOpen();
  await linkedin.sidebar.closeButton.click();
  await linkedin.expectClosed();

  await page.reload();
  await linkedin.expectClosed();
  // A country subdomain is the same site.
  const sweden = await new HostPage(await extension.context.newPage()).goto(FIXTURE_PAGES.linkedinFeedSweden.url);
  await sweden.expectClosed();
  await sweden.page.close();

  // Another site keeps its own default: open.
  const gmail = await new HostPage(await extension.context.newPage()).goto(FIXTURE_PAGES.gmailInbox.url);
  await gmail.expectOpen();
  await expect(gmail.sidebar.nothingRecognised).toBeVisible();

  await linkedin.page.bringToFront();
  await linkedin.launcher.click();
  await linkedin.expectOpen();
  await expect(linkedin.sidebar.nothingRecognised).toBeVisible();

  // Reopening is remembered too.
  await linkedin.page.reload();
  await linkedin.expectOpen();
});

test('an in-app (SPA) navigation keeps the sidebar and reports the new page', async ({ page, extension }) => {
  await recordContentReports(extension.serviceWorker);
  const host = await new HostPage(page).goto(FIXTURE_PAGES.linkedinFeed.url);
  await host.expectOpen();
  await expect(host.sidebar.nothingRecognised).toBeVisible();
  const pageReports = async () => (await contentReports(extension.serviceWorker)).filter((r) => r.type === 'page.report');
  await expect.poll(async () => (await pageReports()).length).toBe(1);

  // Only what LinkedIn's own router does: push a new URL, dispatch nothing.
  await page.evaluate(() => history.pushState({}, '', '/in/someone-demo/'));
  expect(page.url()).toBe('https://www.linkedin.com/in/someone-demo/');

  // WXT notices the new URL by itself, and the content script reports the page again.
  await expect.poll(async () => (await pageReports()).length).toBe(2);

  await host.expectOpen();
  await expect(host.sidebar.nothingRecognised).toBeVisible();
  await expect(host.launcher).toHaveCount(1);
  await expect(host.frameElement).toHaveCount(1);
  // Nothing else fired: no second content script, no extra reports.
  expect(await pageReports()).toHaveLength(2);
});

test('Escape inside the sidebar closes it, and the launcher brings it back', async ({ page }) => {
  const host = await new HostPage(page).goto(FIXTURE_PAGES.gmailInbox.url);
  await host.expectOpen();
  await host.sidebar.closeButton.focus();
  await page.keyboard.press('Escape');
  await host.expectClosed();
  await host.launcher.click();
  await host.expectOpen();
});
