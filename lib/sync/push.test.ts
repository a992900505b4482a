import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulator/salesforce';
import { EXTERNAL_ID_FIELD } from '../crm/salesforce/config';
import { createAccount } from '../db/accounts';
import { createContact } from '../db/contacts';
import { enqueueUpserts } from '../db/outbox';
import { createRecord, updateRecord } from '../db/records';
import type { SidecarDb } from '../db/database';
import { freshDb } from '../db/test-db';
import { UNDO_WINDOW_MS } from '../model';
import { DEFAULT_SYNC_SETTINGS, type SyncContext } from './context';
import { pushOutbox } from './push';
import { emulatorContext } from './test-support';

let sf: SalesforceEmulator;
let db: SidecarDb;

function context(clock: { now: number }): SyncContext {
  return emulatorContext(sf, db, { now: () => clock.now, userId: 'me' });
}

beforeEach(async () => {
  sf = await startSalesforceEmulator();
  db = freshDb();
});
afterEach(async () => {
  await sf.close();
  db.close();
});

describe('pushOutbox against the Salesforce emulator', () => {
  it('creates an account and its contact once, linked, and a second run sends nothing', async () => {
    const t0 = Date.now();
    const account = await createAccount(db, { name: 'Nordlys Energi', domains: ['nordlys.example'], website: 'https://nordlys.example' }, t0);
    await createContact(db, { kind: 'contact', firstName: 'Ada', lastName: 'Berg', emails: ['ada@nordlys.example'], accountId: account.id }, t0);
    const clock = { now: t0 + 1000 };
    expect((await pushOutbox(context(clock))).pushed).toEqual({}); // inside the undo window: nothing goes
    clock.now = t0 + UNDO_WINDOW_MS + 1;
    const summary = await pushOutbox(context(clock));
    expect(summary.pushed).toEqual({ Account: 1, Contact: 1 });
    const [remoteAccount] = sf.records('Account');
    const [remoteContact] = sf.records('Contact');
    expect(remoteAccount?.[EXTERNAL_ID_FIELD]).toBe(account.id);
    expect(remoteContact?.AccountId).toBe(remoteAccount?.Id);
    expect((await db.contacts.toArray())[0]?.remote.salesforce?.id).toBe(remoteContact?.Id);
    expect(await db.outbox.count()).toBe(0);
    const before = sf.requests.length;
    await pushOutbox(context(clock));
    expect(sf.requests.length).toBe(before);
  });

  it('links a contact that already exists in the org by email instead of creating another', async () => {
    const existing = sf.insert('Contact', { FirstName: 'Ada', LastName: 'Berg', Email: 'ada@nordlys.example', Phone: '+46 8 123' });
    const t0 = Date.now();
    const contact = await createContact(db, { kind: 'contact', lastName: 'Berg', firstName: 'Ada', title: 'CTO', emails: ['ada@nordlys.example'] }, t0);
    const summary = await pushOutbox(context({ now: t0 + UNDO_WINDOW_MS + 1 }));
    expect(summary.linked).toBe(1);
    const contacts = sf.records('Contact');
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ Id: existing.Id, Title: 'CTO', [EXTERNAL_ID_FIELD]: contact.id, Phone: '+46 8 123' });
    expect((await db.contacts.get(contact.id))?.phones).toEqual(['+46 8 123']);
  });

  it('parks a record Salesforce would refuse, with a readable issue, and pushes the rest', async () => {
    sf.faults.restrictPicklist('Account', 'Industry', ['Energy']);
    const t0 = Date.now();
    await createAccount(db, { name: 'Bad Industry AB', industry: 'Quantum Widgets' }, t0);
    await createAccount(db, { name: 'Good AB', industry: 'Energy' }, t0);
    const summary = await pushOutbox(context({ now: t0 + UNDO_WINDOW_MS + 1 }));
    expect(summary.pushed).toEqual({ Account: 1 });
    const issues = await db.syncIssues.toArray();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'rejected', errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Industry'] });
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['parked']);
  });

  it('survives an answer dropped after Salesforce wrote the batch: the retry creates nothing new', async () => {
    const t0 = Date.now();
    for (let i = 0; i < 3; i += 1) await createContact(db, { kind: 'lead', lastName: `Lead ${i}`, company: 'Acme', emails: [`l${i}@acme.example`] }, t0);
    const clock = { now: t0 + UNDO_WINDOW_MS + 1 };
    // The upsert's answer is cut after Salesforce applied it (the look-up before it goes through).
    let upserts = 0;
    const ctx = emulatorContext(sf, db, {
      now: () => clock.now, userId: 'me',
      fetch: (input, init) => {
        if (String(input).includes('/composite/sobjects/Lead/') && upserts++ === 0) sf.faults.dropNext(1);
        return fetch(input, init);
      },
    });
    await expect(pushOutbox(ctx)).rejects.toThrow();
    expect(sf.records('Lead')).toHaveLength(3); // written, though Sidecar never heard so
    clock.now += 60 * 60_000;
    await pushOutbox(ctx);
    expect(upserts).toBe(1); // the retry linked the three by their External ID: nothing to send again
    expect(sf.records('Lead')).toHaveLength(3);
    expect(new Set(sf.records('Lead').map((r) => r[EXTERNAL_ID_FIELD])).size).toBe(3);
    expect(await db.outbox.count()).toBe(0);
  });

  it('parks records when the field mapping names a field the org does not have, and says which', async () => {
    const t0 = Date.now();
    await createContact(db, { kind: 'lead', lastName: 'Lind', company: 'Fjord AB', linkedinUrl: 'https://www.linkedin.com/in/lind' }, t0);
    const ctx = { ...context({ now: t0 + UNDO_WINDOW_MS + 1 }), settings: { ...DEFAULT_SYNC_SETTINGS, linkedinUrlField: 'LinkedIn_Profile__c' } };
    const summary = await pushOutbox(ctx);
    expect(summary.pushed).toEqual({});
    expect(await db.syncIssues.toArray()).toMatchObject([{ kind: 'rejected', errorCode: 'INVALID_FIELD', fields: ['LinkedIn_Profile__c'] }]);
    expect(sf.records('Lead')).toHaveLength(0);
  });

  it('re-sends a logged call whose answer was lost without the create-only TaskSubtype, and makes no second Task', async () => {
    const t0 = Date.now();
    const contact = await createContact(db, { kind: 'contact', lastName: 'Berg', emails: ['berg@nordlys.example'] }, t0);
    const call = await createRecord(db, 'activity', { type: 'call', subject: 'Intro call', occurredAt: t0, contactIds: [contact.id] }, t0);
    const clock = { now: t0 + UNDO_WINDOW_MS + 1 };
    const ctx = context(clock);
    // The Task is written, but this device never hears so: its outbox entry stays, unlinked.
    await pushOutbox(ctx).catch(() => undefined);
    const sent = (await db.activities.get(call.id))!;
    await db.activities.put({ ...sent, remote: {} });
    await enqueueUpserts(db, 'activity', [{ record: sent, fields: [], created: true }], t0);
    clock.now += 60 * 60_000;
    await pushOutbox(ctx);
    const tasks = sf.records('Task');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ TaskSubtype: 'Call', Subject: 'Intro call', [EXTERNAL_ID_FIELD]: call.id });
    expect(await db.syncIssues.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('relates a meeting with two people through WhoId and one TaskRelation, never twice, and only where the org has Shared Activities', async () => {
    const t0 = Date.now();
    const ada = await createContact(db, { kind: 'contact', lastName: 'Berg', emails: ['berg@nordlys.example'] }, t0);
    const bo = await createContact(db, { kind: 'contact', lastName: 'Lind', emails: ['lind@nordlys.example'] }, t0);
    const meeting = await createRecord(db, 'activity', { type: 'meeting', subject: 'Kick-off', occurredAt: t0, contactIds: [ada.id, bo.id] }, t0);
    const clock = { now: t0 + UNDO_WINDOW_MS + 1 };
    expect((await pushOutbox(context(clock))).relations).toBe(1);
    const [task] = sf.records('Task');
    const people = new Map(sf.records('Contact').map((c) => [c[EXTERNAL_ID_FIELD], c.Id]));
    expect(task).toMatchObject({ WhoId: people.get(ada.id) });
    expect(sf.records('TaskRelation')).toMatchObject([{ TaskId: task!.Id, RelationId: people.get(bo.id) }]);
    // Sent again (an edit), the relation is already there.
    await updateRecord(db, 'activity', meeting.id, { subject: 'Kick-off (moved)' }, clock.now);
    clock.now += UNDO_WINDOW_MS + 1;
    expect((await pushOutbox(context(clock))).relations).toBe(0);
    expect(sf.records('TaskRelation')).toHaveLength(1);
  });

  it('gives a shared meeting only its WhoId in an org without Shared Activities', async () => {
    await sf.close();
    sf = await startSalesforceEmulator({ sharedActivities: false });
    const t0 = Date.now();
    const ada = await createContact(db, { kind: 'contact', lastName: 'Berg', emails: ['berg@nordlys.example'] }, t0);
    const bo = await createContact(db, { kind: 'contact', lastName: 'Lind', emails: ['lind@nordlys.example'] }, t0);
    await createRecord(db, 'activity', { type: 'meeting', subject: 'Kick-off', occurredAt: t0, contactIds: [ada.id, bo.id] }, t0);
    const summary = await pushOutbox(context({ now: t0 + UNDO_WINDOW_MS + 1 }));
    expect(summary).toMatchObject({ pushed: { Contact: 2, Task: 1 }, relations: 0, parked: 0 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('links a record to the Salesforce record the rep chose: reads it first, fills gaps, stamps the External ID, creates nothing', async () => {
    const chosen = sf.insert('Contact', { LastName: 'Berg', Email: 'ada.berg@nordlys.example', Phone: '+46 8 123', Title: 'CTO' });
    const t0 = Date.now();
    const contact = await createContact(db, { kind: 'contact', lastName: 'Berg', title: 'CTO' }, t0);
    // What the error centre's "Link to existing" leaves: the chosen Id, nothing synced yet.
    await db.contacts.update(contact.id, { 'remote.salesforce': { id: String(chosen.Id), syncedAt: null, base: { __type: 'Contact' } } });
    const summary = await pushOutbox(context({ now: t0 + UNDO_WINDOW_MS + 1 }));
    expect(summary.linked).toBe(1);
    expect(sf.records('Contact')).toMatchObject([{ Id: chosen.Id, [EXTERNAL_ID_FIELD]: contact.id, Phone: '+46 8 123', Email: 'ada.berg@nordlys.example' }]);
    expect(await db.contacts.get(contact.id)).toMatchObject({ phones: ['+46 8 123'], emails: ['ada.berg@nordlys.example'] });
  });
});
