import { FIXTURE_PAGES } from '../harness/routes';
import { expect, test } from './extension-test';
import { HostPage, SIDEBAR_FRAME_SELECTOR } from './pages/sidebar';

/**
 * The shared fixture fails any test that sees an uncaught error or a dialog. Prove that it sees
 * them in the host page, in the sidebar frame (another process) and as dialogs; then clear the
 * list, since these ones were on purpose.
 */
test('the fixture records page errors in host pages and the sidebar frame, and dialogs', async ({ page, pageProblems, extension }) => {
  const host = await new HostPage(page).goto(FIXTURE_PAGES.linkedinFeed.url);
  await host.expectOpen();
  expect(pageProblems).toEqual([]);
  expect(extension.abortedRequests.filter((url) => url.startsWith('https://www.linkedin.com/feed'))).toEqual([]);

  await page.evaluate(() => setTimeout(() => { throw new Error('host page boom'); }));
  await expect.poll(() => pageProblems.join('\n')).toContain('host page boom');

  const sidebarFrame = page.frames().find((f) => f.url().endsWith('/sidebar.html'));
  expect(sidebarFrame, `a frame for ${SIDEBAR_FRAME_SELECTOR}`).toBeDefined();
  await sidebarFrame?.evaluate(() => setTimeout(() => { throw new Error('sidebar frame boom'); }));
  await expect.poll(() => pageProblems.join('\n')).toContain('sidebar frame boom');

  await page.evaluate(() => setTimeout(() => alert('hello from the page')));
  await expect.poll(() => pageProblems.join('\n')).toContain('hello from the page');

  expect(pageProblems).toHaveLength(3);
  pageProblems.length = 0;
});
