import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulator/salesforce';
import { EXTERNAL_ID_FIELD } from '../crm/salesforce/config';
import { createContact, deleteContact, updateContact } from '../db/contacts';
import { enqueueUpserts } from '../db/outbox';
import type { SidecarDb } from '../db/database';
import { freshDb } from '../db/test-db';
import { UNDO_WINDOW_MS } from '../model';
import { DEFAULT_SYNC_SETTINGS, type SyncContext, type SyncSettings } from './context';
import { pullChanges, pullQuery, RECONCILE_AFTER_MS, soqlSecond } from './pull';
import { pushOutbox } from './push';
import { emulatorContext } from './test-support';

let sf: SalesforceEmulator;
let db: SidecarDb;
let userId: string;

function context(clock: { now: number }, settings: Partial<SyncSettings> = {}): SyncContext {
  return emulatorContext(sf, db, { now: () => clock.now, userId, settings });
}

beforeEach(async () => {
  sf = await startSalesforceEmulator();
  db = freshDb();
  userId = (await emulatorContext(sf, db).client.userInfo()).user_id;
});
afterEach(async () => {
  await sf.close();
  db.close();
});

const today = () => new Date().toISOString().slice(0, 10);

describe('pullChanges against the Salesforce emulator', () => {
  it('brings the rep\'s accounts, people, open deals and recent activities in, related as in Salesforce, once', async () => {
    const account = sf.insert('Account', { Name: 'Nordlys Energi', Website: 'nordlys.example', Industry: 'Energy' });
    const contact = sf.insert('Contact', { FirstName: 'Ada', LastName: 'Berg', Email: 'Ada@Nordlys.example', AccountId: account.Id, Title: 'CTO' });
    sf.insert('Lead', { LastName: 'Lind', Company: 'Fjord AB', Email: 'lind@fjord.example' });
    sf.insert('Opportunity', { Name: 'Nordlys renewal', StageName: 'Prospecting', CloseDate: today(), AccountId: account.Id });
    sf.insert('Opportunity', { Name: 'Lost deal', StageName: 'Closed Lost', CloseDate: today(), AccountId: account.Id });
    sf.insert('Task', { Subject: 'Intro call', TaskSubtype: 'Call', Status: 'Completed', ActivityDate: today(), WhoId: contact.Id, WhatId: account.Id });
    sf.insert('Task', { Subject: 'Send pricing', TaskSubtype: 'Task', Status: 'Not Started', ActivityDate: today(), WhoId: contact.Id });

    const clock = { now: Date.now() };
    const summary = await pullChanges(context(clock));
    expect(summary).toMatchObject({ created: 6, updated: 0, conflicts: 0, deleted: 0 });
    const [local] = await db.accounts.toArray();
    expect(local).toMatchObject({ name: 'Nordlys Energi', website: 'https://nordlys.example', domains: ['nordlys.example'], industry: 'Energy' });
    const people = await db.contacts.orderBy('lastName').toArray();
    expect(people.map((p) => [p.kind, p.lastName, p.accountId, p.emails])).toEqual([
      ['contact', 'Berg', local!.id, ['ada@nordlys.example']],
      ['lead', 'Lind', null, ['lind@fjord.example']],
    ]);
    expect((await db.opportunities.toArray()).map((o) => o.name)).toEqual(['Nordlys renewal']);
    const [call] = await db.activities.toArray();
    expect(call).toMatchObject({ type: 'call', subject: 'Intro call', contactIds: [people[0]!.id], accountId: local!.id });
    expect((await db.tasks.toArray()).map((t) => [t.subject, t.contactId, t.done])).toEqual([['Send pricing', people[0]!.id, false]]);
    expect(await db.outbox.count()).toBe(0); // what came from Salesforce does not go back

    const again = await pullChanges(context(clock));
    expect(again).toMatchObject({ pulled: {}, created: 0, updated: 0 });
  });

  it('asks only for the rep\'s own records in scope "mine", and for everything in scope "all"', async () => {
    sf.insert('Account', { Name: 'Mine AB' });
    const colleague = sf.insert('User', { Username: 'colleague@sidecar-demo.example', LastName: 'Colleague' });
    sf.insert('Account', { Name: 'Colleague AB', OwnerId: colleague.Id });
    expect(pullQuery('Account', DEFAULT_SYNC_SETTINGS, userId, null, Date.now())).toContain(`OwnerId = '${userId}'`);
    await pullChanges(context({ now: Date.now() }));
    expect((await db.accounts.toArray()).map((a) => a.name)).toEqual(['Mine AB']);
    await db.checkpoints.clear();
    await pullChanges(context({ now: Date.now() }, { scope: 'all' }));
    expect((await db.accounts.toArray()).map((a) => a.name).sort()).toEqual(['Colleague AB', 'Mine AB']);
  });

  it('merges per field against the last-synced values: one-sided changes go through, two-sided ones become conflicts', async () => {
    const t0 = Date.now() - UNDO_WINDOW_MS - 5000;
    const contact = await createContact(db, { kind: 'contact', firstName: 'Ada', lastName: 'Berg', title: 'CTO', emails: ['ada@nordlys.example'], phones: ['+46 8 1'] }, t0);
    const clock = { now: Date.now() };
    await pushOutbox(context(clock));
    await pullChanges(context(clock)); // the checkpoint moves past Sidecar's own push
    const remoteId = (await db.contacts.get(contact.id))!.remote.salesforce!.id!;

    sf.update('Contact', remoteId, { Title: 'Chief Technology Officer', Phone: '+46 8 2' });
    await updateContact(db, contact.id, { title: 'VP Engineering', firstName: 'Adaline' }, clock.now);
    const summary = await pullChanges(context(clock));
    expect(summary).toMatchObject({ pulled: { Contact: 1 }, updated: 1, conflicts: 1 });
    const merged = (await db.contacts.get(contact.id))!;
    expect(merged).toMatchObject({ firstName: 'Adaline', title: 'VP Engineering', phones: ['+46 8 2', '+46 8 1'] });
    const [conflict] = await db.conflicts.toArray();
    expect(conflict).toMatchObject({ recordId: contact.id, field: 'Title', base: 'CTO', local: 'VP Engineering', remote: 'Chief Technology Officer' });

    // The push sends the rep's one-sided change and holds the conflicting field back.
    clock.now += UNDO_WINDOW_MS + 1;
    await pushOutbox(context(clock));
    expect(sf.records('Contact')[0]).toMatchObject({ FirstName: 'Adaline', Title: 'Chief Technology Officer', Phone: '+46 8 2' });
    // Pulling the same conflict again does not add a second row.
    sf.update('Contact', remoteId, { Title: 'Chief Technology Officer ' });
    await pullChanges(context(clock));
    expect(await db.conflicts.count()).toBe(1);
  });

  it('skips rows already read at the checkpoint second, and stores the timestamp, not a cursor', async () => {
    for (let i = 0; i < 5; i += 1) sf.insert('Account', { Name: `Account ${i}` });
    const clock = { now: Date.now() };
    await pullChanges(context(clock));
    const checkpoint = await db.checkpoints.get('salesforce:Account');
    const newest = sf.records('Account').map((a) => String(a.SystemModstamp)).sort().at(-1)!;
    expect(checkpoint).toMatchObject({ remoteTimestamp: soqlSecond(newest), pulledAt: clock.now });
    expect(checkpoint!.boundaryIds.length).toBeGreaterThan(0);
    const changed = sf.records('Account')[2]!;
    sf.update('Account', String(changed.Id), { Industry: 'Energy' });
    const summary = await pullChanges(context(clock));
    expect(summary.pulled).toEqual({ Account: 1 });
    expect((await db.accounts.toArray()).find((a) => a.remote.salesforce?.id === changed.Id)?.industry).toBe('Energy');
  });

  it('removes a record deleted in Salesforce, but keeps one edited here since and asks the rep', async () => {
    const untouched = sf.insert('Contact', { LastName: 'Untouched' });
    const edited = sf.insert('Contact', { LastName: 'Edited' });
    const clock = { now: Date.now() };
    await pullChanges(context(clock));
    const local = (await db.contacts.where('lastName').equals('Edited').first())!;
    await updateContact(db, local.id, { title: 'Buyer' }, clock.now);
    sf.remove('Contact', String(untouched.Id));
    sf.remove('Contact', String(edited.Id));

    const summary = await pullChanges(context(clock));
    expect(summary.deleted).toBe(2);
    expect((await db.contacts.toArray()).map((c) => c.lastName)).toEqual(['Edited']);
    const kept = (await db.contacts.get(local.id))!;
    expect(kept.title).toBe('Buyer');
    expect(kept.remote.salesforce).toBeUndefined();
    expect(await db.syncIssues.get(`salesforce:contact:${local.id}`)).toMatchObject({ kind: 'deleted-remotely' });
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['parked']);
    // Parked, it is not pushed again as a new record behind the rep's back.
    clock.now += UNDO_WINDOW_MS + 1;
    await pushOutbox(context(clock));
    expect(sf.records('Contact')).toHaveLength(0);
  });

  it('reconciles by Id when the checkpoint is older than deletions stay visible', async () => {
    const kept = sf.insert('Account', { Name: 'Still here' });
    const clock = { now: Date.now() };
    await pullChanges(context(clock));
    // A record linked to a Salesforce Id the org no longer has at all (purged from the recycle bin).
    const ghost = (await db.accounts.toArray())[0]!;
    await db.accounts.put({ ...ghost, id: '01JZZZZZZZZZZZZZZZZZZZZZZZ', name: 'Purged', remote: { salesforce: { id: '001000000000999AAA', syncedAt: 1, base: {} } } });
    clock.now += RECONCILE_AFTER_MS + 60_000;
    const summary = await pullChanges(context(clock));
    expect(summary.deleted).toBe(1);
    expect((await db.accounts.toArray()).map((a) => a.remote.salesforce?.id)).toEqual([kept.Id]);
    expect(sf.requests.some((r) => r.method === 'GET' && /queryAll/.test(r.path))).toBe(true);
  });

  it('keeps a record it finds by External ID when the push that made it lost its answer', async () => {
    const t0 = Date.now() - UNDO_WINDOW_MS - 5000;
    const contact = await createContact(db, { kind: 'contact', lastName: 'Berg', emails: ['berg@nordlys.example'] }, t0);
    sf.insert('Contact', { LastName: 'Berg', Email: 'berg@nordlys.example', [EXTERNAL_ID_FIELD]: contact.id, Title: 'CFO' });
    await pullChanges(context({ now: Date.now() }));
    const contacts = await db.contacts.toArray();
    expect(contacts).toHaveLength(1);
    expect(contacts[0]!.remote.salesforce?.id).toBe(sf.records('Contact')[0]!.Id);
  });

  it('links a row to the same person captured here and not yet pushed, instead of adding a second one', async () => {
    const t0 = Date.now();
    const local = await createContact(db, { kind: 'contact', firstName: 'Ada', lastName: 'Berg', title: 'CTO', emails: ['ada@nordlys.example'] }, t0);
    const remote = sf.insert('Contact', { FirstName: 'Ada', LastName: 'Berg', Email: 'ada@nordlys.example', Title: 'Chief Technology Officer', Phone: '+46 8 1' });
    const clock = { now: t0 + UNDO_WINDOW_MS + 1 };
    const summary = await pullChanges(context(clock));
    expect(summary).toMatchObject({ created: 0, updated: 1, conflicts: 1 });
    const contacts = await db.contacts.toArray();
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ id: local.id, title: 'CTO', phones: ['+46 8 1'] });
    expect(contacts[0]!.remote.salesforce?.id).toBe(remote.Id);
    expect(await db.conflicts.toArray()).toMatchObject([{ field: 'Title', local: 'CTO', remote: 'Chief Technology Officer' }]);
    // Its first push stamps the External ID on that record and creates none.
    await pushOutbox(context(clock));
    expect(sf.records('Contact')).toMatchObject([{ Id: remote.Id, [EXTERNAL_ID_FIELD]: local.id, Title: 'Chief Technology Officer' }]);
  });

  it('parks only the deleted record out of a shared entry, and never brings back a record deleted here', async () => {
    const t0 = Date.now() - UNDO_WINDOW_MS - 5000;
    const [a, b] = [await createContact(db, { kind: 'lead', lastName: 'Alpha', company: 'Fjord AB' }, t0), await createContact(db, { kind: 'lead', lastName: 'Beta', company: 'Fjord AB' }, t0)];
    const clock = { now: Date.now() };
    await pushOutbox(context(clock));
    await pullChanges(context(clock));
    const [remoteA, remoteB] = [a, b].map((p) => sf.records('Lead').find((l) => l[EXTERNAL_ID_FIELD] === p.id)!);
    // Both edited here in one entry, as an import would write them; Alpha is then deleted in Salesforce.
    const edited = (await db.contacts.bulkGet([a.id, b.id])).map((c) => ({ ...c!, title: 'Buyer' }));
    await db.contacts.bulkPut(edited);
    await enqueueUpserts(db, 'contact', edited.map((record) => ({ record, fields: [], created: true })), clock.now);
    sf.remove('Lead', String(remoteA!.Id));
    // Beta is deleted here (its delete not pushed yet) and edited in Salesforce.
    await deleteContact(db, b.id, clock.now);
    sf.update('Lead', String(remoteB!.Id), { Title: 'Changed there' });

    await pullChanges(context(clock));
    expect((await db.contacts.toArray()).map((c) => c.lastName)).toEqual(['Alpha']);
    const entries = await db.outbox.toArray();
    expect(entries.filter((e) => e.state === 'parked').flatMap((e) => e.recordIds)).toEqual([a.id]);
    expect(entries.some((e) => e.op === 'delete' && e.recordIds.includes(b.id))).toBe(true);
  });

  it('keeps a lead converted in Salesforce as one person, now a contact of the converted account', async () => {
    const t0 = Date.now() - UNDO_WINDOW_MS - 5000;
    const lead = await createContact(db, { kind: 'lead', lastName: 'Lind', company: 'Fjord AB', emails: ['lind@fjord.example'] }, t0);
    const clock = { now: Date.now() };
    await pushOutbox(context(clock));
    const remoteLead = sf.records('Lead')[0]!;
    // Salesforce's lead conversion: an account, a contact carrying the lead's fields (and its External ID), the lead marked converted.
    const account = sf.insert('Account', { Name: 'Fjord AB' });
    const contact = sf.insert('Contact', { LastName: 'Lind', Email: 'lind@fjord.example', AccountId: account.Id, [EXTERNAL_ID_FIELD]: lead.id });
    sf.update('Lead', String(remoteLead.Id), { IsConverted: true });

    await pullChanges(context(clock));
    const people = await db.contacts.toArray();
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ id: lead.id, kind: 'contact', company: null });
    expect(people[0]!.remote.salesforce?.id).toBe(contact.Id);
    expect(people[0]!.accountId).toBe((await db.accounts.toArray())[0]!.id);
  });
});
