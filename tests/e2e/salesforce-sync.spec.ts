import type { Page, Worker } from '@playwright/test';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulator/salesforce';
import { FIXTURE_PAGES } from '../harness/routes';
import { expect, test, type SidecarExtension } from './extension-test';
import { sendRuntimeMessage } from './pages/extension-page';
import { LinkedInSidebar } from './pages/linkedin';
import { OptionsPage } from './pages/options';
import { SidePanel } from './pages/side-panel';
import { SyncCentre, syncHook } from './pages/sync-centre';

/**
 * Sidecar syncing with Salesforce end to end: the built extension in Chromium, connected through
 * the real web-auth flow to the emulator over HTTP. Sync runs from the scheduler (the undo window
 * first), and from "Sync now" where a test needs it sooner.
 */

const CONSUMER_KEY = 'sidecar-e2e-consumer-key';
/** Past the 10 s undo window, the scheduler's wake and one run. */
const SYNCED = { timeout: 45_000, intervals: [500] };

let sf: SalesforceEmulator;
test.beforeEach(async () => {
  sf = await startSalesforceEmulator({ clientId: CONSUMER_KEY });
});
test.afterEach(async () => {
  await sf.close();
});

async function connect(extension: SidecarExtension, page: Page): Promise<void> {
  // The fixture router aborts every web request it does not serve; let the emulator's through.
  await extension.context.route((url) => url.origin === sf.url, (route) => route.continue());
  const options = await OptionsPage.open(extension, page);
  await options.salesforce.connect(sf.url, CONSUMER_KEY);
  await expect(options.salesforce.user).toHaveText('Demo Rep', { timeout: 15_000 });
}

/** A second Salesforce user, owner of records the rep's scope ("mine") does not pull. */
function colleague(): string {
  return String(sf.insert('User', { Username: 'colleague@sidecar-demo.example', LastName: 'Colleague' }).Id);
}

async function syncNow(panel: SyncCentre): Promise<void> {
  await panel.syncNow.click();
  await expect(panel.syncNow).toHaveText('Sync now', { timeout: 20_000 });
}

const people = (sobject: string) => sf.records(sobject).map((r) => ({ Id: r.Id, LastName: r.LastName, Sidecar_Id__c: r.Sidecar_Id__c }));

test('a LinkedIn capture becomes a Lead in Salesforce once, and an edit there reaches the sidebar', async ({ page, extension }) => {
  await connect(extension, page);
  const sidebar = await LinkedInSidebar.open(page, FIXTURE_PAGES.linkedinMemberProfile.url);
  await sidebar.capture();
  await expect(sidebar.contactCard).toContainText('Lead');

  await expect.poll(() => sf.records('Lead').length, SYNCED).toBe(1);
  const [lead] = sf.records('Lead');
  expect(lead).toMatchObject({ FirstName: 'Ada', LastName: 'Example' });
  expect(String(lead!.Sidecar_Id__c)).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);

  sf.update('Lead', String(lead!.Id), { Title: 'Chief Example Officer' });
  const panel = new SyncCentre((await SidePanel.open(extension)).page);
  await syncNow(panel);
  await page.bringToFront();
  const again = await LinkedInSidebar.open(page, FIXTURE_PAGES.linkedinMemberProfile.url);
  await expect(again.contactCard).toContainText('Chief Example Officer');
  await expect(again.frame.getByRole('link', { name: 'Open in Salesforce' })).toHaveAttribute('href', `${sf.url}/${String(lead!.Id)}`);
  expect(sf.records('Lead')).toHaveLength(1);
});

test('a contact already in Salesforce is linked, not duplicated, and an activity becomes a Task with its WhoId and WhatId', async ({ page, extension }) => {
  const owner = colleague();
  const account = sf.insert('Account', { Name: 'Nordlys Energi', Website: 'https://nordlys.example', OwnerId: owner });
  const existing = sf.insert('Contact', { FirstName: 'Ada', LastName: 'Berg', Email: 'ada@nordlys.example', AccountId: account.Id, OwnerId: owner });
  await connect(extension, page);

  const panel = await SidePanel.open(extension);
  const saved = await sendRuntimeMessage(panel.page, { type: 'account.save', payload: { fields: { name: 'Nordlys Energi', website: 'https://nordlys.example' } } }) as { data: { id: string } };
  const contact = await sendRuntimeMessage(panel.page, {
    type: 'contact.save', payload: { fields: { kind: 'contact', firstName: 'Ada', lastName: 'Berg', emails: ['ada@nordlys.example'], accountId: saved.data.id } },
  }) as { data: { id: string } };
  await syncHook(extension.serviceWorker, 'logActivity', { type: 'call', subject: 'Discovery call', contactIds: [contact.data.id], accountId: saved.data.id });

  await expect.poll(() => sf.records('Task').length, SYNCED).toBe(1);
  expect(people('Contact')).toEqual([{ Id: existing.Id, LastName: 'Berg', Sidecar_Id__c: contact.data.id }]);
  expect(sf.records('Account')).toHaveLength(1);
  expect(sf.records('Task')[0]).toMatchObject({ Subject: 'Discovery call', TaskSubtype: 'Call', WhoId: existing.Id, WhatId: account.Id });
});

