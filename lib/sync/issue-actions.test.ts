import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '../db/accounts';
import { createContact } from '../db/contacts';
import type { SidecarDb } from '../db/database';
import { newId } from '../db/ids';
import { createRecord } from '../db/records';
import { freshDb } from '../db/test-db';
import type { OutboxEntry, SyncIssue } from '../model';
import { createNewForIssue, deleteForIssue, linkIssue, retryIssue } from './issue-actions';
import { issueId } from './outbox-claims';

let db: SidecarDb;
beforeEach(() => {
  db = freshDb();
});

const T0 = 1_800_000_000_000;
const NOW = T0 + 3_600_000;

/** A contact whose first push was parked with an issue, as push.ts leaves it. */
async function parkedContact(kind: SyncIssue['kind'], candidates: SyncIssue['candidates'] = [], lastName = 'Berg') {
  const contact = await createContact(db, { kind: 'contact', firstName: 'Ada', lastName }, T0);
  await db.outbox.toCollection().modify({ state: 'parked', attempts: 3, lastError: 'refused', nextAttemptAt: T0 });
  const issue: SyncIssue = {
    id: issueId('contact', contact.id), crm: 'salesforce', recordType: 'contact', recordId: contact.id, kind,
    message: 'Salesforce refused it', errorCode: null, fields: [], candidates, createdAt: T0,
  };
  await db.syncIssues.put(issue);
  return { contact, issue };
}

const entries = async () => (await db.outbox.toArray()).map((e) => ({ state: e.state, ids: e.recordIds, due: e.nextAttemptAt, attempts: e.attempts, lastError: e.lastError }));

describe('retryIssue', () => {
  it('sets the record\'s parked entries back to pending, due now, and closes the issue', async () => {
    const { contact, issue } = await parkedContact('rejected');
    await retryIssue(db, issue.id, NOW);
    expect(await entries()).toEqual([{ state: 'pending', ids: [contact.id], due: NOW, attempts: 0, lastError: null }]);
    expect(await db.syncIssues.count()).toBe(0);
  });

  it('re-queues only this record from an entry parked for several, and queues one for a record with none', async () => {
    const account = await createAccount(db, { name: 'Nordlys Energi' }, T0);
    const a = await createRecord(db, 'note', { body: 'first', accountId: account.id }, T0);
    const b = await createRecord(db, 'note', { body: 'second', accountId: account.id }, T0);
    await db.outbox.clear();
    const shared: OutboxEntry = {
      id: newId(T0), recordType: 'note', recordIds: [a.id, b.id], op: 'create', fields: [], remoteIds: {}, state: 'parked',
      attempts: 1, nextAttemptAt: T0, lastError: 'refused', createdAt: T0, updatedAt: T0, payloadVersion: 2,
    };
    await db.outbox.add(shared);
    for (const note of [a, b]) {
      await db.syncIssues.put({ id: issueId('note', note.id), crm: 'salesforce', recordType: 'note', recordId: note.id, kind: 'rejected', message: 'x', errorCode: null, fields: [], candidates: [], createdAt: T0 });
    }
    await retryIssue(db, issueId('note', a.id), NOW);
    const byState = Object.fromEntries((await db.outbox.toArray()).map((e) => [e.state, e.recordIds]));
    expect(byState).toEqual({ parked: [b.id], pending: [a.id] });

    await db.outbox.clear();
    await retryIssue(db, issueId('note', b.id), NOW);
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ op: 'update', recordIds: [b.id], fields: [], state: 'pending', nextAttemptAt: NOW })]);
  });

  it('refuses an unknown issue, and a deleted-remotely one (it has its own choices)', async () => {
    await expect(retryIssue(db, 'salesforce:contact:nope', NOW)).rejects.toMatchObject({ code: 'not-found' });
    const { issue } = await parkedContact('deleted-remotely');
    await expect(retryIssue(db, issue.id, NOW)).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.syncIssues.count()).toBe(1);
  });
});

