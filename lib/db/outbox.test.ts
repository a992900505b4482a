import { beforeEach, describe, expect, it } from 'vitest';
import type { SidecarDb } from './database';
import { UNDO_WINDOW_MS } from '../model';
import { enqueueDelete, enqueueUpserts } from './outbox';
import { freshDb } from './test-db';

let db: SidecarDb;
beforeEach(() => {
  db = freshDb();
});
const A = { id: '01JD0000000000000000000001', sample: false };
const B = { id: '01JD0000000000000000000002', sample: false };

const summary = async () => (await db.outbox.toArray()).map((e) => ({ op: e.op, ids: e.recordIds, fields: e.fields, state: e.state }));

describe('outbox', () => {
  it('writes one create entry for every record a transaction created', async () => {
    await enqueueUpserts(db, 'contact', [{ record: A, fields: [], created: true }, { record: B, fields: [], created: true }], 1);
    expect(await summary()).toEqual([{ op: 'create', ids: [A.id, B.id], fields: [], state: 'pending' }]);
  });

  it('lets a pending create absorb later edits: it sends the whole record anyway', async () => {
    await enqueueUpserts(db, 'contact', [{ record: A, fields: [], created: true }, { record: B, fields: [], created: true }], 1);
    await enqueueUpserts(db, 'contact', [{ record: B, fields: ['title'] }], 2);
    expect(await summary()).toEqual([{ op: 'create', ids: [A.id, B.id], fields: [], state: 'pending' }]);
  });

  it('coalesces pending edits of one record into one update entry and merges their fields', async () => {
    await enqueueUpserts(db, 'contact', [{ record: A, fields: ['title'] }], 1);
    await enqueueUpserts(db, 'contact', [{ record: A, fields: ['emails'] }], 2);
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ op: 'update', recordIds: [A.id], updatedAt: 2 });
    expect(entries[0]!.fields.sort()).toEqual(['emails', 'title']);
  });

  it('leaves an in-flight entry alone and queues the next change behind it', async () => {
    await enqueueUpserts(db, 'contact', [{ record: A, fields: [], created: true }], 1);
    await db.outbox.toCollection().modify({ state: 'in-flight' });
    await enqueueUpserts(db, 'contact', [{ record: A, fields: ['emails'] }], 2);
    expect(await summary()).toEqual([
      { op: 'create', ids: [A.id], fields: [], state: 'in-flight' },
      { op: 'update', ids: [A.id], fields: ['emails'], state: 'pending' },
    ]);
  });

  it('takes a record deleted before any CRM saw it out of its pending entry, and needs no delete', async () => {
    await enqueueUpserts(db, 'note', [{ record: A, fields: [], created: true }, { record: B, fields: [], created: true }], 1);
    await enqueueDelete(db, 'note', A.id, {}, 2);
    expect(await summary()).toEqual([{ op: 'create', ids: [B.id], fields: [], state: 'pending' }]);
    await enqueueDelete(db, 'note', B.id, {}, 3);
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues a delete when the record is in flight, or a CRM already has it', async () => {
    await enqueueUpserts(db, 'note', [{ record: A, fields: [], created: true }], 1);
    await db.outbox.toCollection().modify({ state: 'in-flight' });
    await enqueueDelete(db, 'note', A.id, {}, 2);
    await enqueueDelete(db, 'note', B.id, { salesforce: '002xx' }, 3);
    expect((await db.outbox.toArray()).map((e) => [e.op, e.recordIds, e.remoteIds])).toEqual([
      ['create', [A.id], {}],
      ['delete', [A.id], {}],
      ['delete', [B.id], { salesforce: '002xx' }],
    ]);
  });

  it('never queues sample records (the demo territory stays local)', async () => {
    await enqueueUpserts(db, 'account', [{ record: { ...A, sample: true }, fields: [], created: true }], 1);
    await enqueueUpserts(db, 'account', [{ record: { ...A, sample: true }, fields: ['name'] }], 2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('makes no entry due before the undo window has passed, and finds due ones in one index range', async () => {
    await enqueueUpserts(db, 'contact', [{ record: A, fields: [], created: true }], 5);
    const due = (until: number) => db.outbox.where('[state+nextAttemptAt]').between(['pending', 0], ['pending', until], true, true).count();
    expect(await due(5 + UNDO_WINDOW_MS - 1)).toBe(0);
    expect(await due(5 + UNDO_WINDOW_MS)).toBe(1);
    // An edit within the window restarts it.
    await enqueueUpserts(db, 'contact', [{ record: B, fields: ['title'] }], 5);
    await enqueueUpserts(db, 'contact', [{ record: B, fields: ['emails'] }], 9_000);
    expect(await due(5 + UNDO_WINDOW_MS)).toBe(1);
    expect(await due(9_000 + UNDO_WINDOW_MS)).toBe(2);
    expect(await db.outbox.where('recordIds').equals(A.id).count()).toBe(1);
  });
});
