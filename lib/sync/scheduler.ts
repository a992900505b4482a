import { Dexie } from 'dexie';
import type { OpenSalesforce, SalesforceSession } from '../crm/salesforce/session';
import type { SidecarDb } from '../db/database';
import { UNDO_WINDOW_MS } from '../model';
import { browser } from '../platform/browser';
import { salesforceSyncSettings } from '../settings/items';
import { type SyncContext, type SyncSettings } from './context';
import { DescribeCache } from './describes';
import { syncOnce } from './run-sync';
import { describeFailure, failed, isBlocked, notConnected, started, succeeded, type SyncStatus } from './sync-status';
import { syncStatusItem } from './sync-status-store';

/**
 * When sync runs: from an alarm, after a change (once its undo window has passed), at start-up,
 * when the network is back, and when the rep presses "Sync now". Every decision is made from what
 * is stored (the outbox's due times, the sync status), so a worker that MV3 stopped picks up where
 * the last one left off; timers only make a near wake prompt while the worker is alive anyway.
 */

export const SYNC_ALARM = 'sidecar-sync';
export const SYNC_LOCK = 'sidecar-sync';
/** How often a healthy connection pulls when nothing is pushed. */
export const PULL_INTERVAL_MS = 15 * 60_000;
/** Chrome fires alarms at most every 30 s: a wake closer than this also gets an in-memory timer. */
export const TIMER_HORIZON_MS = 25_000;
/** A wake lands just after an entry is due, never just before it. */
const SETTLE_MS = 250;
/** Never wake again sooner than this after a run: no tight loop, whatever the store says. */
const MIN_GAP_MS = 1_000;

export type SyncTrigger = 'alarm' | 'change' | 'startup' | 'online' | 'manual';
export type RunOutcome = 'synced' | 'failed' | 'not-connected' | 'skipped' | 'busy';

export const BUSY = Symbol('busy');
/** Run `job` under the lock `name`; without `wait`, answer BUSY at once when it is held. */
export type WithLock = <T>(name: string, wait: boolean, job: () => Promise<T>) => Promise<T | typeof BUSY>;

/** `navigator.locks`: one sync at a time across every context of the extension's origin. */
export function webLocks(locks: LockManager): WithLock {
  return async (name, wait, job) => locks.request(name, { ifAvailable: !wait }, async (lock) => (lock ? job() : BUSY));
}

/** The same contract in memory, where Web Locks do not exist (Node, unit tests). */
export function memoryLocks(): WithLock {
  const tails = new Map<string, Promise<void>>();
  const active = new Map<string, number>();
  return async (name, wait, job) => {
    if (!wait && (active.get(name) ?? 0) > 0) return BUSY;
    active.set(name, (active.get(name) ?? 0) + 1);
    const previous = tails.get(name) ?? Promise.resolve();
    let release: () => void = () => {};
    const mine = new Promise<void>((resolve) => { release = resolve; });
    const tail = previous.then(() => mine);
    tails.set(name, tail);
    await previous;
    try {
      return await job();
    } finally {
      release();
      active.set(name, (active.get(name) ?? 1) - 1);
      if (tails.get(name) === tail) tails.delete(name);
    }
  };
}

/** The earliest time an outbox entry is due: a pending one's time, or an in-flight one's lease end. */
export async function nextDueAt(db: SidecarDb): Promise<number | null> {
  const firsts = await Promise.all((['pending', 'in-flight'] as const).map((state) =>
    db.outbox.where('[state+nextAttemptAt]').between([state, Dexie.minKey], [state, Dexie.maxKey], true, true).first()));
  const times = firsts.flatMap((entry) => (entry ? [entry.nextAttemptAt] : []));
  return times.length ? Math.min(...times) : null;
}

/**
 * When the next automatic run should be: the earliest due entry or the next periodic pull (at once
 * after a failure), never inside a pause (backoff, daily limit). Null: none until something changes (no org connected,
 * or Salesforce refused the grant).
 */
