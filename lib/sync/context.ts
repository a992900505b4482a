import type { SalesforceClient } from '../crm/salesforce/client';
import type { MappingSettings } from '../crm/salesforce/mapping';
import type { SidecarDb } from '../db/database';
import type { DescribeCache } from './describes';

/** What Sidecar pulls: the rep's own records, or everything the user can see. */
export type PullScope = 'mine' | 'all';

export interface SyncSettings extends MappingSettings {
  scope: PullScope;
  /** Pull activities this many days back. */
  activityDays: number;
  /** Pause once this share of the org's daily API allowance is used (0–1). */
  budgetShare: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  linkedinUrlField: null, scope: 'mine', activityDays: 90, budgetShare: 0.5,
};

/** Everything one sync run needs; the same in the service worker and in `npm run sync:once`. */
export interface SyncContext {
  db: SidecarDb;
  client: SalesforceClient;
  settings: SyncSettings;
  /** The connected Salesforce user's Id (scope "mine"). */
  userId: string;
  now(): number;
  /** Describes kept per org in the store (lib/sync/describes.ts). */
  describes: DescribeCache;
}
