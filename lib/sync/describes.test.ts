import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulator/salesforce';
import { SalesforceClient } from '../crm/salesforce/client';
import type { SidecarDb } from '../db/database';
import { freshDb } from '../db/test-db';
import { DESCRIBE_FRESH_MS, DescribeCache } from './describes';

let sf: SalesforceEmulator;
let db: SidecarDb;
let client: SalesforceClient;

beforeEach(async () => {
  sf = await startSalesforceEmulator();
  db = freshDb();
  const { accessToken } = sf.issueToken();
  client = new SalesforceClient({ instanceUrl: sf.url, tokens: { accessToken: async () => accessToken, refresh: async () => accessToken } });
});
afterEach(async () => {
  await sf.close();
  db.close();
});

/** API calls the org counted while `work` ran, by path pattern. */
async function callsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const before = sf.requests.length;
  await work();
  return sf.requests.slice(before).map((r) => r.pattern);
}

const fieldNames = async (cache: DescribeCache, sobject: string) => (await cache.get(sobject)).fields.map((f) => f.name);

describe('describes kept per org', () => {
  it('cost one Composite call for several objects, then none while fresh, even in a new worker', async () => {
    const clock = { now: Date.now() };
    const cache = new DescribeCache(db, client, () => clock.now);
    expect(await callsDuring(() => cache.load(['Account', 'Contact', 'Lead']))).toEqual(['POST /services/data/v62.0/composite']);
    clock.now += DESCRIBE_FRESH_MS - 60_000;
    const restarted = new DescribeCache(db, client, () => clock.now); // the worker was stopped: the store remembers
    expect(await callsDuring(() => restarted.load(['Account', 'Contact', 'Lead']))).toEqual([]);
    expect(await fieldNames(restarted, 'Contact')).toContain('Email');
  });

  it('once stale, ask with If-Modified-Since: a 304 keeps them, a changed object comes back whole', async () => {
    // HTTP dates count whole seconds, and the date a check sends is a second or two before the answer.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));
    await settle(); // the org's schema was not made in the second it is read
    const clock = { now: Date.now() };
    const cache = new DescribeCache(db, client, () => clock.now);
    await cache.load(['Account', 'Contact']);
    clock.now += DESCRIBE_FRESH_MS + 1;
    const before = sf.requests.length;
    await cache.load(['Account', 'Contact']);
    expect(sf.requests.length - before).toBe(1);
    // Checked now, fetched before: both answers were 304s.
    expect((await db.describes.toArray()).map((d) => [d.checkedAt === clock.now, d.fetchedAt < clock.now])).toEqual([[true, true], [true, true]]);

    // An admin adds a field; a day later the check brings it, and only Contact is fetched whole.
    await settle();
    sf.addField('Contact', { name: 'LinkedIn_Profile__c', type: 'url' });
    expect(await fieldNames(cache, 'Contact')).not.toContain('LinkedIn_Profile__c');
    clock.now += DESCRIBE_FRESH_MS + 1;
    await cache.load(['Account', 'Contact']);
    expect(await fieldNames(cache, 'Contact')).toContain('LinkedIn_Profile__c');
  });

  it('check at once an object whose describe Salesforce contradicted', async () => {
    const clock = { now: Date.now() };
    const cache = new DescribeCache(db, client, () => clock.now);
    await cache.load(['Account']);
    await cache.stale('Account');
    expect(await callsDuring(() => cache.load(['Account']))).toEqual(['POST /services/data/v62.0/composite']);
    expect(await callsDuring(() => cache.load(['Account']))).toEqual([]);
  });

  it('are kept apart per org', async () => {
    const other = await startSalesforceEmulator({ orgSerial: 2 });
    try {
      const { accessToken } = other.issueToken();
      const otherClient = new SalesforceClient({ instanceUrl: other.url, tokens: { accessToken: async () => accessToken, refresh: async () => accessToken } });
      await new DescribeCache(db, client, Date.now).load(['Account']);
      const before = other.requests.length;
      await new DescribeCache(db, otherClient, Date.now).load(['Account']);
      expect(other.requests.length - before).toBe(1);
      expect(await db.describes.count()).toBe(2);
    } finally {
      await other.close();
    }
  });
});
