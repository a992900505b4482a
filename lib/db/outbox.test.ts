import { beforeEach, describe, expect, it } from 'vitest';
import type { SidecarDb } from './database';
import { enqueueDelete, enqueueUpserts } from './outbox';
import { freshDb } from './test-db';

let db: SidecarDb;
beforeEach(() => {
  db = freshDb();
});
const ID = '01JD0000000000000000000001';
const REC = { id: ID, sample: false };

describe('outbox', () => {
  it('coalesces pending changes to one record and merges their fields', async () => {
    await enqueueUpserts(db, 'contact', [{ record: REC, fields: ['title'] }], 1);
    await enqueueUpserts(db, 'contact', [{ record: REC, fields: ['emails'] }], 2);
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.fields.sort()).toEqual(['emails', 'title']);
    expect(entries[0]!.updatedAt).toBe(2);
  });

  it('leaves an in-flight entry alone and queues the next change behind it', async () => {
    await enqueueUpserts(db, 'contact', [{ record: REC, fields: ['title'] }], 1);
    await db.outbox.toCollection().modify({ state: 'in-flight' });
    await enqueueUpserts(db, 'contact', [{ record: REC, fields: ['emails'] }], 2);
    const states = (await db.outbox.toArray()).map((e) => [e.state, e.fields]);
    expect(states).toEqual([['in-flight', ['title']], ['pending', ['emails']]]);
  });

  it('drops pending upserts of a record deleted before any CRM saw it', async () => {
    await enqueueUpserts(db, 'note', [{ record: REC, fields: [] }], 1);
    await enqueueDelete(db, 'note', ID, {}, 2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues a delete when an upsert is already in flight', async () => {
    await enqueueUpserts(db, 'note', [{ record: REC, fields: [] }], 1);
    await db.outbox.toCollection().modify({ state: 'in-flight' });
    await enqueueDelete(db, 'note', ID, {}, 2);
    expect((await db.outbox.toArray()).map((e) => e.op)).toEqual(['upsert', 'delete']);
  });

  it('never queues sample records (the demo territory stays local)', async () => {
    await enqueueUpserts(db, 'account', [{ record: { id: ID, sample: true }, fields: [] }], 1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('finds due entries by state and next attempt', async () => {
    await enqueueUpserts(db, 'contact', [{ record: REC, fields: [] }], 5);
    expect(await db.outbox.where('state').equals('pending').count()).toBe(1);
    expect(await db.outbox.where('nextAttemptAt').belowOrEqual(5).count()).toBe(1);
    expect(await db.outbox.where('nextAttemptAt').below(5).count()).toBe(0);
    const due = db.outbox.where('[state+nextAttemptAt]').between(['pending', 0], ['pending', 5], true, true);
    expect(await due.count()).toBe(1);
    expect(await db.outbox.where('[state+nextAttemptAt]').between(['pending', 0], ['pending', 4], true, true).count()).toBe(0);
  });
});
