import { describe, expect, it, vi } from 'vitest';
import { captureContact } from './contacts';
import { findByIndex } from './lookup';
import { freshDb } from './test-db';

describe('findByIndex', () => {
  it('inside a transaction, asks the native index once per key and keeps the transaction current', async () => {
    const db = freshDb();
    const a = await captureContact(db, { kind: 'lead', lastName: 'A', emails: ['a@x.example', 'a2@x.example'] });
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const found = await db.transaction('rw', db.contacts, async () => {
      const records = await findByIndex(db.contacts, 'emails', ['a@x.example', 'a2@x.example', 'a@x.example', 'nobody@x.example']);
      // Still inside the same transaction: this write commits or aborts with it.
      await db.contacts.update(records[0]!.id, { title: 'Found' });
      return records;
    });
    expect(getAll).toHaveBeenCalledTimes(3);
    expect(found.map((c) => c.id)).toEqual([a.status === 'created' ? a.record.id : '']);
    expect((await db.contacts.toArray())[0]?.title).toBe('Found');
  });

  it('rolls back with the transaction when a later step fails', async () => {
    const db = freshDb();
    await expect(
      db.transaction('rw', db.contacts, async () => {
        await findByIndex(db.contacts, 'emails', ['x@x.example']);
        await db.contacts.add({ id: '01JD0000000000000000000009' } as never);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await db.contacts.count()).toBe(0);
  });

  it('outside a transaction, falls back to Dexie queries', async () => {
    const db = freshDb();
    await captureContact(db, { kind: 'lead', lastName: 'B', emails: ['b@x.example'] });
    expect((await findByIndex(db.contacts, 'emails', ['b@x.example'])).map((c) => c.lastName)).toEqual(['B']);
    expect(await findByIndex(db.contacts, 'emails', [])).toEqual([]);
  });
});
