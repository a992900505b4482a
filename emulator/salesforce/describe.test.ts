import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRecord, DATA, start, type Harness } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.emulator.close());

const since = (header: string) => ({ 'If-Modified-Since': header });
const fieldNames = (body: unknown) => (asRecord(body).fields as Array<{ name: string }>).map((f) => f.name);

describe('describe with If-Modified-Since', () => {
  it('answers 304 with no body while the metadata is unchanged, and counts it as an API call', async () => {
    const first = await h.api('GET', `${DATA}/sobjects/Contact/describe`);
    expect(first.status).toBe(200);
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(lastModified).toBe(h.emulator.schemaChangedAt('Contact'));
    const before = h.emulator.usage().used;
    const again = await h.api('GET', `${DATA}/sobjects/Contact/describe`, undefined, since(lastModified));
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(h.emulator.usage().used).toBe(before + 1);
    expect(again.headers.get('sforce-limit-info')).toBe(`api-usage=${before + 1}/15000`);
    // A date in the documented form, long after the org's metadata was set up.
    expect((await h.api('GET', `${DATA}/sobjects/Contact/describe`, undefined, since('Wed, 3 Jul 2099 19:43:31 GMT'))).status).toBe(304);
    expect((await h.api('GET', `${DATA}/sobjects/Contact/describe/`, undefined, since('Mon, 30 Nov 2099 08:34:54 MST'))).status).toBe(304);
  });

  it('answers 200 with the metadata when it changed after the date, and ignores a date it cannot read', async () => {
    expect((await h.api('GET', `${DATA}/sobjects/Contact/describe`, undefined, since('Wed, 3 Jul 2013 19:43:31 GMT'))).status).toBe(200);
    expect((await h.api('GET', `${DATA}/sobjects/Contact/describe`, undefined, since('yesterday'))).status).toBe(200);
  });

  it('goes stale when an admin adds a field: the next describe is 200 and lists it', async () => {
    const cached = await h.api('GET', `${DATA}/sobjects/Lead/describe`);
    const lastModified = cached.headers.get('last-modified') ?? '';
    expect(fieldNames(cached.body)).not.toContain('Region__c');
    h.emulator.addField('Lead', { name: 'Region__c', label: 'Region', type: 'picklist', picklist: ['EMEA', 'AMER'] });
    const fresh = await h.api('GET', `${DATA}/sobjects/Lead/describe`, undefined, since(lastModified));
    expect(fresh.status).toBe(200);
    expect(fieldNames(fresh.body)).toContain('Region__c');
    expect(new Date(fresh.headers.get('last-modified') ?? '').getTime()).toBeGreaterThan(new Date(lastModified).getTime());
    // The new field is a real field: writable and queryable.
    expect((await h.api('POST', `${DATA}/sobjects/Lead`, { LastName: 'Regional', Company: 'R', Region__c: 'EMEA' })).status).toBe(201);
    const rows = await h.api('GET', `${DATA}/query?q=${encodeURIComponent("SELECT Region__c FROM Lead WHERE Region__c = 'EMEA'")}`);
    expect(asRecord(rows.body).totalSize).toBe(1);
    // Other objects are untouched.
    const contact = await h.api('GET', `${DATA}/sobjects/Contact/describe`, undefined, since(h.emulator.schemaChangedAt('Contact')));
    expect(contact.status).toBe(304);
  });

  it('goes stale on touchSchema too, and Describe Global follows the latest change of any object', async () => {
    const global = await h.api('GET', `${DATA}/sobjects`);
    const globalDate = global.headers.get('last-modified') ?? '';
    expect((await h.api('GET', `${DATA}/sobjects`, undefined, since(globalDate))).status).toBe(304);
    const opportunityDate = h.emulator.schemaChangedAt('Opportunity');
    h.emulator.touchSchema('Opportunity');
    expect((await h.api('GET', `${DATA}/sobjects/Opportunity/describe`, undefined, since(opportunityDate))).status).toBe(200);
    expect((await h.api('GET', `${DATA}/sobjects`, undefined, since(globalDate))).status).toBe(200);
  });

  it('refuses a field that is not a custom field name, or one the object already has', () => {
    expect(() => h.emulator.addField('Contact', { name: 'Region' })).toThrow(/__c/);
    expect(() => h.emulator.addField('Contact', { name: 'Sidecar_Id__c' })).toThrow(/already/);
    expect(() => h.emulator.touchSchema('Nope')).toThrow();
  });
});

describe('schema controls over HTTP', () => {
  it('adds a field and touches an object through /__emulator/schema', async () => {
    const before = await h.api('GET', `${DATA}/sobjects/Account/describe`);
    const lastModified = before.headers.get('last-modified') ?? '';
    const added = await fetch(`${h.emulator.url}/__emulator/schema/Account/fields`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Tier__c', type: 'string', length: 20 }),
    });
    expect(added.status).toBe(200);
    expect(await added.json()).toMatchObject({ name: 'Tier__c', type: 'string', length: 20, custom: true });
    const after = await h.api('GET', `${DATA}/sobjects/Account/describe`, undefined, since(lastModified));
    expect(after.status).toBe(200);
    expect(fieldNames(after.body)).toContain('Tier__c');
    const touched = await fetch(`${h.emulator.url}/__emulator/schema/Account/touch`, { method: 'POST' });
    expect(await touched.json()).toEqual({ changedAt: h.emulator.schemaChangedAt('Account') });
    const versions = await fetch(`${h.emulator.url}/__emulator/versions`);
    expect(((await versions.json()) as unknown[]).length).toBe(38);
  });
});
