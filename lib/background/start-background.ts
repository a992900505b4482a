import { getDb } from '../db/database';
import type { OpenSalesforce } from '../crm/salesforce/session';
import { createRouter } from '../messaging/router';
import { browser } from '../platform/browser';
import { createSyncScheduler, type SyncScheduler } from '../sync/scheduler';
import { handleCommand } from './commands';
import { createHandlers } from './handlers';
import { forgetPageContext } from './page-contexts';
import { createOpenSalesforce } from './salesforce-session';
import { markStoreChanged } from './store-changes';
import { openAppFromToolbar } from './toolbar';

/** What the worker hands its entrypoint (test builds expose it to end-to-end tests). */
export interface BackgroundApi {
  handleCommand: typeof handleCommand;
  sync: {
    scheduler: SyncScheduler;
    /** The connection the scheduler and the status use; a test build may put a stand-in here. */
    connection: { open: OpenSalesforce };
  };
}

/** Background work that must not break the message it follows; logged by error name only (no data). */
function quietly(work: Promise<unknown>, what: string): void {
  work.catch((error: unknown) => console.warn(`Sidecar: ${what} failed (${error instanceof Error ? error.name : 'unknown error'})`));
}

/**
 * Wire the service worker. Every listener is registered synchronously at start-up (MV3 wakes the
 * worker for an event only if its listener exists at once), and no state that matters lives in
 * module variables: it is in IndexedDB or `storage`.
 */
export function startBackground(): BackgroundApi {
  const db = getDb();
  const connection = { open: createOpenSalesforce(db) };
  const openSalesforce: OpenSalesforce = () => connection.open();
  // A run may write the store (pulled records): pages reading through the background refresh.
  const scheduler = createSyncScheduler({ db, openSalesforce, afterRun: markStoreChanged });
  const afterWrite = async () => {
    await markStoreChanged();
    // A change syncs once its undo window has passed; the reply need not wait for the alarm.
    quietly(scheduler.afterChange(), 'scheduling a sync');
  };
  const route = createRouter(createHandlers(db, { scheduler, openSalesforce }), browser.runtime.id, afterWrite);
  // An async listener returns a native Promise, which Chrome's own onMessage requires.
  browser.runtime.onMessage.addListener(async (message: unknown, sender) => route(message, sender));
  browser.commands.onCommand.addListener((command, tab) => void handleCommand(command, tab?.id));
  browser.tabs.onRemoved.addListener((tabId) => void forgetPageContext(tabId));
  browser.alarms.onAlarm.addListener((alarm) => quietly(scheduler.onAlarm(alarm.name), 'a scheduled sync'));
  // Salesforce may be reachable again: a run waiting out a network failure's backoff goes now.
  globalThis.addEventListener('online', () => quietly(scheduler.online(), 'a sync after reconnecting'));
  openAppFromToolbar();
  quietly(scheduler.start(), 'the start-up sync');
  return { handleCommand, sync: { scheduler, connection } };
}
