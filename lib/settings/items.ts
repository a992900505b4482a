import { storage } from 'wxt/utils/storage';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../sync/context';

/**
 * Small settings in `storage.local`. Content scripts can read that area, so nothing here is a
 * secret or CRM data: only UI preferences.
 */

/**
 * Whether the in-page sidebar was last left open, per site: `gmail`, `linkedin`, or a website's host
 * name. Missing means open.
 */
export const sidebarOpenBySite = storage.defineItem<Record<string, boolean>>('local:sidebarOpenBySite', {
  fallback: {},
  version: 1,
});

/** First-run state: whether the rep has answered the demo territory offer. */
export const onboarding = storage.defineItem<{ demoAnswered: boolean }>('local:onboarding', {
  fallback: { demoAnswered: false },
  version: 1,
});

/** What a capture does when the person's company is no account yet (Settings → Capture). */
export const captureSettings = storage.defineItem<{ newCompany: 'lead' | 'create-account' }>('local:captureSettings', {
  fallback: { newCompany: 'lead' },
  version: 1,
});

/**
 * Salesforce sync settings (Settings → Salesforce): pull scope, activity window, API budget share
 * and field mapping. Not secrets: tokens live in `storage.session` and the extension's IndexedDB.
 */
export const salesforceSyncSettings = storage.defineItem<SyncSettings>('local:salesforceSyncSettings', {
  fallback: DEFAULT_SYNC_SETTINGS,
  version: 1,
});
