import { storage } from 'wxt/utils/storage';
import type { SidecarDb } from '../../../db/database';
import { SalesforceConnection } from './connection';
import { browser } from '../../../platform/browser';


/**
 * Where the Salesforce connection is kept (DESIGN.md, "Secrets stay out of reach"). Content scripts
 * can read `storage.local`, so nothing here goes there:
 * - the access token lives in `storage.session`: trusted contexts only, gone when the browser quits;
 * - the refresh token and the connection's description live in the extension's IndexedDB
 *   (`db.secrets`), which only the background reads.
 */

const REFRESH_TOKEN_ID = 'salesforce.refresh-token';
const CONNECTION_ID = 'salesforce.connection';
/** The org the store's Salesforce links point into; kept on disconnect, so connecting another org is noticed. */
const LINKED_ORG_ID = 'salesforce.linked-org';


const accessTokenItem = storage.defineItem<string | null>('session:salesforceAccessToken', { fallback: null, version: 1 });

/** Session storage is trusted-contexts-only by default; say so explicitly, where the browser allows it. */
async function keepSessionTrusted(): Promise<void> {
  try {
    await browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // Firefox before 128 has no setAccessLevel; its session area is never exposed to content scripts.
  }
}

export function readAccessToken(): Promise<string | null> {
  return accessTokenItem.getValue();
}

export async function saveAccessToken(token: string): Promise<void> {
  await keepSessionTrusted();
  await accessTokenItem.setValue(token);
}

export function clearAccessToken(): Promise<void> {
  return accessTokenItem.removeValue();
}

export async function readRefreshToken(db: SidecarDb): Promise<string | null> {
  return (await db.secrets.get(REFRESH_TOKEN_ID))?.value ?? null;
}

export async function saveRefreshToken(db: SidecarDb, token: string): Promise<void> {
  await db.secrets.put({ id: REFRESH_TOKEN_ID, value: token });
}

export async function readConnection(db: SidecarDb): Promise<SalesforceConnection | null> {
  const row = await db.secrets.get(CONNECTION_ID);
  if (!row) return null;
  try {
    const parsed = SalesforceConnection.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function saveConnection(db: SidecarDb, connection: SalesforceConnection): Promise<void> {
  await db.secrets.put({ id: CONNECTION_ID, value: JSON.stringify(SalesforceConnection.parse(connection)) });
}

/** A new grant: the refresh token and the connection in one transaction, then the access token. */
export async function saveGrant(db: SidecarDb, connection: SalesforceConnection, refreshToken: string, accessToken: string): Promise<void> {
  await db.transaction('rw', db.secrets, async () => {
    await saveRefreshToken(db, refreshToken);
    await saveConnection(db, connection);
  });
  await saveAccessToken(accessToken);
}

/** Salesforce refused the grant: drop the dead tokens, keep who was connected so the page can say "connect again". */
export async function markReconnect(db: SidecarDb, reason: string, now = Date.now()): Promise<void> {
  await clearAccessToken();
  await db.transaction('rw', db.secrets, async () => {
    const connection = await readConnection(db);
    await db.secrets.delete(REFRESH_TOKEN_ID);
    if (connection) await saveConnection(db, { ...connection, reconnect: { reason, at: now } });
  });
}

/** Forget the connection entirely (after revoking it). Local records stay. */
/** The Organization Id the local records are linked to, if any. */
export async function readLinkedOrg(db: SidecarDb): Promise<string | null> {
  return (await db.secrets.get(LINKED_ORG_ID))?.value ?? null;
}

export async function saveLinkedOrg(db: SidecarDb, orgId: string): Promise<void> {
  await db.secrets.put({ id: LINKED_ORG_ID, value: orgId });
}

export async function clearConnection(db: SidecarDb): Promise<void> {
  await clearAccessToken();
  await db.secrets.bulkDelete([REFRESH_TOKEN_ID, CONNECTION_ID]);
}
