import { z } from 'zod';
import { ApiError, ApiVersionError, AuthError, DailyLimitError, IncompleteAnswerError, RetryableError, WholeCallRefusedError } from '../crm/salesforce/errors';
import type { SidecarDb } from '../db/database';
import { Timestamp } from '../model';
import { DAILY_LIMIT_PAUSE_MS, REFUSED_PAUSE_MS, retryDelay } from './backoff';

/**
 * What the last sync runs came to, for the status line and for the scheduler's next decision.
 * Every field is Sidecar's own words, codes and times: never a record value, a name or a message
 * Salesforce wrote (those can quote what the rep typed), and never the org's address.
 */
export const SyncErrorKind = z.enum(['offline', 'server', 'rate-limited', 'daily-limit', 'auth', 'refused', 'unknown']);
export type SyncErrorKind = z.infer<typeof SyncErrorKind>;

export const SyncError = z.object({
  kind: SyncErrorKind,
  /** An HTTP status or Salesforce's error code (`REQUEST_LIMIT_EXCEEDED`), when there is one. */
  code: z.string().nullable(),
  message: z.string(),
  at: Timestamp,
});
export type SyncError = z.infer<typeof SyncError>;

export const SyncConnection = z.enum(['unknown', 'connected', 'not-connected', 'reconnect-needed']);
export type SyncConnection = z.infer<typeof SyncConnection>;

