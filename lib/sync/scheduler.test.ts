import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SalesforceClient } from '../crm/salesforce/client';
import { AuthError, DailyLimitError, RetryableError } from '../crm/salesforce/errors';
import type { SalesforceSession } from '../crm/salesforce/session';
import { createContact } from '../db/contacts';
import type { SidecarDb } from '../db/database';
import { freshDb } from '../db/test-db';
import { UNDO_WINDOW_MS } from '../model';
import { DAILY_LIMIT_PAUSE_MS } from './backoff';
import { DEFAULT_SYNC_SETTINGS } from './context';
import {
  BUSY, PULL_INTERVAL_MS, SYNC_ALARM, createSyncScheduler, memoryLocks, nextWakeAt, shouldRun, type SchedulerDeps,
} from './scheduler';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status';

const T0 = 1_800_000_000_000;
const SESSION: SalesforceSession = { client: {} as SalesforceClient, userId: '005000000000001AAA', instanceUrl: 'https://acme.my.salesforce.com' };
const CONNECTED: SyncStatus = { ...INITIAL_SYNC_STATUS, connection: 'connected', lastSuccessAt: T0, lastFinishedAt: T0, lastStartedAt: T0 };

let db: SidecarDb;
beforeEach(() => {
  db = freshDb();
});

/** A scheduler with every seam in memory: clock, status, alarm, timers, lock, connection, run. */
function harness(initial: SyncStatus = CONNECTED, overrides: Partial<SchedulerDeps> = {}) {
  const clock = { now: T0 };
  const state = { status: initial, alarm: null as number | null, alarmsCreated: 0 };
  const timers: Array<{ ms: number; fire: () => void; cancelled: boolean }> = [];
  const runSync = vi.fn<(ctx: unknown) => Promise<unknown>>(async () => ({}));
  const openSalesforce = vi.fn(async (): Promise<SalesforceSession | null> => SESSION);
  const scheduler = createSyncScheduler({
    db, openSalesforce, runSync,
    loadSettings: async () => DEFAULT_SYNC_SETTINGS,
    status: { getValue: async () => state.status, setValue: async (value) => { state.status = value; } },
    alarms: {
      create: (name, { when }) => {
        expect(name).toBe(SYNC_ALARM);
        state.alarm = when;
        state.alarmsCreated += 1;
      },
      clear: async () => { state.alarm = null; },
    },
    withLock: memoryLocks(),
    setTimer: (fire, ms) => {
      const timer = { ms, fire, cancelled: false };
      timers.push(timer);
      return () => { timer.cancelled = true; };
    },
    now: () => clock.now,
    random: () => 1,
    ...overrides,
  });
  const liveTimers = () => timers.filter((t) => !t.cancelled);
  return { scheduler, clock, state, runSync, openSalesforce, liveTimers };
}

