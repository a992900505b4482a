import { z } from 'zod';
import { RecordId, Timestamp } from '../model/common';
import { SyncConnection, SyncError } from '../sync/sync-status';
import { PAGES, message } from './message-spec';

const Count = z.number().int().nonnegative();
const Done = z.object({ done: z.literal(true) });
/** A Salesforce record Id: 15 or 18 letters and digits. */
export const SalesforceId = z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'not a Salesforce Id');
const IssueId = z.string().min(1).max(200);

/** What the status line shows. Sidecar's own words, counts and times: no record text. */
export const SyncStatusView = z.object({
  connection: SyncConnection,
  /** The connected org's address, for "Open in Salesforce" links; null when none is connected. */
  instanceUrl: z.url({ protocol: /^https?$/ }).nullable(),
  running: z.boolean(),
  lastSuccessAt: Timestamp.nullable(),
  lastError: SyncError.nullable(),
  /** When the next automatic run is due (the alarm); null when none is planned. */
  nextRunAt: Timestamp.nullable(),
  pausedUntil: Timestamp.nullable(),
  /** Records waiting to sync, and records parked with an issue. */
  pending: Count,
  parked: Count,
  conflicts: Count,
  issues: Count,
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

/** Messages about sync: status, "Sync now", the conflict centre and the error centre. */
export const SYNC_MESSAGES = {
  'sync.status': message({
    senders: PAGES,
    request: z.object({}),
    response: SyncStatusView,
  }),
  /** "Sync now": answers once the run (or the one it queued behind the run going on) is over. */
  'sync.now': message({
    senders: PAGES,
    writes: true,
    request: z.object({}),
    response: z.object({ outcome: z.enum(['synced', 'failed', 'not-connected', 'skipped', 'busy']) }),
  }),
  /** The conflict centre: keep this side's value, or take Salesforce's. */
  'conflict.resolve': message({
    senders: PAGES,
    writes: true,
    request: z.object({ id: RecordId, keep: z.enum(['mine', 'salesforce']) }),
    response: Done,
  }),
  /** The error centre: push the record again (after a fix). */
  'issue.retry': message({
    senders: PAGES,
    writes: true,
    request: z.object({ id: IssueId }),
    response: Done,
  }),
  /** The error centre: this record is that existing Salesforce record (one of the issue's candidates). */
  'issue.link': message({
    senders: PAGES,
    writes: true,
    request: z.object({ id: IssueId, candidateId: SalesforceId }),
    response: Done,
  }),
  /** The error centre: "Create new anyway" (ambiguous match) and "Push again as new" (deleted in Salesforce). */
  'issue.create-new': message({
    senders: PAGES,
    writes: true,
    request: z.object({ id: IssueId }),
    response: Done,
  }),
  /** The error centre: "Delete here", for a record deleted in Salesforce. */
  'issue.discard': message({
    senders: PAGES,
    writes: true,
    request: z.object({ id: IssueId }),
    response: Done,
  }),
} as const;
