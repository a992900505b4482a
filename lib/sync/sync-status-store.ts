import { storage } from 'wxt/utils/storage';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status';

/**
 * The sync status, in `storage.local` rather than `storage.session`: the last sync time, a
 * daily-limit pause and "reconnect needed" must survive a browser restart, or the rep would see
 * "never synced" every morning and the worker would spend API calls finding out again what it
 * knew. Content scripts can read `storage.local`, which is why the status holds only Sidecar's own
 * words, codes and times (lib/sync/sync-status.ts): no record value, name, or org address.
 * Kept apart from the schemas so the message protocol (which content scripts import) stays free of it.
 */
export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', {
  fallback: INITIAL_SYNC_STATUS,
  version: 1,
});