test('a field changed on both sides waits in the conflict centre, and the rep\'s choice goes to Salesforce', async ({ page, extension }) => {
  const remote = sf.insert('Contact', { FirstName: 'Ada', LastName: 'Berg', Email: 'ada@nordlys.example', Title: 'CTO' });
  await connect(extension, page);
  const panel = await SidePanel.open(extension);
  const centre = new SyncCentre(panel.page);
  await expect(panel.contacts.getByRole('listitem').filter({ hasText: 'Ada Berg' })).toBeVisible(SYNCED);
  const id = await panel.page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('sidecar'); r.onsuccess = () => resolve(r.result); });
    const rows = await new Promise<Array<{ id: string }>>((resolve) => { const r = db.transaction('contacts').objectStore('contacts').getAll(); r.onsuccess = () => resolve(r.result as Array<{ id: string }>); });
    db.close();
    return rows[0]!.id;
  });

  await sendRuntimeMessage(panel.page, { type: 'contact.save', payload: { id, fields: { title: 'VP Engineering' } } });
  sf.update('Contact', String(remote.Id), { Title: 'Chief Technology Officer' });
  await syncNow(centre);
  const row = centre.conflict('Ada Berg');
  await expect(row).toContainText('VP Engineering');
  await expect(row).toContainText('Chief Technology Officer');
  expect(sf.records('Contact')[0]!.Title).toBe('Chief Technology Officer'); // held back from the push

  await row.getByRole('button', { name: 'Keep mine' }).click();
  await expect(centre.conflicts.getByRole('listitem')).toHaveCount(0);
  await expect.poll(() => sf.records('Contact')[0]!.Title, SYNCED).toBe('VP Engineering');
});

/** Stop every service worker (Chromium's DevTools protocol); the extension's restarts on its next event. */
async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

const workerStarts = (worker: Worker) => syncHook(worker, 'workerStarts');

test('a service worker stopped mid-batch restarts and leaves exactly one Salesforce record per local record', async ({ page, extension }) => {
  test.setTimeout(240_000);
  await connect(extension, page);
  const panel = await SidePanel.open(extension);
  const centre = new SyncCentre(panel.page);
  const before = await workerStarts(extension.serviceWorker);
  await expect(centre.syncNow).toBeEnabled({ timeout: 60_000 }); // the run that followed connecting is over
  sf.faults.latencyMs = 1_500;
  await syncHook(extension.serviceWorker, 'importPeople', 450);
  await expect(centre.stat('Waiting')).toHaveText('450');
  // Once the undo window has passed the scheduler pushes them, 200 at a time; stop the worker as
  // soon as the first batch is in Salesforce, while it waits for the answers to the next.
  await expect.poll(() => sf.records('Lead').length, { timeout: 90_000, intervals: [100] }).toBeGreaterThan(0);
  await stopServiceWorker(panel.page);
  expect(sf.records('Lead').length, 'the run was stopped before its last batch').toBeLessThan(450);
  sf.faults.latencyMs = 0;

  // The next event wakes a new worker: the side panel asking for the status.
  await panel.page.reload();
  await expect.poll(async () => workerStarts(extension.serviceWorker), { timeout: 15_000 }).toBeGreaterThan(before);
  await expect(async () => {
    await syncNow(centre);
    expect(sf.records('Lead')).toHaveLength(450);
  }).toPass({ timeout: 180_000, intervals: [2_000] });
  const ids = sf.records('Lead').map((c) => c.Sidecar_Id__c);
  expect(new Set(ids).size).toBe(450);
  await expect(centre.stat('Waiting')).toHaveText('0');
});

test('with Salesforce out of reach for a stretch of edits, everything syncs once when it is back', async ({ page, extension }) => {
  await connect(extension, page);
  const panel = await SidePanel.open(extension);
  const centre = new SyncCentre(panel.page);
  await sf.goOffline();
  for (const name of ['Lind', 'Holm', 'Berg']) {
    await sendRuntimeMessage(panel.page, { type: 'contact.save', payload: { fields: { kind: 'lead', lastName: name, company: 'Fjord AB' } } });
  }
  const first = (await sendRuntimeMessage(panel.page, { type: 'contact.save', payload: { fields: { kind: 'lead', lastName: 'Sand', company: 'Fjord AB' } } }) as { data: { id: string } }).data.id;
  await sendRuntimeMessage(panel.page, { type: 'contact.save', payload: { id: first, fields: { title: 'Buyer' } } });
  await syncNow(centre);
  await expect(centre.status).toContainText(/could not be reached|unreachable|offline/i);
  await expect(centre.stat('Waiting')).not.toHaveText('0');

  await sf.goOnline();
  await expect.poll(() => sf.records('Lead').length, { timeout: 90_000, intervals: [1_000] }).toBe(4);
  await syncNow(centre);
  expect(sf.records('Lead').map((l) => l.LastName).sort()).toEqual(['Berg', 'Holm', 'Lind', 'Sand']);
  expect(sf.records('Lead').find((l) => l.LastName === 'Sand')?.Title).toBe('Buyer');
  await expect(centre.stat('Waiting')).toHaveText('0');
});
