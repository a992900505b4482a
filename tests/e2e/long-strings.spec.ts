import type { Page } from '@playwright/test';
import { FIXTURE_PAGES } from '../harness/routes';
import { expect, test } from './extension-test';
import { LinkedInSidebar } from './pages/linkedin';
import { sendRuntimeMessage } from './pages/extension-page';
import { OptionsPage } from './pages/options';
import { SidePanel } from './pages/side-panel';

/** How far a page scrolls sideways: 0 when nothing is wider than the window. */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('the longest names, titles and companies Sidecar keeps wrap in the side panel: it never scrolls sideways', async ({ page, extension }) => {
  await page.setViewportSize({ width: 380, height: 800 });
  const panel = await SidePanel.open(extension, page);
  // At the model's limits, one unbroken word each (a pasted URL, a name in a script with no spaces).
  const reply = (await sendRuntimeMessage(page, {
    type: 'contact.save',
    payload: { fields: { kind: 'lead', firstName: 'F'.repeat(80), lastName: 'L'.repeat(80), title: 'T'.repeat(255), company: 'C'.repeat(255), emails: ['long@prospect.example'] } },
  })) as { ok: boolean };
  expect(reply.ok).toBe(true);
  await expect(panel.contacts.getByRole('listitem')).toHaveCount(1);
  expect(await sideways(page)).toBe(0);
});

test('a 4,000-character login host is refused readably on the options page, which does not scroll sideways', async ({ page, extension }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const options = await OptionsPage.open(extension, page);
  const salesforce = options.salesforce;
  await salesforce.section.getByRole('radio', { name: 'My Domain' }).check();
  // Unbroken, as pasted: shown back to the rep while typing, and in the refusal.
  await salesforce.section.getByRole('textbox', { name: 'My Domain' }).fill(`${'a'.repeat(4_000)}.my.salesforce.com`);
  await salesforce.section.getByRole('textbox', { name: 'Consumer key' }).fill('k'.repeat(4_000));
  expect(await sideways(page)).toBe(0);
  await salesforce.connectButton.click();
  await expect(salesforce.section.getByRole('alert')).toHaveText('That host name is longer than any host can be: check what was pasted.');
  expect(await sideways(page)).toBe(0);
});

test('a 4,000-character name on a LinkedIn page wraps in the sidebar card, which never scrolls sideways', async ({ page }) => {
  const sidebar = await LinkedInSidebar.open(page, FIXTURE_PAGES.linkedinMemberProfile.url);
  await expect(sidebar.captureButton).toBeVisible();
  const name = `Z${'z'.repeat(3_999)}`;
  // LinkedIn's router: a new URL, then the new top card (unbroken text, as a hostile page might show).
  await page.evaluate((longName) => {
    history.pushState({}, '', '/in/long-name/');
    const main = document.createElement('main');
    const h1 = document.createElement('h1');
    h1.className = 'text-heading-xlarge';
    h1.textContent = longName;
    main.append(h1);
    document.body.replaceChildren(main);
    document.title = `${longName} | LinkedIn`;
  }, name);
  await expect(sidebar.personName(name.slice(0, 50))).toBeVisible();
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'))!;
  expect(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});