describe('linkIssue', () => {
  const candidates = [{ id: '003000000000001AAA', label: 'Contact · Ada Berg' }, { id: '00Q000000000002AAA', label: 'Lead · Ada Berg' }];

  it('links the record to the chosen candidate (its object from the Id) and re-queues it for an update by Id', async () => {
    const { contact, issue } = await parkedContact('ambiguous-match', candidates);
    await linkIssue(db, issue.id, '00Q000000000002AAA', NOW);
    expect((await db.contacts.get(contact.id))?.remote.salesforce).toEqual({ id: '00Q000000000002AAA', syncedAt: null, base: { __type: 'Lead' } });
    expect(await entries()).toEqual([{ state: 'pending', ids: [contact.id], due: NOW, attempts: 0, lastError: null }]);
    expect(await db.syncIssues.count()).toBe(0);
  });

  it('takes only one of the issue\'s candidates, and never a Salesforce record another local record has', async () => {
    const { contact, issue } = await parkedContact('duplicate', candidates);
    await expect(linkIssue(db, issue.id, '003000000000009AAA', NOW)).rejects.toMatchObject({ code: 'invalid' });
    const other = await createContact(db, { kind: 'contact', lastName: 'Other' }, T0);
    await db.contacts.update(other.id, { 'remote.salesforce': { id: '003000000000001AAA', syncedAt: T0, base: {} } });
    await expect(linkIssue(db, issue.id, '003000000000001AAA', NOW)).rejects.toMatchObject({ code: 'duplicate' });
    expect((await db.contacts.get(contact.id))?.remote.salesforce).toBeUndefined();
    expect(await db.syncIssues.count()).toBe(1);
  });
});

describe('createNewForIssue', () => {
  it('"Create new anyway": a link with no Id, so the push skips matching, and the record re-queued', async () => {
    const { contact, issue } = await parkedContact('ambiguous-match', [{ id: '003000000000001AAA', label: 'x' }]);
    await createNewForIssue(db, issue.id, NOW);
    expect((await db.contacts.get(contact.id))?.remote.salesforce).toEqual({ id: null, syncedAt: null, base: {} });
    expect(await entries()).toEqual([{ state: 'pending', ids: [contact.id], due: NOW, attempts: 0, lastError: null }]);
    expect(await db.syncIssues.count()).toBe(0);
  });

  it('"Push again as new" for a record deleted in Salesforce; not for a rejected one', async () => {
    const { contact, issue } = await parkedContact('deleted-remotely');
    await createNewForIssue(db, issue.id, NOW);
    expect((await db.contacts.get(contact.id))?.remote.salesforce).toEqual({ id: null, syncedAt: null, base: {} });
    const rejected = await parkedContact('rejected', [], 'Lund');
    await expect(createNewForIssue(db, rejected.issue.id, NOW)).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('deleteForIssue', () => {
  it('"Delete here": the record and its parked entries go, with nothing left to push', async () => {
    const { contact, issue } = await parkedContact('deleted-remotely');
    await deleteForIssue(db, issue.id, NOW);
    expect(await db.contacts.get(contact.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncIssues.count()).toBe(0);
  });

  it('deletes an account as the rep\'s own delete does: its people stay, as leads', async () => {
    const account = await createAccount(db, { name: 'Nordlys Energi' }, T0);
    const person = await createContact(db, { kind: 'contact', lastName: 'Berg', accountId: account.id }, T0);
    await db.outbox.clear();
    await db.syncIssues.put({ id: issueId('account', account.id), crm: 'salesforce', recordType: 'account', recordId: account.id, kind: 'deleted-remotely', message: 'x', errorCode: null, fields: [], candidates: [], createdAt: T0 });
    await deleteForIssue(db, issueId('account', account.id), NOW);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.contacts.get(person.id)).toMatchObject({ kind: 'lead', accountId: null, company: 'Nordlys Energi' });
  });

  it('is only for records deleted in Salesforce', async () => {
    const { issue } = await parkedContact('rejected');
    await expect(deleteForIssue(db, issue.id, NOW)).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.contacts.count()).toBe(1);
  });
});
