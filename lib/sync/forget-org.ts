import type { SidecarDb } from '../db/database';
import { enqueueUpserts } from '../db/outbox';
import { tableFor } from '../db/records';
import { SyncedRecordType, type RemoteLink } from '../model';

/**
 * The rep connected a different org (a sandbox, then production): every Salesforce link, checkpoint,
 * conflict, issue and describe belongs to the old one. They go, in one transaction, and every record (sample
 * data aside) is queued to go to the new org, where matching links what is already there.
 */
export async function forgetOrg(db: SidecarDb, now: number): Promise<void> {
  const types = SyncedRecordType.options;
  await db.transaction('rw', [...types.map((t) => tableFor(db, t)), db.outbox, db.checkpoints, db.conflicts, db.syncIssues, db.describes], async () => {
    await Promise.all([db.outbox.clear(), db.checkpoints.clear(), db.conflicts.clear(), db.syncIssues.clear(), db.describes.clear()]);
    for (const type of types) {
      const table = tableFor(db, type);
      await table.toCollection().modify((record) => {
        const { salesforce: _old, ...others } = record.remote as Record<string, RemoteLink>;
        void _old;
        record.remote = others;
      });
      const records = (await table.toArray()).filter((r) => !r.sample);
      if (records.length) await enqueueUpserts(db, type, records.map((record) => ({ record, fields: [], created: true })), now);
    }
  });
}
