import { FIXTURE_PAGES } from '../harness/routes';
import { expect, test } from './extension-test';
import { countStores, sendRuntimeMessage } from './pages/extension-page';
import { LinkedInSidebar } from './pages/linkedin';
import { SidePanel } from './pages/side-panel';
import { SyncCentre, syncHook } from './pages/sync-centre';

type Saved = { ok: boolean; data?: { id: string } };

/** Nothing listens on port 9 of this machine (the test build may reach it): a run fails as "could not be reached". */
const NOBODY_HOME = 'http://127.0.0.1:9';

/** Outbox entries as the side panel's page reads them straight from IndexedDB. */
async function outbox(panel: SidePanel): Promise<Array<{ op: string; state: string; recordIds: string[] }>> {
  return panel.page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sidecar');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    try {
      return await new Promise<Array<{ op: string; state: string; recordIds: string[] }>>((resolve, reject) => {
        const request = db.transaction('outbox').objectStore('outbox').getAll();
        request.onsuccess = () => resolve(request.result as Array<{ op: string; state: string; recordIds: string[] }>);
        request.onerror = () => reject(request.error ?? new Error('getAll failed'));
      });
    } finally {
      db.close();
    }
  });
}

test('with no org connected, the side panel says so and counts what waits to sync; the sidebar too, after a capture', async ({ page, extension }) => {
  const panel = await SidePanel.open(extension);
  const sync = new SyncCentre(panel.page);
  await expect(sync.status).toContainText('Not connected: everything stays in this browser.');
  await expect(sync.connectionBadge).toHaveText('Local mode');
  await expect(sync.stat('Waiting')).toHaveText('0');
  await expect(sync.stat('Last sync')).toHaveText('Never');
  await expect(sync.syncNow).toHaveCount(0);

  const account = (await sendRuntimeMessage(panel.page, { type: 'account.save', payload: { fields: { name: 'Nordlys Energi AS' } } })) as Saved;
  expect(account.ok).toBe(true);
  await expect(sync.stat('Waiting')).toHaveText('1');
  const note = await sendRuntimeMessage(panel.page, { type: 'note.save', payload: { fields: { accountId: account.data?.id, body: 'Budget call in March' } } });
  expect(note).toMatchObject({ ok: true });
  await expect(sync.stat('Waiting')).toHaveText('2');
  await expect(sync.status).toContainText('2 changes sync once you connect Salesforce.');

  const sidebar = await LinkedInSidebar.open(page, FIXTURE_PAGES.linkedinMemberProfile.url);
  const line = sidebar.frame.getByRole('status', { name: 'Sync status' });
  await expect(line).toHaveText('Local mode · 2 waiting');
  await sidebar.capture();
  await expect(line).toHaveText('Local mode · 3 waiting');
  await expect(line.getByRole('button', { name: 'Sync now' })).toHaveCount(0);
  await panel.page.bringToFront();
  await expect(sync.stat('Waiting')).toHaveText('3');
});

test('the conflict centre shows both values and settles a conflict either way', async ({ extension }) => {
  const panel = await SidePanel.open(extension);
  const sync = new SyncCentre(panel.page);
  const saved = (await sendRuntimeMessage(panel.page, {
    type: 'contact.save', payload: { fields: { kind: 'contact', firstName: 'Ada', lastName: 'Berg', title: 'Head of Data', phones: ['+46 8 111 00'] } },
  })) as Saved;
  const id = saved.data!.id;
  const base = { __type: 'Contact', FirstName: 'Ada', LastName: 'Berg', Title: 'Data Lead', Phone: '+46 8 000 00' };
  await syncHook(extension.serviceWorker, 'linkRecord', 'contact', id, '003000000000001AAA', base);
  await syncHook(extension.serviceWorker, 'putConflict', { recordType: 'contact', recordId: id, field: 'Title', base: 'Data Lead', local: 'Head of Data', remote: 'Chief Data Officer' });
  await syncHook(extension.serviceWorker, 'putConflict', { recordType: 'contact', recordId: id, field: 'Phone', base: '+46 8 000 00', local: '+46 8 111 00', remote: '+46 8 222 00' });
  expect(await outbox(panel)).toEqual([]);

  const title = sync.conflict('Ada Berg · Title');
  await expect(title).toContainText('YoursHead of Data');
  await expect(title).toContainText('SalesforceChief Data Officer');
  await expect(sync.conflict('Ada Berg · Phone')).toContainText('+46 8 222 00');
  await expect(sync.stat('Conflicts')).toHaveText('2');

  // Salesforce's value: taken here, nothing to send back.
  await title.getByRole('button', { name: 'Use Salesforce’s' }).click();
  await expect(title).toHaveCount(0);
  await expect(panel.contacts.getByRole('listitem').filter({ hasText: 'Ada Berg' })).toContainText('Chief Data Officer');
  expect(await outbox(panel)).toEqual([]);

  // Mine: kept here, and queued for the push.
  await sync.conflict('Ada Berg · Phone').getByRole('button', { name: 'Keep mine' }).click();
  await expect(sync.conflicts).toHaveCount(0);
  await expect(sync.stat('Conflicts')).toHaveText('0');
  expect(await outbox(panel)).toEqual([expect.objectContaining({ op: 'update', state: 'pending', recordIds: [id] })]);
  expect(await countStores(panel.page)).toMatchObject({ conflicts: 0, contacts: 1 });
});