/** A promise the test settles by hand: a run that is still going. */
function deferred() {
  let resolve: () => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('after a change', () => {
  it('wakes once the undo window has passed (alarm, and a timer while the worker lives), not before', async () => {
    const { scheduler, clock, state, runSync, liveTimers } = harness();
    await createContact(db, { kind: 'lead', lastName: 'Berg' }, T0);
    await scheduler.afterChange();
    expect(state.alarm).toBe(T0 + UNDO_WINDOW_MS);
    expect(liveTimers()).toHaveLength(1);
    expect(liveTimers()[0]!.ms).toBeGreaterThanOrEqual(UNDO_WINDOW_MS);
    expect(runSync).not.toHaveBeenCalled();

    // A second edit a few seconds later moves the wake with it (debounce).
    clock.now = T0 + 4_000;
    await createContact(db, { kind: 'lead', lastName: 'Lund' }, clock.now);
    await db.outbox.where('recordIds').anyOf((await db.contacts.toArray()).map((c) => c.id)).modify({ nextAttemptAt: clock.now + UNDO_WINDOW_MS });
    await scheduler.afterChange();
    expect(state.alarm).toBe(T0 + 4_000 + UNDO_WINDOW_MS);
    expect(liveTimers()).toHaveLength(1);

    clock.now = T0 + 4_000 + UNDO_WINDOW_MS + 250;
    liveTimers()[0]!.fire();
    await vi.waitFor(() => expect(runSync).toHaveBeenCalledTimes(1));
  });

  it('with no org connected, looks once more after the undo window (connecting is a change too)', async () => {
    const { scheduler, state, runSync, openSalesforce } = harness(INITIAL_SYNC_STATUS);
    openSalesforce.mockResolvedValue(null);
    await scheduler.start();
    expect(state.status.connection).toBe('not-connected');
    expect(state.alarm).toBeNull();
    expect(runSync).not.toHaveBeenCalled();

    await scheduler.afterChange();
    expect(state.alarm).toBe(T0 + UNDO_WINDOW_MS);
    // The worker restarting in the meantime leaves that look alone, and starts nothing itself.
    openSalesforce.mockClear();
    await scheduler.start();
    expect(openSalesforce).not.toHaveBeenCalled();
    expect(state.alarm).toBe(T0 + UNDO_WINDOW_MS);

    openSalesforce.mockResolvedValue(SESSION);
    expect(await scheduler.onAlarm(SYNC_ALARM)).toBe('synced');
    expect(state.status.connection).toBe('connected');
    expect(state.alarm).toBe(T0 + PULL_INTERVAL_MS);
  });
});

describe('one run at a time', () => {
  it('a second trigger while a run goes on is a no-op; "Sync now" queues exactly one run after it', async () => {
    let running = 0;
    let most = 0;
    const gates = [deferred(), deferred()];
    const { scheduler, runSync } = harness();
    runSync.mockImplementation(async () => {
      running += 1;
      most = Math.max(most, running);
      await gates[runSync.mock.calls.length - 1]!.promise;
      running -= 1;
    });
    const first = scheduler.run('alarm');
    await vi.waitFor(() => expect(runSync).toHaveBeenCalledTimes(1));
    expect(await scheduler.run('alarm')).toBe('busy');
    expect(await scheduler.run('change')).toBe('busy');
    const manual = scheduler.syncNow();
    expect(await scheduler.syncNow()).toBe('busy'); // one follow-up is queued already
    gates[0]!.resolve();
    expect(await first).toBe('synced');
    await vi.waitFor(() => expect(runSync).toHaveBeenCalledTimes(2));
    gates[1]!.resolve();
    expect(await manual).toBe('synced');
    expect(runSync).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });

  it('memoryLocks answers BUSY without waiting, or waits its turn', async () => {
    const lock = memoryLocks();
    const gate = deferred();
    const order: string[] = [];
    const held = lock('x', false, async () => { order.push('first'); await gate.promise; return 1; });
    expect(await lock('x', false, async () => 2)).toBe(BUSY);
    const waiting = lock('x', true, async () => { order.push('second'); return 3; });
    gate.resolve();
    expect(await held).toBe(1);
    expect(await waiting).toBe(3);
    expect(order).toEqual(['first', 'second']);
    expect(await lock('x', false, async () => 4)).toBe(4);
  });
});

describe('after a failure', () => {
  it('a network failure sets the next alarm at the backoff time; the network coming back runs at once', async () => {
    const { scheduler, clock, state, runSync } = harness();
    runSync.mockRejectedValueOnce(new RetryableError('Salesforce could not be reached'));
    expect(await scheduler.run('alarm')).toBe('failed');
    // random() = 1: the full first step of the backoff (5 s).
    expect(state.status).toMatchObject({ failures: 1, pausedUntil: T0 + 5_000, pauseReason: 'retry', lastError: { kind: 'offline', code: null } });
    expect(state.alarm).toBe(T0 + 5_000);

    clock.now = T0 + 1_000;
    expect(await scheduler.run('alarm')).toBe('skipped');
    expect(await scheduler.run('change')).toBe('skipped');
    expect(await scheduler.online()).toBe('synced');
    expect(runSync).toHaveBeenCalledTimes(2);
    expect(state.status).toMatchObject({ failures: 0, pausedUntil: null, lastError: null, lastSuccessAt: T0 + 1_000 });
  });

  it('backs off further with each failure, and never sooner than Retry-After', async () => {
    const { scheduler, state, runSync } = harness();
    runSync.mockRejectedValue(new RetryableError('Salesforce is unavailable (503)', null, 503));
    await scheduler.run('manual');
    await scheduler.run('manual');
    expect(state.status).toMatchObject({ failures: 2, pausedUntil: T0 + 10_000, lastError: { kind: 'server', code: '503' } });
    runSync.mockRejectedValue(new RetryableError('slow down', 120_000, 429));
    await scheduler.run('manual');
    expect(state.status.pausedUntil).toBe(T0 + 120_000);
    expect(state.alarm).toBe(T0 + 120_000);
  });

  it('a refused grant: "reconnect needed", no alarm, no automatic retry; "Sync now" tries again', async () => {
    const { scheduler, state, runSync, openSalesforce } = harness();
    runSync.mockRejectedValueOnce(new AuthError('Salesforce refused the refreshed session'));
    expect(await scheduler.run('alarm')).toBe('failed');
    expect(state.status).toMatchObject({ connection: 'reconnect-needed', lastError: { kind: 'auth' }, pausedUntil: null });
    expect(state.alarm).toBeNull();

    openSalesforce.mockClear();
    await scheduler.start();
    expect(await scheduler.online()).toBe('skipped');
    expect(await scheduler.run('startup')).toBe('skipped');
    expect(openSalesforce).not.toHaveBeenCalled();
    expect(runSync).toHaveBeenCalledTimes(1);

    expect(await scheduler.syncNow()).toBe('synced');
    expect(state.status.connection).toBe('connected');
  });

  it('a grant the connection already knows is refused stops before any request', async () => {
    const { scheduler, state, runSync, openSalesforce } = harness();
    openSalesforce.mockRejectedValue(new AuthError('connect again'));
    expect(await scheduler.run('alarm')).toBe('failed');
    expect(state.status.connection).toBe('reconnect-needed');
    expect(runSync).not.toHaveBeenCalled();
  });

  it('the daily API allowance: waits an hour, even when the network comes back', async () => {
    const { scheduler, clock, state, runSync } = harness();
    runSync.mockRejectedValueOnce(new DailyLimitError('used', 15_000, 15_000));
    await scheduler.run('alarm');
    expect(state.status).toMatchObject({ pausedUntil: T0 + DAILY_LIMIT_PAUSE_MS, pauseReason: 'daily-limit', lastError: { kind: 'daily-limit' } });
    expect(state.alarm).toBe(T0 + DAILY_LIMIT_PAUSE_MS);
    clock.now = T0 + 60_000;
    expect(await scheduler.online()).toBe('skipped');
    clock.now = T0 + DAILY_LIMIT_PAUSE_MS;
    expect(await scheduler.onAlarm(SYNC_ALARM)).toBe('synced');
  });

  it('keeps no record text from an unexpected error', async () => {
    const { scheduler, state, runSync } = harness();
    runSync.mockRejectedValueOnce(new TypeError('Cannot read "Ada Berg <ada@nordlys.example>"'));
    await scheduler.run('alarm');
    expect(JSON.stringify(state.status)).not.toContain('Ada');
    expect(state.status.lastError).toMatchObject({ kind: 'unknown', message: 'Sync stopped on an unexpected error (TypeError)' });
  });
});

describe('the next alarm', () => {
  it('is the earliest due outbox entry, else the periodic pull', async () => {
    const { scheduler, state, clock } = harness();
    await scheduler.run('alarm');
    expect(state.alarm).toBe(T0 + PULL_INTERVAL_MS);
    await createContact(db, { kind: 'lead', lastName: 'Berg' }, T0);
    await db.outbox.toCollection().modify({ nextAttemptAt: T0 + 120_000, lastError: 'waiting for a related record' });
    clock.now = T0 + 1_000;
    await scheduler.run('alarm');
    expect(state.alarm).toBe(T0 + 120_000);
  });

  it('"Sync now" brings forward what a failure held back, never a change inside its undo window', async () => {
    const { scheduler, clock } = harness();
    await createContact(db, { kind: 'lead', lastName: 'Held' }, T0);
    await db.outbox.toCollection().modify({ nextAttemptAt: T0 + 600_000, lastError: 'Salesforce could not be reached' });
    clock.now = T0 + 60_000;
    await createContact(db, { kind: 'lead', lastName: 'Fresh' }, clock.now);
    await scheduler.syncNow();
    const due = (await db.outbox.toArray()).map((e) => e.nextAttemptAt).sort();
    expect(due).toEqual([T0 + 60_000, T0 + 60_000 + UNDO_WINDOW_MS]);
  });

  it('at start-up: runs when something is overdue, else only sets the alarm', async () => {
    const fresh = harness(CONNECTED);
    fresh.clock.now = T0 + 60_000;
    await fresh.scheduler.start();
    expect(fresh.runSync).not.toHaveBeenCalled();
    expect(fresh.state.alarm).toBe(T0 + PULL_INTERVAL_MS);

    const overdue = harness(CONNECTED);
    overdue.clock.now = T0 + PULL_INTERVAL_MS + 1;
    await overdue.scheduler.start();
    expect(overdue.runSync).toHaveBeenCalledTimes(1);
  });
});

describe('decisions', () => {
  it('nextWakeAt: none when blocked; never inside a pause', () => {
    expect(nextWakeAt({ ...CONNECTED, connection: 'not-connected' }, T0, T0)).toBeNull();
    expect(nextWakeAt({ ...CONNECTED, connection: 'reconnect-needed' }, T0, T0)).toBeNull();
    expect(nextWakeAt({ ...CONNECTED, pausedUntil: T0 + 9_000, pauseReason: 'retry' }, T0 + 1_000, T0)).toBe(T0 + 9_000);
    expect(nextWakeAt(INITIAL_SYNC_STATUS, null, T0)).toBe(T0);
  });

  it('shouldRun: "Sync now" always; the network coming back only ends a retry pause', () => {
    const retry: SyncStatus = { ...CONNECTED, pausedUntil: T0 + 9_000, pauseReason: 'retry' };
    const limit: SyncStatus = { ...CONNECTED, pausedUntil: T0 + 9_000, pauseReason: 'daily-limit' };
    expect(shouldRun('manual', limit, T0)).toBe(true);
    expect(shouldRun('online', retry, T0)).toBe(true);
    expect(shouldRun('online', limit, T0)).toBe(false);
    expect(shouldRun('alarm', retry, T0 + 9_000)).toBe(true);
    expect(shouldRun('startup', { ...CONNECTED, connection: 'reconnect-needed' }, T0)).toBe(false);
  });
});
