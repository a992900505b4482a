import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../../emulator/salesforce';
import type { SidecarDb } from '../../../db/database';
import { createContact } from '../../../db/contacts';
import { freshDb } from '../../../db/test-db';
import { ApiVersionError, AuthError } from '../errors';
import { connectSalesforce, InstanceNotAllowedError } from './connect';
import { LoginHostError } from './login-host';
import { GrantRefusedError } from './oauth';
import { CLIENT_ID, connectDeps, connectToEmulator, followAuthorize, REDIRECT_URI } from './test-support';
import { readAccessToken, readConnection, readRefreshToken } from './token-store';

let sf: SalesforceEmulator;
let db: SidecarDb;

beforeEach(async () => {
  sf = await startSalesforceEmulator({ clientId: CLIENT_ID });
  db = freshDb();
});
afterEach(async () => {
  await sf.close();
  db.close();
});

describe('connectSalesforce: web-server flow with PKCE', () => {
  it('asks for a code with an S256 challenge, exchanges it with the verifier, and stores who connected', async () => {
    let authorizeUrl = '';
    const connection = await connectToEmulator(db, sf.url, {
      launchWebAuthFlow: (url) => {
        authorizeUrl = url;
        return followAuthorize(url);
      },
      now: () => 1_700_000_000_000,
    });
    const query = new URL(authorizeUrl).searchParams;
    expect(Object.fromEntries(query)).toMatchObject({
      response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, code_challenge_method: 'S256', scope: 'api refresh_token id',
    });
    expect(query.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(query.get('state')).toBeTruthy();
    expect(query.has('client_secret')).toBe(false);

    const [user] = sf.records('User');
    expect(connection).toEqual({
      loginUrl: sf.url, clientId: CLIENT_ID, instanceUrl: sf.url,
      orgId: expect.stringMatching(/^00D/), userId: user?.Id,
      username: 'rep@sidecar-demo.example', displayName: 'Demo Rep', connectedAt: 1_700_000_000_000, reconnect: null,
    });
    expect(await readConnection(db)).toEqual(connection);
    expect(await readRefreshToken(db)).toMatch(/^5Aep861/);
    expect(await readAccessToken()).toMatch(/^00D/);
    expect(sf.requests.map((r) => `${r.pattern} ${r.status}`)).toEqual([
      'GET /services/oauth2/authorize 302', 'POST /services/oauth2/token 200', 'GET /services/data 200', 'GET /services/oauth2/userinfo 200',
    ]);
  });

  it('refuses an org on an older release at once, revokes the grant and stores nothing', async () => {
    await sf.close();
    sf = await startSalesforceEmulator({ clientId: CLIENT_ID, newestApiVersion: '61.0' });
    const refused = connectToEmulator(db, sf.url, { launchWebAuthFlow: followAuthorize });
    await expect(refused).rejects.toBeInstanceOf(ApiVersionError);
    await expect(refused).rejects.toMatchObject({ served: 'v61.0', wanted: 'v62.0' });
    expect(await readConnection(db)).toBeNull();
    expect(await readRefreshToken(db)).toBeNull();
    expect(sf.requests.map((r) => r.pattern)).toContain('POST /services/oauth2/revoke');
  });

  it('refuses a redirect whose state is not the one it sent', async () => {
    const forged = async (url: string) => {
      const redirected = new URL(await followAuthorize(url));
      redirected.searchParams.set('state', 'forged');
      return redirected.toString();
    };
    await expect(connectToEmulator(db, sf.url, { launchWebAuthFlow: forged })).rejects.toThrow(/state/);
    expect(await db.secrets.count()).toBe(0);
  });

  it('reports Salesforce’s refusal on the redirect, and stores nothing', async () => {
    // The emulator, like Salesforce, answers a non-S256 challenge with an error redirect carrying the state.
    const plain = (url: string) => {
      const tampered = new URL(url);
      tampered.searchParams.set('code_challenge_method', 'plain');
      return followAuthorize(tampered.toString());
    };
    const error = await connectToEmulator(db, sf.url, { launchWebAuthFlow: plain }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrantRefusedError);
    expect((error as GrantRefusedError).error).toBe('invalid_request');
    expect(sf.requests.map((r) => r.pattern)).toEqual(['GET /services/oauth2/authorize']);
    expect(await db.secrets.count()).toBe(0);
  });

  it('refuses a login host outside Salesforce before any request', async () => {
    await expect(connectSalesforce(db, { loginHost: 'acme.example', clientId: CLIENT_ID }, connectDeps())).rejects.toBeInstanceOf(LoginHostError);
    expect(sf.requests).toEqual([]);
  });

  it('revokes what it got when the org’s API host is not allowed, and says which host', async () => {
    const error = await connectToEmulator(db, sf.url, { canReach: async () => false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstanceNotAllowedError);
    expect((error as Error).message).toContain(new URL(sf.url).host);
    expect(sf.requests.at(-1)).toMatchObject({ pattern: 'POST /services/oauth2/revoke', status: 200 });
    expect(await db.secrets.count()).toBe(0);
  });

  it('connecting again replaces the grant and revokes the one it replaced', async () => {
    await connectToEmulator(db, sf.url);
    const first = await readRefreshToken(db);
    await connectToEmulator(db, sf.url);
    expect(await readRefreshToken(db)).not.toBe(first);
    expect(sf.requests.at(-1)).toMatchObject({ pattern: 'POST /services/oauth2/revoke', status: 200 });
  });

  it('needs a refresh token: without the refresh_token scope there is no lasting connection', async () => {
    const noRefresh: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/token')) return response;
      const { refresh_token: _dropped, ...body } = (await response.json()) as Record<string, unknown>;
      void _dropped;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    await expect(connectToEmulator(db, sf.url, { fetch: noRefresh })).rejects.toBeInstanceOf(AuthError);
    expect(await db.secrets.count()).toBe(0);
  });
});

describe('connecting another org', () => {
  it('unlinks every record from the old org and queues it for the new one; the same org keeps its links', async () => {
    await connectToEmulator(db, sf.url, connectDeps());
    const contact = await createContact(db, { kind: 'lead', lastName: 'Lind', company: 'Fjord AB' }, 1);
    await db.contacts.update(contact.id, { 'remote.salesforce': { id: '00Q000000000001AAA', syncedAt: 1, base: {} } });
    await db.outbox.clear();
    await db.checkpoints.put({ id: 'salesforce:Lead', crm: 'salesforce', recordType: 'contact', remoteTimestamp: '2026-12-01T00:00:00Z', boundaryIds: [], pulledAt: 1, updatedAt: 1 });

    await connectToEmulator(db, sf.url, connectDeps()); // the same org again
    expect((await db.contacts.get(contact.id))?.remote.salesforce?.id).toBe('00Q000000000001AAA');
    expect(await db.checkpoints.count()).toBe(1);

    const other = await startSalesforceEmulator({ clientId: CLIENT_ID, orgSerial: 2 });
    try {
      await connectToEmulator(db, other.url, connectDeps());
      expect((await db.contacts.get(contact.id))?.remote.salesforce).toBeUndefined();
      expect(await db.checkpoints.count()).toBe(0);
      expect((await db.outbox.toArray()).flatMap((e) => e.recordIds)).toEqual([contact.id]);
    } finally {
      await other.close();
    }
  });
});