test('the error centre shows what sync could not settle, and each issue\'s way out', async ({ extension }) => {
  const panel = await SidePanel.open(extension);
  const sync = new SyncCentre(panel.page);
  const refused = (await sendRuntimeMessage(panel.page, { type: 'contact.save', payload: { fields: { kind: 'lead', lastName: 'Lund', company: 'Tindra Health' } } })) as Saved;
  const gone = (await sendRuntimeMessage(panel.page, { type: 'account.save', payload: { fields: { name: 'Aurora Grid Oy' } } })) as Saved;
  await syncHook(extension.serviceWorker, 'putIssue', {
    recordType: 'contact', recordId: refused.data!.id, kind: 'rejected', message: 'INVALID_EMAIL_ADDRESS: Email: invalid email address', errorCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'],
  });
  await syncHook(extension.serviceWorker, 'putIssue', {
    recordType: 'account', recordId: gone.data!.id, kind: 'deleted-remotely', message: 'Deleted in Salesforce after you edited it here',
  });

  const rejected = sync.issue('Lund · Salesforce refused it');
  await expect(rejected).toContainText('INVALID_EMAIL_ADDRESS: Email: invalid email address');
  await expect(rejected).toContainText('Fields: Email');
  await expect(sync.stat('Errors')).toHaveText('2');
  expect((await outbox(panel)).map((e) => e.state).sort()).toEqual(['parked', 'parked']);

  await rejected.getByRole('button', { name: 'Retry' }).click();
  await expect(rejected).toHaveCount(0);
  expect((await outbox(panel)).filter((e) => e.recordIds.includes(refused.data!.id))).toEqual([expect.objectContaining({ state: 'pending' })]);

  const deleted = sync.issue('Aurora Grid Oy · Deleted in Salesforce');
  await expect(deleted.getByRole('button', { name: 'Push again as new' })).toBeVisible();
  await deleted.getByRole('button', { name: 'Delete here' }).click();
  await expect(sync.errors).toHaveCount(0);
  await expect(panel.accounts.getByRole('listitem')).toHaveCount(0);
  expect(await countStores(panel.page)).toMatchObject({ accounts: 0, syncIssues: 0 });
});

test('connected to an org that does not answer: "Sync now" shows the error and the next try, and records link to Salesforce', async ({ extension }) => {
  await syncHook(extension.serviceWorker, 'useConnection', NOBODY_HOME);
  const panel = await SidePanel.open(extension);
  const sync = new SyncCentre(panel.page);
  await expect(sync.connectionBadge).toHaveText('Salesforce');
  const saved = (await sendRuntimeMessage(panel.page, { type: 'contact.save', payload: { fields: { kind: 'contact', lastName: 'Berg', emails: ['ada@nordlys.example'] } } })) as Saved;
  const id = saved.data!.id;
  await syncHook(extension.serviceWorker, 'putIssue', {
    recordType: 'contact', recordId: id, kind: 'ambiguous-match', message: '2 Contact records in Salesforce match: choose the one this is, or create a new one',
    candidates: [{ id: '003000000000002AAA', label: 'Contact · Ada Berg · 003000000000002AAA' }, { id: '003000000000003AAA', label: 'Contact · A. Berg · 003000000000003AAA' }],
  });

  await sync.syncNow.click();
  await expect(sync.status).toContainText('Last error: Salesforce could not be reached');
  await expect(sync.status).toContainText(/Next try (in \d+ seconds|now)\./);
  const status = await syncHook(extension.serviceWorker, 'status');
  expect(status).toMatchObject({ connection: 'connected', pauseReason: 'retry', lastError: { kind: 'offline' } });
  // The backoff's own retry (seconds later) may already have failed too: it counts on.
  expect(status.failures).toBeGreaterThanOrEqual(1);
  // The next try is an alarm at the backoff time, so it survives the worker being stopped.
  expect(await syncHook(extension.serviceWorker, 'alarmAt')).toBeGreaterThanOrEqual(status.pausedUntil!);

  const issue = sync.issue('Berg · Several Salesforce records match');
  const candidate = issue.getByRole('listitem').filter({ hasText: 'A. Berg' });
  const link = candidate.getByRole('link', { name: 'Open in Salesforce' });
  await expect(link).toHaveAttribute('href', `${NOBODY_HOME}/003000000000003AAA`);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /\bnoopener\b/);

  await candidate.getByRole('button', { name: 'Link to existing' }).click();
  await expect(sync.errors).toHaveCount(0);
  const contact = await panel.page.evaluate(async (contactId) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('sidecar');
      request.onsuccess = () => resolve(request.result);
    });
    const record = await new Promise<{ remote: { salesforce?: unknown } }>((resolve) => {
      const request = db.transaction('contacts').objectStore('contacts').get(contactId);
      request.onsuccess = () => resolve(request.result as { remote: { salesforce?: unknown } });
    });
    db.close();
    return record;
  }, id);
  expect(contact.remote.salesforce).toEqual({ id: '003000000000003AAA', syncedAt: null, base: { __type: 'Contact' } });
});
