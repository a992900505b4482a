import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseLabel } from './api-version';
import { startSalesforceEmulator } from './emulator';
import { LIMITS } from './limits';
import { asRecord, DATA, dataAt, first, start, type Harness } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.emulator.close());

const NOT_FOUND = [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }];

describe('the versions list', () => {
  it('lists 31.0 to 68.0 (Winter ’27), without a session and without counting', async () => {
    const before = h.emulator.usage().used;
    const answer = await fetch(`${h.emulator.url}/services/data`);
    expect(answer.status).toBe(200);
    const list = (await answer.json()) as Array<{ label: string; url: string; version: string }>;
    expect(list[0]).toEqual({ label: "Summer '14", url: '/services/data/v31.0', version: '31.0' });
    expect(list.at(-1)).toEqual({ label: "Winter '27", url: '/services/data/v68.0', version: '68.0' });
    expect(list).toHaveLength(68 - 31 + 1);
    expect(list).toContainEqual({ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' });
    expect(h.emulator.apiVersions()).toEqual(list);
    expect(h.emulator.usage().used).toBe(before);
  });

  it('names releases by season', () => {
    expect([60, 61, 62, 63, 64, 65, 66, 67, 68].map(releaseLabel)).toEqual([
      "Spring '24", "Summer '24", "Winter '25", "Spring '25", "Summer '25", "Winter '26", "Spring '26", "Summer '26", "Winter '27",
    ]);
  });
});

describe('versions outside the served range', () => {
  it('answers 404 NOT_FOUND above the newest version and for versions that never were', async () => {
    for (const version of ['v69.0', 'v70.0', 'v6.0', 'v62.5', 'latest', '62.0']) {
      const answer = await h.api('GET', `/services/data/${version}/limits`);
      expect(answer.status, version).toBe(404);
      expect(answer.body).toEqual(NOT_FOUND);
    }
  });

  it('answers 410 GONE for the retired versions 7.0–30.0', async () => {
    for (const version of ['v30.0', 'v21.0', 'v20.0']) {
      const answer = await h.api('GET', `/services/data/${version}/sobjects`);
      expect(answer.status, version).toBe(LIMITS.retiredVersionStatus);
      expect(first(answer.body).errorCode).toBe('NOT_FOUND');
    }
  });
});

describe('every route at every served version', () => {
  it('answers the same routes at 31.0, 45.0, 62.0 and 68.0, with URLs at the version asked', async () => {
    const contact = h.emulator.insert('Contact', { LastName: 'Versioned', Email: 'versioned@example.com' });
    for (const version of [31, 45, 62, 68]) {
      const data = dataAt(version);
      expect((await h.api('GET', `${data}/limits`)).status).toBe(200);
      expect(asRecord((await h.api('GET', data)).body).sobjects).toBe(`${data}/sobjects`);
      const global = asRecord((await h.api('GET', `${data}/sobjects`)).body);
      expect((global.sobjects as Array<{ urls: { describe: string } }>)[0]?.urls.describe).toMatch(new RegExp(`^${data}/sobjects/`));
      const describe = asRecord((await h.api('GET', `${data}/sobjects/Contact/describe`)).body);
      expect(asRecord(describe.urls).sobject).toBe(`${data}/sobjects/Contact`);
      const row = asRecord((await h.api('GET', `${data}/sobjects/Contact/${String(contact.Id)}`)).body);
      expect(asRecord(row.attributes).url).toBe(`${data}/sobjects/Contact/${String(contact.Id)}`);
      const query = asRecord((await h.api('GET', `${data}/query?q=${encodeURIComponent("SELECT Id FROM Contact WHERE Email = 'versioned@example.com'")}`)).body);
      expect(asRecord((query.records as unknown[])[0]).attributes).toEqual({ type: 'Contact', url: `${data}/sobjects/Contact/${String(contact.Id)}` });
      const created = await h.api('POST', `${data}/sobjects/Account`, { Name: `At v${version}` });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toMatch(new RegExp(`^${data}/sobjects/Account/001`));
      const composite = await h.api('POST', `${data}/composite`, {
        compositeRequest: [{ method: 'GET', url: `${data}/sobjects/Contact/${String(contact.Id)}`, referenceId: 'c' }],
      });
      expect(composite.status).toBe(200);
    }
  });

  it('has sObject Collections from 42.0 and their upsert from 46.0', async () => {
    const records = { allOrNone: false, records: [{ attributes: { type: 'Account' }, Name: 'Collected' }] };
    expect((await h.api('POST', `${dataAt(41)}/composite/sobjects`, records)).body).toEqual(NOT_FOUND);
    expect((await h.api('POST', `${dataAt(42)}/composite/sobjects`, records)).status).toBe(200);
    const upsert = { allOrNone: false, records: [{ attributes: { type: 'Contact' }, LastName: 'Up', Sidecar_Id__c: '01JVERSIONED0000000000000A' }] };
    expect((await h.api('PATCH', `${dataAt(45)}/composite/sobjects/Contact/Sidecar_Id__c`, upsert)).status).toBe(404);
    expect((await h.api('PATCH', `${dataAt(46)}/composite/sobjects/Contact/Sidecar_Id__c`, upsert)).status).toBe(200);
  });

  it('upserts by external id: 201 created, then 200 with a body from 46.0 and 204 without one before', async () => {
    const url = (version: number) => `${dataAt(version)}/sobjects/Contact/Sidecar_Id__c/01JUPSERTVERSION0000000000`;
    const created = await h.api('PATCH', url(45), { LastName: 'Upserted' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), success: true, errors: [] });
    const old = await h.api('PATCH', url(45), { LastName: 'Upserted again' });
    expect(old.status).toBe(204);
    expect(old.text).toBe('');
    const current = await h.api('PATCH', url(46), { LastName: 'Upserted a third time' });
    expect(current.status).toBe(200);
    expect(current.body).toEqual({ id: asRecord(created.body).id, success: true, errors: [], created: false });
  });
});

describe('an org on an older release', () => {
  it('lists versions up to its newest and answers 404 above it', async () => {
    const old = await start({ newestApiVersion: '61.0' });
    try {
      const list = (await old.api('GET', '/services/data')).body as Array<{ version: string }>;
      expect(list.at(-1)).toEqual({ label: "Summer '24", url: '/services/data/v61.0', version: '61.0' });
      expect((await old.api('GET', `${dataAt(61)}/limits`)).status).toBe(200);
      for (const version of [62, 68]) expect((await old.api('GET', `${dataAt(version)}/limits`)).body).toEqual(NOT_FOUND);
      // URLs the programmatic API builds (outside a request) use the org's newest version.
      const row = old.emulator.insert('Account', { Name: 'Old org' });
      const answer = await old.api('GET', `${dataAt(61)}/sobjects/Account/${String(row.Id)}`);
      expect(asRecord(asRecord(answer.body).attributes).url).toBe(`${dataAt(61)}/sobjects/Account/${String(row.Id)}`);
    } finally {
      await old.emulator.close();
    }
  });

  it('refuses a newest version outside what Salesforce has served', async () => {
    await expect(startSalesforceEmulator({ newestApiVersion: '30.0' })).rejects.toThrow(/newestApiVersion/);
    await expect(startSalesforceEmulator({ newestApiVersion: '99.0' })).rejects.toThrow(/newestApiVersion/);
    await expect(startSalesforceEmulator({ newestApiVersion: 'Winter' })).rejects.toThrow(/newestApiVersion/);
  });

  it('DATA in the test helpers is the default newest version', () => {
    expect(DATA).toBe('/services/data/v68.0');
  });
});