export const SyncStatus = z.object({
  /** As the last run found it: `reconnect-needed` once Salesforce refused the grant. */
  connection: SyncConnection,
  lastStartedAt: Timestamp.nullable(),
  lastFinishedAt: Timestamp.nullable(),
  lastSuccessAt: Timestamp.nullable(),
  lastError: SyncError.nullable(),
  /** Runs that failed in a row; the backoff grows with it. */
  failures: z.number().int().nonnegative(),
  /** No automatic run before this (a retryable failure's backoff, or the daily API allowance). */
  pausedUntil: Timestamp.nullable(),
  /** `refused`: the org refused what the same request would ask again (a whole call, an API version): only a day or "Sync now" tries again. */
  pauseReason: z.enum(['retry', 'daily-limit', 'refused']).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const INITIAL_SYNC_STATUS: SyncStatus = {
  connection: 'unknown', lastStartedAt: null, lastFinishedAt: null, lastSuccessAt: null,
  lastError: null, failures: 0, pausedUntil: null, pauseReason: null,
};

/** A run older than this with no end is a run the worker died in, not one still going. */
export const RUN_STALE_MS = 5 * 60_000;

export function isRunning(status: SyncStatus, now: number): boolean {
  return status.lastStartedAt !== null
    && (status.lastFinishedAt === null || status.lastFinishedAt < status.lastStartedAt)
    && now - status.lastStartedAt < RUN_STALE_MS;
}

/** "Blocked": no automatic run until something changes (a connect, or the rep's "Sync now"). */
export function isBlocked(status: SyncStatus): boolean {
  return status.connection === 'not-connected' || status.connection === 'reconnect-needed';
}

export interface Failure {
  error: SyncError;
  /** The earliest time an automatic run may try again; null: not before the rep reconnects. */
  retryAt: number | null;
  reason: SyncStatus['pauseReason'];
}

/** What an error that stopped a run means for the rep and the scheduler, in Sidecar's words. */
export function describeFailure(error: unknown, failures: number, now: number, random: () => number = Math.random): Failure {
  const at = now;
  if (error instanceof AuthError) {
    return { error: { kind: 'auth', code: null, message: 'Salesforce no longer accepts Sidecar’s connection: reconnect in Settings', at }, retryAt: null, reason: null };
  }
  if (error instanceof DailyLimitError) {
    return {
      error: { kind: 'daily-limit', code: 'REQUEST_LIMIT_EXCEEDED', message: 'The daily Salesforce API allowance for Sidecar is used up: sync waits an hour', at },
      retryAt: now + DAILY_LIMIT_PAUSE_MS, reason: 'daily-limit',
    };
  }
  if (error instanceof ApiVersionError) {
    const message = error.served
      ? `Your Salesforce org serves API versions up to ${error.served}; Sidecar needs ${error.wanted}. Sync waits a day (Sync now tries at once)`
      : `Your Salesforce org does not serve API ${error.wanted}, which Sidecar needs. Sync waits a day (Sync now tries at once)`;
    return { error: { kind: 'refused', code: 'API_VERSION', message, at }, retryAt: now + REFUSED_PAUSE_MS, reason: 'refused' };
  }
  if (error instanceof WholeCallRefusedError) {
    return {
      error: { kind: 'refused', code: error.errorCode, message: `Salesforce refused a whole request of Sidecar's (${error.limit}). Sync waits a day (Sync now tries at once)`, at },
      retryAt: now + REFUSED_PAUSE_MS, reason: 'refused',
    };
  }
  const backoff = (retryAfterMs: number | null) => now + retryDelay(failures, retryAfterMs, random);
  if (error instanceof IncompleteAnswerError) {
    return { error: { kind: 'server', code: null, message: 'Salesforce’s answer left part of Sidecar’s request out: nothing was assumed, sync tries again', at }, retryAt: backoff(null), reason: 'retry' };
  }
  if (error instanceof RetryableError) {
    const { status } = error;
    const kind: SyncErrorKind = status === null ? 'offline' : status === 429 ? 'rate-limited' : 'server';
    const message = kind === 'offline' ? 'Salesforce could not be reached'
      : kind === 'rate-limited' ? 'Salesforce asked Sidecar to slow down'
        : `Salesforce had trouble answering (${status})`;
    return { error: { kind, code: status === null ? null : String(status), message, at }, retryAt: backoff(error.retryAfterMs), reason: 'retry' };
  }
  if (error instanceof ApiError) {
    // Salesforce's own message can quote a record's values: only its code is kept.
    return { error: { kind: 'refused', code: error.errorCode, message: `Salesforce refused a request (${error.errorCode})`, at }, retryAt: backoff(null), reason: 'retry' };
  }
  const name = error instanceof Error ? error.name : 'Error';
  return { error: { kind: 'unknown', code: null, message: `Sync stopped on an unexpected error (${name})`, at }, retryAt: backoff(null), reason: 'retry' };
}

export function started(status: SyncStatus, now: number): SyncStatus {
  return { ...status, lastStartedAt: now };
}

export function succeeded(status: SyncStatus, now: number): SyncStatus {
  return { ...status, connection: 'connected', lastFinishedAt: now, lastSuccessAt: now, lastError: null, failures: 0, pausedUntil: null, pauseReason: null };
}

export function failed(status: SyncStatus, failure: Failure, now: number): SyncStatus {
  return {
    ...status,
    connection: failure.error.kind === 'auth' ? 'reconnect-needed' : status.connection,
    lastFinishedAt: now, lastError: failure.error, failures: status.failures + 1,
    pausedUntil: failure.retryAt, pauseReason: failure.reason,
  };
}

export function notConnected(status: SyncStatus): SyncStatus {
  return { ...status, connection: 'not-connected', lastError: null, failures: 0, pausedUntil: null, pauseReason: null };
}

/** Counts for the status line: records waiting, records parked, open conflicts, open issues. */
export interface SyncCounts {
  pending: number;
  parked: number;
  conflicts: number;
  issues: number;
}

/** Records, not entries: one capture or import is one entry covering many records. */
export async function syncCounts(db: SidecarDb): Promise<SyncCounts> {
  const [entries, conflicts, issues] = await Promise.all([db.outbox.toArray(), db.conflicts.count(), db.syncIssues.count()]);
  const waiting = new Set<string>();
  const parked = new Set<string>();
  for (const entry of entries) for (const id of entry.recordIds) (entry.state === 'parked' ? parked : waiting).add(id);
  return { pending: waiting.size, parked: parked.size, conflicts, issues };
}