export function nextWakeAt(status: SyncStatus, nextDue: number | null, now: number): number | null {
  if (isBlocked(status)) return null;
  // A failed run is owed a retry (at the pause's end), whenever the last success was.
  const pullAt = status.lastSuccessAt === null || status.failures > 0 ? now : status.lastSuccessAt + PULL_INTERVAL_MS;
  const wake = nextDue === null ? pullAt : Math.min(nextDue, pullAt);
  return status.pausedUntil === null ? wake : Math.max(wake, status.pausedUntil);
}

/** After a change. Blocked: one look once the undo window has passed, since connecting is a change too. */
export function changeWakeAt(status: SyncStatus, nextDue: number | null, now: number): number | null {
  return isBlocked(status) ? now + UNDO_WINDOW_MS : nextWakeAt(status, nextDue, now);
}

/**
 * Whether a trigger may start a run now. "Sync now" always may. Blocked, only the one look after
 * a change (its timer or its alarm). In a pause, only the network coming back after a retryable
 * failure; the daily limit is waited out.
 */
export function shouldRun(trigger: SyncTrigger, status: SyncStatus, now: number): boolean {
  if (trigger === 'manual') return true;
  if (isBlocked(status)) return trigger === 'change' || trigger === 'alarm';
  if (status.pausedUntil !== null && now < status.pausedUntil) return trigger === 'online' && status.pauseReason === 'retry';
  return true;
}

/**
 * Entries a failure held back become due now (the rep asked, or the network is back); an entry
 * still inside its last edit's undo window stays there.
 */
export async function bringForward(db: SidecarDb, now: number): Promise<number> {
  return db.outbox.where('[state+nextAttemptAt]').between(['pending', now], ['pending', Dexie.maxKey], false, true)
    .filter((entry) => entry.lastError !== null && entry.updatedAt + UNDO_WINDOW_MS < entry.nextAttemptAt)
    .modify((entry) => {
      entry.nextAttemptAt = Math.max(now, entry.updatedAt + UNDO_WINDOW_MS);
    });
}

export interface AlarmsLike {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<unknown>;
}

export interface StatusStore {
  getValue(): Promise<SyncStatus>;
  setValue(value: SyncStatus): Promise<void>;
}

export interface SchedulerDeps {
  db: SidecarDb;
  openSalesforce: OpenSalesforce;
  /** One run; `syncOnce` (pull, then push) unless a test puts its own. */
  runSync?: (ctx: SyncContext) => Promise<unknown>;
  loadSettings?: () => Promise<SyncSettings>;
  status?: StatusStore;
  alarms?: AlarmsLike;
  withLock?: WithLock;
  setTimer?: (fire: () => void, ms: number) => () => void;
  now?: () => number;
  random?: () => number;
  /** Told after every run that reached Salesforce: it may have written the store. */
  afterRun?: () => Promise<void>;
}

export interface SyncScheduler {
  /** The worker started: run if something is overdue, else make sure the alarm is set. */
  start(): Promise<void>;
  /** The store changed: wake when the change is due (past its undo window). */
  afterChange(): Promise<void>;
  onAlarm(name: string): Promise<RunOutcome | null>;
  /** The worker's `online` event. */
  online(): Promise<RunOutcome>;
  /** "Sync now": runs whatever the pause, or queues one run after the one going on. */
  syncNow(): Promise<RunOutcome>;
  /** The rep connected (again): forget "reconnect needed" and the backoff, and run. */
  connectionChanged(): Promise<RunOutcome>;
  run(trigger: SyncTrigger): Promise<RunOutcome>;
}

function defaultLocks(): WithLock {
  return typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks ? webLocks(navigator.locks) : memoryLocks();
}

const browserAlarms: AlarmsLike = {
  create: (name, info) => browser.alarms.create(name, info),
  clear: (name) => browser.alarms.clear(name),
};

function timer(fire: () => void, ms: number): () => void {
  const handle = setTimeout(fire, ms);
  return () => clearTimeout(handle);
}

