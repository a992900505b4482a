import { getDb } from '../db/database';
import { createRouter } from '../messaging/router';
import { browser } from '../platform/browser';
import { handleCommand } from './commands';
import { createHandlers } from './handlers';
import { forgetPageContext } from './page-contexts';
import { markStoreChanged } from './store-changes';
import { openAppFromToolbar } from './toolbar';

/**
 * Wire the service worker. Every listener is registered synchronously at start-up (MV3 wakes the
 * worker for an event only if its listener exists at once), and no state that matters lives in
 * module variables: it is in IndexedDB or `storage`.
 */
export function startBackground(): { handleCommand: typeof handleCommand } {
  const db = getDb();
  const route = createRouter(createHandlers(db), browser.runtime.id, markStoreChanged);
  // An async listener returns a native Promise, which Chrome's own onMessage requires.
  browser.runtime.onMessage.addListener(async (message: unknown, sender) => route(message, sender));
  browser.commands.onCommand.addListener((command, tab) => void handleCommand(command, tab?.id));
  browser.tabs.onRemoved.addListener((tabId) => void forgetPageContext(tabId));
  openAppFromToolbar();
  return { handleCommand };
}
