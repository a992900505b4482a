import type { Page } from '@playwright/test';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulator/salesforce';
import { FIXTURE_PAGES } from '../harness/routes';
import { expect, test } from './extension-test';
import { OptionsPage } from './pages/options';

const CONSUMER_KEY = 'sidecar-e2e-consumer-key';

let sf: SalesforceEmulator;
test.beforeEach(async () => {
  sf = await startSalesforceEmulator({ clientId: CONSUMER_KEY });
});
test.afterEach(async () => {
  await sf.close();
});

interface ContentWorldAnswer {
  value?: string;
  error?: string;
}

/**
 * Run an expression in Sidecar's content-script world of a tab (the isolated world Chromium creates
 * for the extension), through the DevTools protocol: what a content script could read.
 */
async function inContentScript(page: Page, extensionId: string, expression: string): Promise<ContentWorldAnswer> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => worlds.some((w) => w.auxData?.type === 'isolated' && w.origin.includes(extensionId))).toBe(true);
  const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.origin.includes(extensionId))!;
  const answer = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (answer.exceptionDetails) return { error: answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text };
  return { value: String(answer.result.value) };
}

/** The IndexedDB `secrets` rows' ids, read in an extension page (the extension's origin). */
function secretIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sidecar');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    try {
      return await new Promise<string[]>((resolve, reject) => {
        const request = db.transaction('secrets', 'readonly').objectStore('secrets').getAllKeys();
        request.onsuccess = () => resolve(request.result.map(String));
        request.onerror = () => reject(request.error ?? new Error('getAllKeys failed'));
      });
    } finally {
      db.close();
    }
  });
}

test('connect Salesforce through the real web-auth flow, keep the token out of content scripts’ reach, then disconnect', async ({ page, extension }) => {
  // The fixture router aborts every web request it does not serve; let the emulator's through
  // (routes registered later are tried first).
  await extension.context.route((url) => url.origin === sf.url, (route) => route.continue());
  const options = await OptionsPage.open(extension, page);
  const salesforce = options.salesforce;
  await expect(options.section('CRM')).toContainText('Local mode');
  await expect(salesforce.section).toContainText(`https://${extension.extensionId}.chromiumapp.org/`);

  await salesforce.connect(sf.url, CONSUMER_KEY);
  await expect(salesforce.user).toHaveText('Demo Rep', { timeout: 15_000 });
  await expect(salesforce.org).toHaveText(/^00D\w{15}$/);
  await expect(options.section('CRM')).toContainText('Salesforce.');
  // The sign-in really went through Salesforce's endpoints: authorize (PKCE), token, the versions the
  // org serves (no API call), userinfo; then the field mapping describes Contact and Lead.
  expect(sf.requests.slice(0, 4).map((r) => `${r.pattern} ${r.status}`)).toEqual([
    'GET /services/oauth2/authorize 302', 'POST /services/oauth2/token 200', 'GET /services/data 200', 'GET /services/oauth2/userinfo 200',
  ]);

  // Where the tokens are: the access token in storage.session, never in storage.local.
  const stored = await extension.serviceWorker.evaluate(async () => ({
    session: await chrome.storage.session.get(null),
    local: JSON.stringify(await chrome.storage.local.get(null)),
  }));
  const accessToken = String(stored.session.salesforceAccessToken ?? '');
  expect(accessToken).toMatch(/^00D/);
  expect(stored.local).not.toContain(accessToken);
  expect(stored.local).not.toContain('5Aep861'); // the refresh token's prefix
  expect(await secretIds(page)).toEqual(expect.arrayContaining(['salesforce.connection', 'salesforce.refresh-token']));
  const api = await fetch(`${sf.url}/services/data/v62.0/limits`, { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(api.status).toBe(200);

  // A content script can read storage.local (so the probe works) but not storage.session.
  const linkedin = await extension.context.newPage();
  await linkedin.goto(FIXTURE_PAGES.linkedinFeed.url, { waitUntil: 'domcontentloaded' });
  const local = await inContentScript(linkedin, extension.extensionId, 'chrome.storage.local.get(null).then((v) => JSON.stringify(v))');
  expect(local.error).toBeUndefined();
  expect(local.value).not.toContain(accessToken);
  const session = await inContentScript(linkedin, extension.extensionId, 'chrome.storage.session.get(null).then((v) => JSON.stringify(v))');
  expect(session.value).toBeUndefined();
  expect(session.error).toMatch(/not allowed/i);
  await linkedin.close();

  // Field mapping offers the org's fields; the settings land in the existing settings item.
  await expect(salesforce.linkedinField.locator('option', { hasText: 'LinkedIn_URL__c' })).toHaveCount(1);
  await salesforce.linkedinField.selectOption('LinkedIn_URL__c');
  await salesforce.budgetShare.fill('30');
  await expect.poll(() => extension.serviceWorker.evaluate(async () => (await chrome.storage.local.get('salesforceSyncSettings')).salesforceSyncSettings))
    .toMatchObject({ linkedinUrlField: 'LinkedIn_URL__c', budgetShare: 0.3 });

  // Disconnect revokes the grant at the org and forgets the tokens; the form comes back.
  sf.requests.length = 0;
  await salesforce.disconnectButton.click();
  await expect(salesforce.connectButton).toBeVisible();
  await expect(options.section('CRM')).toContainText('Local mode');
  expect(sf.requests.map((r) => `${r.pattern} ${r.status}`)).toEqual(['POST /services/oauth2/revoke 200']);
  expect((await fetch(`${sf.url}/services/data/v62.0/limits`, { headers: { Authorization: `Bearer ${accessToken}` } })).status).toBe(401);
  expect(await extension.serviceWorker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)))).not.toContain('salesforceAccessToken');
  // No token stays; only which org the records are linked to, so connecting another org is noticed.
  expect(await secretIds(page)).toEqual(['salesforce.linked-org']);
});

test('when Salesforce revokes the grant, the page says so and connecting again works', async ({ page, extension }) => {
  await extension.context.route((url) => url.origin === sf.url, (route) => route.continue());
  const options = await OptionsPage.open(extension, page);
  const salesforce = options.salesforce;
  await salesforce.connect(sf.url, CONSUMER_KEY);
  await expect(salesforce.user).toHaveText('Demo Rep', { timeout: 15_000 });

  // An admin revokes Sidecar's access in Setup: the next call fails to refresh.
  sf.revokeAll();
  await page.reload();
  await expect(salesforce.section.getByRole('alert').filter({ hasText: 'no longer accepts' })).toContainText('invalid_grant');
  await expect(options.section('CRM')).toContainText('once you connect again');
  // The form remembers where and with which key the rep connected.
  await expect(salesforce.section.getByRole('textbox', { name: 'My Domain' })).toHaveValue(sf.url);
  await expect(salesforce.section.getByRole('textbox', { name: 'Consumer key' })).toHaveValue(CONSUMER_KEY);
  await expect(salesforce.permissionNote).toContainText('may already reach');
  await salesforce.connectButton.click();
  await expect(salesforce.section.getByText('Connected', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(salesforce.section.getByRole('alert')).toHaveCount(0);
});
