import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../../emulator/salesforce';
import { createOpenSalesforce } from '../../../background/salesforce-session';
import { createAccount } from '../../../db/accounts';
import type { SidecarDb } from '../../../db/database';
import { freshDb } from '../../../db/test-db';
import { SalesforceClient } from '../client';
import { AuthError, RetryableError } from '../errors';
import { disconnectSalesforce } from './disconnect';
import { InFlight } from './refresh-lock';
import { CLIENT_ID, connectToEmulator, memoryLocks, tokenCalls } from './test-support';
import { StoredTokenSource } from './token-source';
import { readAccessToken, readConnection, readRefreshToken } from './token-store';

let sf: SalesforceEmulator;
let db: SidecarDb;

beforeEach(async () => {
  sf = await startSalesforceEmulator({ clientId: CLIENT_ID });
  db = freshDb();
  await connectToEmulator(db, sf.url);
  sf.requests.length = 0;
});
afterEach(async () => {
  await sf.close();
  db.close();
});

const clientWith = (tokens: StoredTokenSource) => new SalesforceClient({ instanceUrl: sf.url, tokens });

/** A raw refresh grant, to see whether Salesforce (the emulator) still honours a refresh token. */
async function refreshWorks(refreshToken: string): Promise<boolean> {
  const response = await fetch(`${sf.url}/services/oauth2/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: CLIENT_ID }),
  });
  return response.status === 200;
}

describe('StoredTokenSource: expiry is learned from a 401', () => {
  it('refreshes once after the access token expires, and keeps the refresh token when the answer has none', async () => {
    const before = await readAccessToken();
    const refreshToken = await readRefreshToken(db);
    sf.expireAccessTokens();
    const client = clientWith(new StoredTokenSource(db, { locks: null }));
    await client.describe('Contact');
    expect(sf.requests.map((r) => r.status)).toEqual([401, 200, 200]);
    expect(tokenCalls(sf.requests)).toBe(1);
    const after = await readAccessToken();
    expect(after).not.toBe(before);
    expect(after).toBeTruthy();
    expect(await readRefreshToken(db)).toBe(refreshToken);
  });

  it('gets a new access token from the refresh token when the session area is empty (browser restarted)', async () => {
    await fakeBrowser.storage.session.clear();
    await clientWith(new StoredTokenSource(db, { locks: null })).describe('Lead');
    expect(tokenCalls(sf.requests)).toBe(1);
    expect(await readAccessToken()).toBeTruthy();
  });

  it('sends one refresh however many calls fail together', async () => {
    sf.expireAccessTokens();
    const client = clientWith(new StoredTokenSource(db, { locks: null }));
    const results = await Promise.all(Array.from({ length: 8 }, () => client.describe('Account')));
    expect(results).toHaveLength(8);
    expect(tokenCalls(sf.requests)).toBe(1);
    expect(sf.requests.filter((r) => r.status === 401)).toHaveLength(8);
  });

  it('sends one refresh across contexts: the lock holder refreshes, the next one finds the new token', async () => {
    sf.expireAccessTokens();
    const locks = memoryLocks();
    // Two contexts (say the service worker and the options page): separate in-flight registries,
    // the same session storage, the same IndexedDB and the same Web Locks.
    const worker = clientWith(new StoredTokenSource(db, { locks, inFlight: new InFlight() }));
    const page = clientWith(new StoredTokenSource(db, { locks, inFlight: new InFlight() }));
    await Promise.all([worker.describe('Account'), page.describe('Contact'), worker.describe('Lead'), page.describe('Task')]);
    expect(tokenCalls(sf.requests)).toBe(1);
    expect(locks.held).toBe(0);
  });

  it('saves a rotated refresh token before the new access token is stored, and uses it next time', async () => {
    const original = await readRefreshToken(db);
    let rotated = '';
    // Salesforce rotates refresh tokens when the app's policy says so; the emulator never does, so
    // this fetch adds a fresh, valid refresh token to its refresh answer.
    const rotating: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/services/oauth2/token') || response.status !== 200) return response;
      const body = (await response.json()) as Record<string, unknown>;
      rotated = sf.issueToken().refreshToken;
      return new Response(JSON.stringify({ ...body, refresh_token: rotated }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const seenWhenAccessSaved: Array<string | null> = [];
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      seenWhenAccessSaved.push(await readRefreshToken(db));
      return set(items);
    });
    sf.expireAccessTokens();
    await clientWith(new StoredTokenSource(db, { locks: null, fetch: rotating })).describe('Contact');
    expect(rotated).not.toBe('');
    expect(seenWhenAccessSaved).toEqual([rotated]);
    expect(await readRefreshToken(db)).toBe(rotated);
    expect(rotated).not.toBe(original);

    vi.restoreAllMocks();
    sf.expireAccessTokens();
    sf.requests.length = 0;
    await clientWith(new StoredTokenSource(db, { locks: null })).describe('Contact');
    expect(sf.requests.map((r) => r.status)).toEqual([401, 200, 200]);
  });

  it('a token service that is down is worth retrying, and keeps the connection', async () => {
    sf.expireAccessTokens();
    // The fault is armed just before the refresh, so it hits the token endpoint, not the API call.
    const failing: typeof fetch = (input, init) => {
      sf.faults.failNext(1, { status: 503 });
      return fetch(input, init);
    };
    const client = clientWith(new StoredTokenSource(db, { locks: null, fetch: failing }));
    await expect(client.describe('Account')).rejects.toBeInstanceOf(RetryableError);
    expect(sf.requests.map((r) => `${r.pattern} ${r.status}`)).toEqual([
      'GET /services/data/v62.0/sobjects/Account/describe 401', 'POST /services/oauth2/token 503',
    ]);
    expect((await readConnection(db))?.reconnect).toBeNull();
    expect(await readRefreshToken(db)).toBeTruthy();
  });
});

describe('a revoked grant', () => {
  it('is an AuthError, and leaves a clear "connect again" state without calling Salesforce again', async () => {
    sf.revokeAll();
    const openSalesforce = createOpenSalesforce(db, { locks: null });
    const session = await openSalesforce();
    await expect(session!.client.describe('Account')).rejects.toBeInstanceOf(AuthError);
    const connection = await readConnection(db);
    expect(connection?.reconnect?.reason).toBe('invalid_grant');
    expect(await readRefreshToken(db)).toBeNull();
    expect(await readAccessToken()).toBeNull();

    await expect(openSalesforce()).rejects.toBeInstanceOf(AuthError);
    sf.requests.length = 0;
    await expect(new StoredTokenSource(db, { locks: null }).accessToken()).rejects.toBeInstanceOf(AuthError);
    expect(sf.requests).toEqual([]);
  });
});

describe('disconnect', () => {
  it('revokes the grant at the org, forgets the tokens, and keeps local records', async () => {
    const account = await createAccount(db, { name: 'Nordlys Energi', domains: ['nordlys.example'] });
    const refreshToken = (await readRefreshToken(db))!;
    const accessToken = (await readAccessToken())!;
    expect(await disconnectSalesforce(db, { locks: null })).toEqual({ revoked: true });
    expect(sf.requests.map((r) => `${r.pattern} ${r.status}`)).toEqual(['POST /services/oauth2/revoke 200']);
    expect(await refreshWorks(refreshToken)).toBe(false);
    const api = await fetch(`${sf.url}/services/data/v62.0/limits`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(api.status).toBe(401);
    expect(await db.secrets.toCollection().primaryKeys()).toEqual(['salesforce.linked-org']); // no token; only which org the records point into
    expect(await readAccessToken()).toBeNull();
    expect(await db.accounts.get(account.id)).toMatchObject({ name: 'Nordlys Energi' });
    expect(await createOpenSalesforce(db)()).toBeNull();
  });

  it('forgets the tokens even when the org cannot be reached', async () => {
    await sf.close();
    expect(await disconnectSalesforce(db, { locks: null })).toEqual({ revoked: false });
    expect(await db.secrets.toCollection().primaryKeys()).toEqual(['salesforce.linked-org']);
    sf = await startSalesforceEmulator({ clientId: CLIENT_ID });
  });
});
