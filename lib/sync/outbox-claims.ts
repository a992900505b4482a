import { Dexie } from 'dexie';
import type { OutboxEntry, SyncIssue, SyncedRecordType } from '../model';
import { newId } from '../db/ids';
import type { SidecarDb } from '../db/database';
import { COLLECTION_LIMIT } from '../crm/salesforce/config';
import { chunk } from './soql';

/**
 * A push claims due outbox entries for a while (a lease). If the worker dies mid-push, the lease
 * runs out and the next run takes the entries again: the re-sent upserts hit the same External
 * IDs, so nothing is duplicated, and nothing is lost because an entry goes only once acknowledged.
 */
export const LEASE_MS = 2 * 60_000;

/**
 * At the start of a run, entries still marked in flight belong to a run that died (runs never
 * overlap: the worker holds `navigator.locks`, and `sync:once` is one process). They are due again
 * at once, without waiting out their lease; their re-sent upserts hit the same External IDs.
 */
export async function reclaimInterrupted(db: SidecarDb, now: number): Promise<number> {
  return db.outbox.where('[state+nextAttemptAt]').between(['in-flight', Dexie.minKey], ['in-flight', Dexie.maxKey], true, true)
    .modify({ state: 'pending', nextAttemptAt: now, updatedAt: now });
}

/** Entries that are due, without claiming them: pending ones, and in-flight ones whose lease ran out. */
export async function peekDue(db: SidecarDb, now: number): Promise<OutboxEntry[]> {
  return (await Promise.all((['pending', 'in-flight'] as const).map((state) =>
    db.outbox.where('[state+nextAttemptAt]').between([state, Dexie.minKey], [state, now], true, true).toArray(),
  ))).flat();
}

/** Entries of one record type that are due, claimed for a lease. */
export async function claimDue(db: SidecarDb, recordType: SyncedRecordType, now: number): Promise<OutboxEntry[]> {
  return db.transaction('rw', db.outbox, async () => {
    const due = (await peekDue(db, now)).filter((e) => e.recordType === recordType);
    // An import's one entry for thousands of records is split into batch-sized entries: each batch
    // then settles its own entry, instead of rewriting (and re-indexing) every remaining id each time.
    const claimed = due.flatMap((e) => chunk(e.recordIds, COLLECTION_LIMIT).map((recordIds, i) => ({
      ...e, id: i === 0 ? e.id : newId(now), recordIds, state: 'in-flight' as const, nextAttemptAt: now + LEASE_MS, updatedAt: now,
    })));
    await db.outbox.bulkPut(claimed);
    return claimed;
  });
}

/** What became of one record of a claimed entry. */
export type RecordOutcome =
  | { kind: 'done' }
  | { kind: 'parked'; issue: SyncIssue }
  | { kind: 'later'; at: number; error: string | null; countsAsAttempt: boolean };

/**
 * Settle records of claimed entries, in the caller's transaction: a done record leaves its entry
 * (an emptied entry is deleted); a parked or postponed one leaves it for an entry of its own.
 */
export async function settleRecords(
  db: SidecarDb, claimed: readonly OutboxEntry[], outcomes: ReadonlyMap<string, RecordOutcome>, now: number,
): Promise<void> {
  for (const original of claimed) {
    const entry = await db.outbox.get(original.id);
    if (!entry) continue;
    const settled = entry.recordIds.filter((id) => outcomes.has(id));
    if (settled.length === 0) continue;
    for (const id of settled) {
      const outcome = outcomes.get(id)!;
      if (outcome.kind === 'done') continue;
      const own: OutboxEntry = {
        ...entry, id: newId(now), recordIds: [id], createdAt: now, updatedAt: now,
        state: outcome.kind === 'parked' ? 'parked' : 'pending',
        nextAttemptAt: outcome.kind === 'later' ? outcome.at : now,
        attempts: entry.attempts + (outcome.kind === 'later' && outcome.countsAsAttempt ? 1 : 0),
        // The code only: an issue's message may carry a validation rule's text.
        lastError: outcome.kind === 'parked' ? outcome.issue.errorCode ?? outcome.issue.kind : outcome.error,
      };
      await db.outbox.add(own);
      if (outcome.kind === 'parked') await db.syncIssues.put(outcome.issue);
    }
    const rest = entry.recordIds.filter((id) => !outcomes.has(id));
    if (rest.length) await db.outbox.put({ ...entry, recordIds: rest, updatedAt: now });
    else await db.outbox.delete(entry.id);
  }
}

/** Give claimed entries back (a failed call): they are due again at `at`. */
export async function releaseClaims(
  db: SidecarDb, claimed: readonly OutboxEntry[], at: number, error: string, countsAsAttempt: boolean, now: number,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const original of claimed) {
      const entry = await db.outbox.get(original.id);
      if (!entry || entry.state !== 'in-flight') continue;
      await db.outbox.put({
        ...entry, state: 'pending', nextAttemptAt: at, lastError: error, updatedAt: now,
        attempts: entry.attempts + (countsAsAttempt ? 1 : 0),
      });
    }
  });
}

export function issueId(recordType: SyncedRecordType, recordId: string): string {
  return `salesforce:${recordType}:${recordId}`;
}
