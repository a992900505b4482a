import { deleteAccount } from '../db/accounts';
import { deleteContact } from '../db/contacts';
import type { SidecarDb } from '../db/database';
import { RepositoryError, notFound } from '../db/errors';
import { newId } from '../db/ids';
import { deleteInTransaction, tableFor, type RecordOf } from '../db/records';
import type { OutboxEntry, RemoteLink, SyncIssue, SyncedRecordType } from '../model';
import { sobjectOfId, TYPE_KEY } from './remote-refs';

/**
 * What the rep can do about a record sync could not settle (the error centre). Each action writes
 * the record, its outbox entries and the issue in one transaction; the scheduler then pushes it.
 */

type AnyRecord = RecordOf<SyncedRecordType>;
/** `base.__type`: the object a linked record lives in (push.ts reads it). */

function syncTables(db: SidecarDb) {
  return [db.accounts, db.contacts, db.opportunities, db.activities, db.notes, db.tasks, db.outbox, db.conflicts, db.syncIssues];
}

async function openIssue(db: SidecarDb, issueId: string, kinds: ReadonlyArray<SyncIssue['kind']>): Promise<SyncIssue> {
  const issue = await db.syncIssues.get(issueId);
  if (!issue) throw notFound('sync issue', issueId);
  if (!kinds.includes(issue.kind)) throw new RepositoryError('invalid', `this action does not apply to a ${issue.kind} issue`);
  return issue;
}

/**
 * The record's parked entries go back to pending, due now. A record with no entry left at all
 * gets one for the whole record; one with an entry waiting or in flight needs nothing more.
 */
async function requeue(db: SidecarDb, type: SyncedRecordType, recordId: string, now: number): Promise<void> {
  const entries = await db.outbox.where('recordIds').equals(recordId).toArray();
  for (const entry of entries.filter((e) => e.state === 'parked')) {
    // An entry parked for several records: only this one goes back; the others wait for their own answer.
    await releaseParked(db, entry, recordId, now);
    await db.outbox.put({
      ...entry, id: entry.recordIds.length > 1 ? newId(now) : entry.id, recordIds: [recordId],
      state: 'pending', nextAttemptAt: now, attempts: 0, lastError: null, updatedAt: now,
    });
  }
  if (entries.length > 0) return;
  await db.outbox.add({
    id: newId(now), recordType: type, recordIds: [recordId], op: 'update', fields: [], remoteIds: {}, state: 'pending',
    attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, updatedAt: now, payloadVersion: 2,
  });
}

/** Take one record out of a parked entry; an entry left empty goes. */
async function releaseParked(db: SidecarDb, entry: OutboxEntry, recordId: string, now: number): Promise<void> {
  const rest = entry.recordIds.filter((id) => id !== recordId);
  if (rest.length) await db.outbox.put({ ...entry, recordIds: rest, updatedAt: now });
  else await db.outbox.delete(entry.id);
}

async function setLink(db: SidecarDb, issue: SyncIssue, link: RemoteLink, now: number): Promise<boolean> {
  const table = tableFor(db, issue.recordType);
  const record = await table.get(issue.recordId);
  if (!record) return false;
  await table.put({ ...record, remote: { ...record.remote, salesforce: link } } as AnyRecord);
  await requeue(db, issue.recordType, record.id, now);
  return true;
}

/** "Retry": after the rep fixed the record, or Salesforce's rule changed. */
export async function retryIssue(db: SidecarDb, issueId: string, now: number): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    const issue = await openIssue(db, issueId, ['rejected', 'ambiguous-match', 'duplicate']);
    await db.syncIssues.delete(issue.id);
    if (await tableFor(db, issue.recordType).get(issue.recordId)) await requeue(db, issue.recordType, issue.recordId, now);
  });
}

/**
 * "Link to existing": the record is the Salesforce record the rep chose among the candidates. The
 * next push updates that record by its Id and stamps Sidecar's External ID on it.
 */
export async function linkIssue(db: SidecarDb, issueId: string, candidateId: string, now: number): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    const issue = await openIssue(db, issueId, ['ambiguous-match', 'duplicate']);
    if (!issue.candidates.some((c) => c.id === candidateId)) throw new RepositoryError('invalid', 'that Salesforce record is not one of this issue’s candidates');
    const sobject = sobjectOfId(candidateId);
    if (!sobject) throw new RepositoryError('invalid', 'Sidecar cannot tell which kind of Salesforce record that is');
    const table = tableFor(db, issue.recordType);
    const taken = await table.where('remote.salesforce.id').equals(candidateId).first();
    if (taken && taken.id !== issue.recordId) {
      throw new RepositoryError('duplicate', 'another record in Sidecar is already linked to that Salesforce record', { existingId: taken.id });
    }
    await db.syncIssues.delete(issue.id);
    await setLink(db, issue, { id: candidateId, syncedAt: null, base: { [TYPE_KEY]: sobject } }, now);
  });
}

/**
 * "Create new anyway" (several Salesforce records match) and "Push again as new" (deleted in
 * Salesforce): a link with no Id yet, so the push skips matching and creates the record by its
 * External ID.
 */
export async function createNewForIssue(db: SidecarDb, issueId: string, now: number): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    const issue = await openIssue(db, issueId, ['ambiguous-match', 'deleted-remotely']);
    await db.syncIssues.delete(issue.id);
    await setLink(db, issue, { id: null, syncedAt: null, base: {} }, now);
  });
}

/**
 * "Delete here" for a record deleted in Salesforce: it goes here too, the same way as the rep's own
 * delete (an account's people stay, as leads). Its parked entries go first: Salesforce no longer
 * has it, so an unlinked record leaves no delete to push.
 */
export async function deleteForIssue(db: SidecarDb, issueId: string, now: number): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    const issue = await openIssue(db, issueId, ['deleted-remotely']);
    await db.syncIssues.delete(issue.id);
    const parked = await db.outbox.where('recordIds').equals(issue.recordId).filter((e) => e.state === 'parked').toArray();
    for (const entry of parked) await releaseParked(db, entry, issue.recordId, now);
    await db.conflicts.where('recordId').equals(issue.recordId).delete();
    if (!(await tableFor(db, issue.recordType).get(issue.recordId))) return;
    if (issue.recordType === 'account') await deleteAccount(db, issue.recordId, now);
    else if (issue.recordType === 'contact') await deleteContact(db, issue.recordId, now);
    else await deleteInTransaction(db, issue.recordType, issue.recordId, now);
  });
}
