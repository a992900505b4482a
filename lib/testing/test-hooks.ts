import type { handleCommand } from '../background/commands';
import type { BackgroundApi } from '../background/start-background';
import { SalesforceClient } from '../crm/salesforce/client';
import { AuthError } from '../crm/salesforce/errors';
import type { OpenSalesforce } from '../crm/salesforce/session';
import { getDb } from '../db/database';
import { newId } from '../db/ids';
import { enqueueUpserts } from '../db/outbox';
import { buildRecord, createRecord, tableFor } from '../db/records';
import type { Activity, Conflict, JsonValue, SyncIssue, SyncedRecordType } from '../model';
import { browser } from '../platform/browser';
import { issueId } from '../sync/outbox-claims';
import { SYNC_ALARM, type SyncScheduler } from '../sync/scheduler';
import type { SyncStatus } from '../sync/sync-status';
import { syncStatusItem } from '../sync/sync-status-store';
import { storage } from 'wxt/utils/storage';
import { benchHooks, type BenchHooks } from './bench-hooks';

export interface SidecarTestHooks {
  /** The keyboard shortcut's own handler; Playwright cannot press browser shortcuts. */
  handleCommand: typeof handleCommand;
  /** `npm run bench`: measurements that run inside the service worker (bench/README.md). */
  bench: BenchHooks;
  sync: SyncTestHooks;
}

declare global {
  var sidecarTestHooks: SidecarTestHooks | undefined;
}

/** Counted in `storage.session`, which outlives the worker but not the browser session. */
const workerStarts = storage.defineItem<number>('session:testWorkerStarts', { fallback: 0 });

/** Test builds only: expose the handlers end-to-end tests must reach from the service worker. */
export function installTestHooks(api: BackgroundApi): void {
  globalThis.sidecarTestHooks = { handleCommand: api.handleCommand, bench: benchHooks, sync: syncTestHooks(api.sync) };
  void workerStarts.getValue().then((starts) => workerStarts.setValue(starts + 1));
}

// ---- Sync (scheduling, conflict centre, error centre) ------------------------------------------

export interface SyncTestHooks {
  /** The worker's scheduler: `run('alarm')` stands in for an alarm (Chrome fires them at most every 30 s). */
  scheduler: SyncScheduler;
  /** A conflict row, as a pull writes it; returns its id. */
  putConflict(row: { recordType: SyncedRecordType; recordId: string; field: string; base: JsonValue; local: JsonValue; remote: JsonValue }): Promise<string>;
  /** An error-centre row, as a push writes it; returns its id. */
  putIssue(row: Pick<SyncIssue, 'recordType' | 'recordId' | 'kind' | 'message'> & Partial<Pick<SyncIssue, 'errorCode' | 'fields' | 'candidates'>>): Promise<string>;
  /** Link a record to a Salesforce Id with these last-synced values, and retire its outbox entries, as a push does. */
  linkRecord(recordType: SyncedRecordType, recordId: string, salesforceId: string, base: Record<string, JsonValue>): Promise<void>;
  /**
   * Stand in for a connected org at `instanceUrl` for this worker's life (nothing has to listen
   * there: a run then fails as "could not be reached"); null puts the stored connection back.
   */
  useConnection(instanceUrl: string | null): void;
  status(): Promise<SyncStatus>;
  /** Log an activity through the repository, as Gmail logging will; returns its id. */
  logActivity(input: { type: Activity['type']; subject: string; contactIds: string[]; accountId?: string | null }): Promise<string>;
  /** Add `count` leads in one write with one outbox entry, as an import does. */
  importPeople(count: number): Promise<void>;
  /** How many times this browser session started the service worker (proves a restart). */
  workerStarts(): Promise<number>;
  /** When the sync alarm is set for, or null. */
  alarmAt(): Promise<number | null>;
}

function syncTestHooks(sync: BackgroundApi['sync']): SyncTestHooks {
  const db = getDb();
  const stored: OpenSalesforce = sync.connection.open;
  return {
    scheduler: sync.scheduler,
    async putConflict(row) {
      const now = Date.now();
      const conflict: Conflict = { id: newId(now), crm: 'salesforce', createdAt: now, ...row };
      await db.conflicts.put(conflict);
      return conflict.id;
    },
    async putIssue(row) {
      const now = Date.now();
      const issue: SyncIssue = {
        id: issueId(row.recordType, row.recordId), crm: 'salesforce', errorCode: null, fields: [], candidates: [], createdAt: now, ...row,
      };
      await db.syncIssues.put(issue);
      // The push parks the record's entries with its issue.
      await db.outbox.where('recordIds').equals(row.recordId).modify({ state: 'parked', lastError: row.message, updatedAt: now });
      return issue.id;
    },
    async linkRecord(recordType, recordId, salesforceId, base) {
      await db.transaction('rw', [tableFor(db, recordType), db.outbox], async () => {
        await tableFor(db, recordType).update(recordId, { 'remote.salesforce': { id: salesforceId, syncedAt: Date.now(), base } });
        // Salesforce acknowledged it: the record leaves its outbox entries (an emptied entry goes).
        for (const entry of await db.outbox.where('recordIds').equals(recordId).toArray()) {
          const rest = entry.recordIds.filter((id) => id !== recordId);
          if (rest.length) await db.outbox.put({ ...entry, recordIds: rest });
          else await db.outbox.delete(entry.id);
        }
      });
    },
    useConnection(instanceUrl) {
      if (instanceUrl === null) {
        sync.connection.open = stored;
        return;
      }
      const tokens = { accessToken: async () => 'test-token', refresh: async () => { throw new AuthError('the test connection has no refresh token'); } };
      const client = new SalesforceClient({ instanceUrl, tokens, timeoutMs: 2_000 });
      sync.connection.open = async () => ({ client, userId: '005000000000001AAA', instanceUrl });
    },
    status: () => syncStatusItem.getValue(),
    async logActivity(input) {
      const { id } = await createRecord(db, 'activity', { occurredAt: Date.now(), ...input });
      await sync.scheduler.afterChange(); // as the router does after every write
      return id;
    },
    async importPeople(count) {
      const now = Date.now();
      const people = Array.from({ length: count }, (_, i) =>
        buildRecord('contact', { kind: 'lead', lastName: `Person ${i + 1}`, company: 'Fjord AB', emails: [`person${i + 1}@fjord.example`] }, now));
      await db.transaction('rw', db.contacts, db.outbox, async () => {
        await db.contacts.bulkAdd(people);
        await enqueueUpserts(db, 'contact', people.map((record) => ({ record, fields: [], created: true })), now);
      });
      await sync.scheduler.afterChange();
    },
    workerStarts: () => workerStarts.getValue(),
    async alarmAt() {
      return (await browser.alarms.get(SYNC_ALARM))?.scheduledTime ?? null;
    },
  };
}
