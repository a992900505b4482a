import type { SalesforceClient } from '../crm/salesforce/client';
import type { Describe } from '../crm/salesforce/schemas';
import type { MappingSettings, SObjectType } from '../crm/salesforce/mapping';
import type { SidecarDb } from '../db/database';

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
  describe(sobject: SObjectType): Promise<Describe>;
}

/** Describe results, asked once per object and kept for the run (and the worker's life). */
export function describeCache(client: SalesforceClient): (sobject: SObjectType) => Promise<Describe> {
  const cache = new Map<SObjectType, Promise<Describe>>();
  return (sobject) => {
    let found = cache.get(sobject);
    if (!found) {
      found = client.describe(sobject);
      found.catch(() => cache.delete(sobject));
      cache.set(sobject, found);
    }
    return found;
  };
}