export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  const { db, openSalesforce } = deps;
  const runSync = deps.runSync ?? syncOnce;
  const loadSettings = deps.loadSettings ?? (() => salesforceSyncSettings.getValue());
  const store = deps.status ?? syncStatusItem;
  const alarms = deps.alarms ?? browserAlarms;
  const withLock = deps.withLock ?? defaultLocks();
  const setTimer = deps.setTimer ?? timer;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  // In memory on purpose: losing these with the worker costs promptness, never a run (the alarm stays).
  let cancelTimer: (() => void) | null = null;
  let followUpQueued = false;

  async function arm(wake: number | null, trigger: SyncTrigger): Promise<void> {
    cancelTimer?.();
    cancelTimer = null;
    if (wake === null) {
      await alarms.clear(SYNC_ALARM);
      return;
    }
    await alarms.create(SYNC_ALARM, { when: wake });
    const delay = wake - now();
    if (delay <= TIMER_HORIZON_MS) {
      cancelTimer = setTimer(() => {
        cancelTimer = null;
        void run(trigger);
      }, Math.max(0, delay) + SETTLE_MS);
    }
  }

  async function reschedule(trigger: 'alarm' | 'change'): Promise<void> {
    const at = now();
    const status = await store.getValue();
    const due = await nextDueAt(db);
    const wake = trigger === 'change' ? changeWakeAt(status, due, at) : nextWakeAt(status, due, at);
    await arm(wake === null ? null : Math.max(wake, at + MIN_GAP_MS), trigger);
  }

  async function runOnce(trigger: SyncTrigger): Promise<RunOutcome> {
    const status = await store.getValue();
    if (!shouldRun(trigger, status, now())) return 'skipped';
    let session: SalesforceSession | null;
    try {
      session = await openSalesforce();
    } catch (error) {
      await store.setValue(failed(status, describeFailure(error, status.failures, now(), random), now()));
      return 'failed';
    }
    if (!session) {
      await store.setValue(notConnected(status));
      return 'not-connected';
    }
    await store.setValue(started({ ...status, connection: 'connected' }, now()));
    if (trigger === 'manual' || trigger === 'online') await bringForward(db, now());
    let outcome: RunOutcome;
    try {
      const ctx: SyncContext = {
        db, client: session.client, settings: await loadSettings(), userId: session.userId, now, describes: new DescribeCache(db, session.client, now),
      };
      await runSync(ctx);
      await store.setValue(succeeded(await store.getValue(), now()));
      outcome = 'synced';
    } catch (error) {
      const current = await store.getValue();
      await store.setValue(failed(current, describeFailure(error, current.failures, now(), random), now()));
      outcome = 'failed';
    }
    await deps.afterRun?.();
    return outcome;
  }

  async function run(trigger: SyncTrigger): Promise<RunOutcome> {
    const first = await withLock(SYNC_LOCK, false, () => runOnce(trigger));
    let outcome: RunOutcome;
    if (first !== BUSY) outcome = first;
    else if ((trigger === 'manual' || trigger === 'online') && !followUpQueued) {
      // One follow-up, after the run going on: what the rep asked for is done, not dropped.
      followUpQueued = true;
      try {
        const queued = await withLock(SYNC_LOCK, true, () => runOnce(trigger));
        outcome = queued === BUSY ? 'busy' : queued;
      } finally {
        followUpQueued = false;
      }
    } else return 'busy';
    await reschedule('alarm');
    return outcome;
  }

  return {
    async start() {
      const status = await store.getValue();
      // Blocked: leave any look a change asked for; nothing else is due.
      if (isBlocked(status)) return;
      const at = now();
      const wake = nextWakeAt(status, await nextDueAt(db), at);
      if (wake !== null && wake <= at) await run('startup');
      else await arm(wake, 'alarm');
    },
    afterChange: () => reschedule('change'),
    onAlarm: async (name) => (name === SYNC_ALARM ? run('alarm') : null),
    online: () => run('online'),
    syncNow: () => run('manual'),
    async connectionChanged() {
      const status = await store.getValue();
      await store.setValue({ ...status, connection: 'unknown', lastError: null, failures: 0, pausedUntil: null, pauseReason: null });
      return run('manual');
    },
    run,
  };
}
