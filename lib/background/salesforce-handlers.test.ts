import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulator/salesforce';
import { CLIENT_ID, followAuthorize, REDIRECT_URI } from '../crm/salesforce/auth/test-support';
import { readAccessToken } from '../crm/salesforce/auth/token-store';
import { createAccount } from '../db/accounts';
import type { SidecarDb } from '../db/database';
import { RepositoryError } from '../db/errors';
import { freshDb } from '../db/test-db';
import type { HandlerContext } from '../messaging/router';
import { createHandlers } from './handlers';
import { createSalesforceHandlers } from './salesforce-handlers';

let sf: SalesforceEmulator;
let db: SidecarDb;
const context: HandlerContext = { sender: { id: 'x', url: 'chrome-extension://x/options.html' }, senderKind: 'extension-page' };

beforeEach(async () => {
  sf = await startSalesforceEmulator({ clientId: CLIENT_ID });
  db = freshDb();
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue(REDIRECT_URI);
  vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockImplementation(async ({ url }) => followAuthorize(url));
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => true) as never);
});
afterEach(async () => {
  await sf.close();
  db.close();
});

describe('Salesforce handlers', () => {
  it('connects, tells who is connected (never a token), lists mappable fields, and disconnects', async () => {
    const handlers = createSalesforceHandlers(db);
    expect(await handlers['salesforce.status']({}, context)).toEqual({ state: 'disconnected', redirectUrl: REDIRECT_URI });

    const connected = await handlers['salesforce.connect']({ loginHost: sf.url, clientId: CLIENT_ID }, context);
    expect(connected).toMatchObject({ state: 'connected', redirectUrl: REDIRECT_URI, instanceUrl: sf.url, displayName: 'Demo Rep', reason: null });
    expect(fakeBrowser.identity.launchWebAuthFlow).toHaveBeenCalledWith({ url: expect.stringContaining('/services/oauth2/authorize?'), interactive: true });
    const token = (await readAccessToken())!;
    expect(JSON.stringify(await handlers['salesforce.status']({}, context))).not.toContain(token);

    const { fields } = await handlers['salesforce.fields']({}, context);
    expect(fields.map((f) => f.name)).toContain('LinkedIn_URL__c');
    expect(fields.every((f) => f.type === 'url' || f.name.endsWith('__c'))).toBe(true);

    expect(await handlers['salesforce.disconnect']({}, context)).toEqual({ revoked: true });
    expect(await handlers['salesforce.status']({}, context)).toEqual({ state: 'disconnected', redirectUrl: REDIRECT_URI });
  });

  it('shows "connect again" after Salesforce refuses the grant', async () => {
    const handlers = createSalesforceHandlers(db);
    await handlers['salesforce.connect']({ loginHost: sf.url, clientId: CLIENT_ID }, context);
    sf.revokeAll();
    await expect(handlers['salesforce.fields']({}, context)).rejects.toBeInstanceOf(RepositoryError);
    expect(await handlers['salesforce.status']({}, context)).toMatchObject({ state: 'reconnect', reason: 'invalid_grant' });
  });

  it('turns a refusal into a sentence the options page can show', async () => {
    const handlers = createSalesforceHandlers(db);
    await expect(handlers['salesforce.connect']({ loginHost: 'acme.example', clientId: CLIENT_ID }, context))
      .rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('salesforce.com') });
    vi.mocked(fakeBrowser.identity.launchWebAuthFlow).mockRejectedValueOnce(new Error('The user did not approve access.'));
    await expect(handlers['salesforce.connect']({ loginHost: sf.url, clientId: CLIENT_ID }, context))
      .rejects.toMatchObject({ code: 'invalid', message: 'Salesforce sign-in did not finish: The user did not approve access.' });
  });

  it('"delete everything" revokes the grant before it wipes the secrets', async () => {
    await createSalesforceHandlers(db)['salesforce.connect']({ loginHost: sf.url, clientId: CLIENT_ID }, context);
    await createAccount(db, { name: 'Nordlys Energi' });
    sf.requests.length = 0;
    await createHandlers(db)['data.clear']({ confirm: 'delete everything' }, context);
    expect(sf.requests.map((r) => `${r.pattern} ${r.status}`)).toEqual(['POST /services/oauth2/revoke 200']);
    expect(await db.secrets.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
    expect(await readAccessToken()).toBeNull();
  });
});
