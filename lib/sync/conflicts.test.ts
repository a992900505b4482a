import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '../db/accounts';
import { createContact } from '../db/contacts';
import type { SidecarDb } from '../db/database';
import { freshDb } from '../db/test-db';
import { newId } from '../db/ids';
import { UNDO_WINDOW_MS, type Conflict, type JsonValue } from '../model';
import { DEFAULT_SYNC_SETTINGS } from './context';
import { localIdsOf, resolveConflict } from './conflicts';

let db: SidecarDb;
beforeEach(() => {
  db = freshDb();
});

const T0 = 1_800_000_000_000;
const options = { now: T0 + 60_000, settings: DEFAULT_SYNC_SETTINGS };

/** A contact Salesforce knows (Id 003…), with its outbox cleared as after a push, and one conflict on Title. */
async function conflictOnTitle() {
  const contact = await createContact(db, { kind: 'contact', firstName: 'Ada', lastName: 'Berg', title: 'Head of Data' }, T0);
  const base = { __type: 'Contact', FirstName: 'Ada', LastName: 'Berg', Title: 'Data Lead' };
  await db.contacts.update(contact.id, { 'remote.salesforce': { id: '003000000000001AAA', syncedAt: T0, base } });
  await db.outbox.clear();
  const conflict: Conflict = {
    id: newId(T0), crm: 'salesforce', recordType: 'contact', recordId: contact.id, field: 'Title',
    base: 'Data Lead', local: 'Head of Data', remote: 'Chief Data Officer', createdAt: T0,
  };
  await db.conflicts.add(conflict);
  return { contact, conflict };
}

describe('resolveConflict', () => {
  it('"Use Salesforce\'s" takes the remote value and makes it the last-synced one, without queuing anything', async () => {
    const { contact, conflict } = await conflictOnTitle();
    await resolveConflict(db, conflict.id, 'salesforce', options);
    const stored = await db.contacts.get(contact.id);
    expect(stored?.title).toBe('Chief Data Officer');
    expect(stored?.remote.salesforce).toMatchObject({ id: '003000000000001AAA', base: { Title: 'Chief Data Officer', LastName: 'Berg', __type: 'Contact' } });
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('"Keep mine" makes Salesforce\'s value the last-synced one and queues the record, so the push sends ours', async () => {
    const { contact, conflict } = await conflictOnTitle();
    await resolveConflict(db, conflict.id, 'mine', options);
    const stored = await db.contacts.get(contact.id);
    expect(stored?.title).toBe('Head of Data');
    expect(stored?.remote.salesforce?.base.Title).toBe('Chief Data Officer');
    expect(await db.conflicts.count()).toBe(0);
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ op: 'update', recordIds: [contact.id], fields: ['title'], state: 'pending' });
    // Like any change: not due before the undo window has passed.
    expect(entries[0]!.nextAttemptAt).toBe(options.now + UNDO_WINDOW_MS);
  });

  it('maps a reference back to the local record linked to that Salesforce Id', async () => {
    const nordlys = await createAccount(db, { name: 'Nordlys Energi' }, T0);
    const fjord = await createAccount(db, { name: 'Fjordline' }, T0);
    await db.accounts.update(nordlys.id, { 'remote.salesforce': { id: '001000000000001AAA', syncedAt: T0, base: {} } });
    await db.accounts.update(fjord.id, { 'remote.salesforce': { id: '001000000000002AAA', syncedAt: T0, base: {} } });
    const contact = await createContact(db, { kind: 'contact', lastName: 'Berg', accountId: nordlys.id }, T0);
    await db.contacts.update(contact.id, { 'remote.salesforce': { id: '003000000000001AAA', syncedAt: T0, base: { AccountId: '001000000000001AAA' } } });
    const id = newId(T0);
    await db.conflicts.add({
      id, crm: 'salesforce', recordType: 'contact', recordId: contact.id, field: 'AccountId',
      base: '001000000000001AAA', local: '001000000000003AAA', remote: '001000000000002AAA', createdAt: T0,
    });
    await resolveConflict(db, id, 'salesforce', options);
    expect((await db.contacts.get(contact.id))?.accountId).toBe(fjord.id);
  });

  it('drops the conflict of a record deleted since, and refuses an unknown conflict', async () => {
    const { contact, conflict } = await conflictOnTitle();
    await db.contacts.delete(contact.id);
    await resolveConflict(db, conflict.id, 'mine', options);
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    await expect(resolveConflict(db, conflict.id, 'mine', options)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('changes nothing when the value would make the record invalid', async () => {
    const { contact } = await conflictOnTitle();
    const id = newId(T0);
    const tooLong: JsonValue = 'x'.repeat(300);
    await db.conflicts.add({ id, crm: 'salesforce', recordType: 'contact', recordId: contact.id, field: 'Title', base: null, local: 'a', remote: tooLong, createdAt: T0 });
    await expect(resolveConflict(db, id, 'salesforce', options)).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.conflicts.get(id)).toBeDefined();
    expect((await db.contacts.get(contact.id))?.title).toBe('Head of Data');
  });
});

describe('localIdsOf', () => {
  it('answers undefined for an Id not here and null for null', async () => {
    const localIdOf = await localIdsOf(db, ['001000000000009AAA', null, 42]);
    expect(localIdOf('001000000000009AAA')).toBeUndefined();
    expect(localIdOf(null)).toBeNull();
  });
});
