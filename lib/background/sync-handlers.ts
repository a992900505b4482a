import { AuthError } from '../crm/salesforce/errors';
import type { OpenSalesforce } from '../crm/salesforce/session';
import type { SidecarDb } from '../db/database';
import type { Handlers } from '../messaging/router';
import type { SYNC_MESSAGES, SyncStatusView } from '../messaging/protocol-sync';
import { salesforceSyncSettings } from '../settings/items';
import { resolveConflict } from '../sync/conflicts';
import { createNewForIssue, deleteForIssue, linkIssue, retryIssue } from '../sync/issue-actions';
import { createSyncScheduler, nextDueAt, nextWakeAt, SYNC_LOCK, type SyncScheduler } from '../sync/scheduler';
import { isRunning, syncCounts, type SyncConnection } from '../sync/sync-status';
import { syncStatusItem } from '../sync/sync-status-store';
import { createOpenSalesforce } from './salesforce-session';

type SyncHandlers = Pick<Handlers, keyof typeof SYNC_MESSAGES>;

export interface SyncServices {
  scheduler: SyncScheduler;
  openSalesforce: OpenSalesforce;
}

const DONE = { done: true } as const;

/** The scheduler and connection the background uses; built here when a caller (a test) gives none. */
export function createSyncServices(db: SidecarDb, afterRun?: () => Promise<void>): SyncServices {
  const openSalesforce = createOpenSalesforce(db);
  return { openSalesforce, scheduler: createSyncScheduler({ db, openSalesforce, afterRun }) };
}

/** The connection as it is now: a disconnect shows at once; "reconnect needed" stays until a run succeeds. */
async function liveConnection(open: OpenSalesforce, stored: SyncConnection): Promise<{ connection: SyncConnection; instanceUrl: string | null }> {
  try {
    const session = await open();
    if (!session) return { connection: 'not-connected', instanceUrl: null };
    return { connection: stored === 'reconnect-needed' ? stored : 'connected', instanceUrl: session.instanceUrl.replace(/\/+$/, '') };
  } catch (error) {
    return { connection: error instanceof AuthError ? 'reconnect-needed' : stored, instanceUrl: null };
  }
}

/**
 * Whether a run holds the sync lock right now. A worker MV3 stopped mid-run releases its locks, so
 * this never shows "Syncing…" for a run that died; null where Web Locks are missing.
 */
async function syncLockHeld(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.locks) return null;
  const { held = [] } = await navigator.locks.query();
  return held.some((lock) => lock.name === SYNC_LOCK);
}

/** Sync status, "Sync now", the conflict centre and the error centre. */
export function createSyncHandlers(db: SidecarDb, services: SyncServices = createSyncServices(db)): SyncHandlers {
  const { scheduler, openSalesforce } = services;
  return {
    'sync.status': async (): Promise<SyncStatusView> => {
      const now = Date.now();
      const [status, counts, due, held] = await Promise.all([syncStatusItem.getValue(), syncCounts(db), nextDueAt(db), syncLockHeld()]);
      const { connection, instanceUrl } = await liveConnection(openSalesforce, status.connection);
      const live = { ...status, connection };
      return {
        connection, instanceUrl, running: held ?? isRunning(status, now), lastSuccessAt: status.lastSuccessAt, lastError: status.lastError,
        nextRunAt: nextWakeAt(live, due, now), pausedUntil: status.pausedUntil, ...counts,
      };
    },
    'sync.now': async () => ({ outcome: await scheduler.syncNow() }),
    'conflict.resolve': async ({ id, keep }) => {
      await resolveConflict(db, id, keep, { now: Date.now(), settings: await salesforceSyncSettings.getValue() });
      return DONE;
    },
    'issue.retry': async ({ id }) => {
      await retryIssue(db, id, Date.now());
      return DONE;
    },
    'issue.link': async ({ id, candidateId }) => {
      await linkIssue(db, id, candidateId, Date.now());
      return DONE;
    },
    'issue.create-new': async ({ id }) => {
      await createNewForIssue(db, id, Date.now());
      return DONE;
    },
    'issue.discard': async ({ id }) => {
      await deleteForIssue(db, id, Date.now());
      return DONE;
    },
  };
}
