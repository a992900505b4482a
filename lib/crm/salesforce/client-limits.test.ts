import { afterEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../emulator/salesforce';
import { SalesforceClient } from './client';
import { SALESFORCE_API_VERSION } from './config';
import { ApiVersionError, IncompleteAnswerError, MultipleMatchesError, WholeCallRefusedError } from './errors';

/**
 * The client against the emulator over real HTTP, at Salesforce's documented limits. Where the
 * client would never send what the org refuses, the test's own `fetch` alters the request on its
 * way, so the org's real answer comes back through the client's real reading of it.
 */
let sf: SalesforceEmulator;
afterEach(() => sf?.close());

function clientFor(emulator: SalesforceEmulator, alter?: (url: string, init: RequestInit) => RequestInit | Response | Promise<Response>): { client: SalesforceClient; sent: string[] } {
  const { accessToken } = emulator.issueToken();
  const sent: string[] = [];
  const client = new SalesforceClient({
    instanceUrl: emulator.url,
    tokens: { accessToken: async () => accessToken, refresh: async () => accessToken },
    fetch: async (input, init = {}) => {
      sent.push(`${init.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      const changed = alter ? await alter(String(input), init) : init;
      // Duck-typed: the test environment's Response and Node's fetch's are different classes.
      return 'arrayBuffer' in changed ? changed : fetch(input, changed);
    },
  });
  return { client, sent };
}

const query = (soql: string) => ({ kind: 'query' as const, soql });

describe('Composite at the org\'s limits', () => {
  it('never sends more than 5 queries in one call', async () => {
    sf = await startSalesforceEmulator();
    const { client, sent } = clientFor(sf);
    await expect(client.composite(Array.from({ length: 6 }, () => query('SELECT Id FROM Account')))).rejects.toThrow(RangeError);
    expect(sent).toEqual([]);
  });

  it('reads the org\'s refusal of a whole call as a typed error that names the limit', async () => {
    sf = await startSalesforceEmulator();
    // A sixth query slipped into the body on its way: the org refuses the call whole.
    const { client } = clientFor(sf, (_url, init) => {
      const body = JSON.parse(String(init.body)) as { compositeRequest: Array<{ method: string; url: string; referenceId: string }> };
      body.compositeRequest.push({ ...body.compositeRequest[0]!, referenceId: 'extra' });
      return { ...init, body: JSON.stringify(body) };
    });
    const refused = client.composite(Array.from({ length: 5 }, () => query('SELECT Id FROM Account')));
    await expect(refused).rejects.toBeInstanceOf(WholeCallRefusedError);
    await expect(refused).rejects.toMatchObject({ errorCode: 'LIMIT_EXCEEDED', limit: 'at most 5 queries in one Composite call' });
  });

  it('reads an answer that left a sub-request out as incomplete, never as an empty result', async () => {
    sf = await startSalesforceEmulator();
    const { client } = clientFor(sf, async (url, init) => {
      const real = await fetch(url, init);
      const body = await real.json() as { compositeResponse: unknown[] };
      body.compositeResponse.pop();
      return new Response(JSON.stringify(body), { status: real.status, headers: real.headers });
    });
    await expect(client.composite([query('SELECT Id FROM Account'), query('SELECT Id FROM Lead')])).rejects.toBeInstanceOf(IncompleteAnswerError);
  });

  it('refuses a SOQL statement past 100,000 characters as the org does, without retrying', async () => {
    sf = await startSalesforceEmulator();
    const { client } = clientFor(sf);
    const long = `SELECT Id FROM Contact WHERE Email IN (${Array.from({ length: 3_000 }, (_, i) => `'person.${i}@account-${i}.example'`).join(', ')})`;
    expect(long.length).toBeGreaterThan(100_000);
    const [answer] = await client.composite([query(long)]);
    expect(answer).toMatchObject({ kind: 'refused', error: { status: 400 } });
  });
});

describe('an org on an older release', () => {
  it('says which version it serves and which Sidecar needs, instead of a missing record', async () => {
    sf = await startSalesforceEmulator({ newestApiVersion: '61.0' });
    const { client } = clientFor(sf);
    const answer = client.composite([query('SELECT Id FROM Account')]);
    await expect(answer).rejects.toBeInstanceOf(ApiVersionError);
    await expect(answer).rejects.toMatchObject({ wanted: SALESFORCE_API_VERSION, served: 'v61.0' });
    // A delete that finds "nothing" there is not taken for done either.
    await expect(client.remove('Contact', '003000000000001AAA')).rejects.toBeInstanceOf(ApiVersionError);
  });

  it('serves the pinned version on a current org', async () => {
    sf = await startSalesforceEmulator();
    expect(await clientFor(sf).client.servedVersion()).toBe(SALESFORCE_API_VERSION);
  });
});

describe('an upsert that several records match', () => {
  it('is a typed error carrying their ids (a 300), not a success or a retry', async () => {
    sf = await startSalesforceEmulator();
    const a = sf.insert('Account', { Name: 'One', Legacy_Id__c: 'L-1' });
    const b = sf.insert('Account', { Name: 'Two', Legacy_Id__c: 'l-1' });
    // The single-record upsert by a non-unique External ID answers 300: the client's update call is sent there.
    const { client } = clientFor(sf, (url, init) => {
      void url;
      return fetch(`${sf.url}/services/data/${SALESFORCE_API_VERSION}/sobjects/Account/Legacy_Id__c/L-1`, init);
    });
    const answer = client.update('Account', String(a.Id), { Name: 'Changed' });
    await expect(answer).rejects.toBeInstanceOf(MultipleMatchesError);
    await expect(answer).rejects.toMatchObject({ status: 300, ids: [a.Id, b.Id].sort() });
    expect(sf.records('Account').map((r) => r.Name).sort()).toEqual(['One', 'Two']);
  });
});

describe('a kept-alive connection the org closed', () => {
  it('is tried once more for a read or an upsert, never for a create', async () => {
    sf = await startSalesforceEmulator();
    let failures = 1;
    const closing = (_url: string, init: RequestInit) => {
      if (failures-- > 0) throw new TypeError('fetch failed: other side closed');
      return init;
    };
    const { client, sent } = clientFor(sf, closing);
    const [answer] = await client.composite([query('SELECT Id FROM Account')]);
    expect(answer).toMatchObject({ kind: 'page' });
    expect(sent).toEqual(['POST /services/data/v62.0/composite', 'POST /services/data/v62.0/composite']);

    failures = 1;
    const [upserted] = await client.upsert('Account', 'Sidecar_Id__c', [{ Sidecar_Id__c: '01JAAAAAAAAAAAAAAAAAAAAAAA', Name: 'Upserted' }]);
    expect(upserted).toMatchObject({ success: true, created: true });

    failures = 1;
    await expect(client.create('Account', { Name: 'Once only' })).rejects.toThrow('could not be reached');
    expect(sf.records('Account').map((r) => r.Name)).toEqual(['Upserted']);
  });
});
