import type { SalesforceEmulator } from '../../emulator/salesforce';
import { SalesforceClient } from '../crm/salesforce/client';
import type { SidecarDb } from '../db/database';
import { DEFAULT_SYNC_SETTINGS, type SyncContext, type SyncSettings } from './context';
import { DescribeCache } from './describes';

/** Tests only: a sync context on `db` against an emulator org, with a token of its own. */
export function emulatorContext(
  sf: SalesforceEmulator, db: SidecarDb,
  { now = () => Date.now(), userId = '005000000000REPAAA', settings = {}, fetch: doFetch }: {
    now?: () => number; userId?: string; settings?: Partial<SyncSettings>; fetch?: typeof fetch;
  } = {},
): SyncContext {
  const { accessToken } = sf.issueToken();
  const client = new SalesforceClient({ instanceUrl: sf.url, tokens: { accessToken: async () => accessToken, refresh: async () => accessToken }, fetch: doFetch });
  return { db, client, settings: { ...DEFAULT_SYNC_SETTINGS, ...settings }, userId, now, describes: new DescribeCache(db, client, now) };
}
