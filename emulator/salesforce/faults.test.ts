import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asRecord, DATA, first, start, type Harness } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.emulator.close());
beforeEach(() => h.emulator.faults.reset());

const UPSERT = `${DATA}/composite/sobjects/Contact/Sidecar_Id__c`;
const upsertBody = (sid: string) => JSON.stringify({ allOrNone: false, records: [{ attributes: { type: 'Contact' }, Sidecar_Id__c: sid, LastName: 'Fault' }] });
const send = (body: string) => fetch(`${h.emulator.url}${UPSERT}`, {
  method: 'PATCH', headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' }, body,
});

describe('network faults', () => {
  it('goes offline (connections refused) and comes back on the same URL with the same records', async () => {
    expect((await send(upsertBody('OFFLINE-1'))).status).toBe(200);
    const url = h.emulator.url;
    await h.emulator.goOffline();
    await expect(send(upsertBody('OFFLINE-2'))).rejects.toThrow();
    await h.emulator.goOnline();
    expect(h.emulator.url).toBe(url);
    expect(h.emulator.records('Contact').filter((c) => String(c.Sidecar_Id__c).startsWith('OFFLINE'))).toHaveLength(1);
  });

  it('adds latency to API answers but not to /__emulator', async () => {
    h.emulator.faults.latencyMs = 150;
    let t = performance.now();
    await h.api('GET', `${DATA}/limits`);
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    t = performance.now();
    await fetch(`${h.emulator.url}/__emulator/usage`);
    expect(performance.now() - t).toBeLessThan(100);
  });

  it('failNext answers 503 with Salesforce JSON, then recovers; nothing is written', async () => {
    h.emulator.faults.failNext(2, { status: 503 });
    const a = await send(upsertBody('FAIL-1'));
    expect(a.status).toBe(503);
    expect(first(await a.json()).errorCode).toBe('SERVER_UNAVAILABLE');
    expect((await send(upsertBody('FAIL-1'))).status).toBe(503);
    expect(h.emulator.records('Contact').some((r) => r.Sidecar_Id__c === 'FAIL-1')).toBe(false);
    expect((await send(upsertBody('FAIL-1'))).status).toBe(200);
  });

  it('failNext can send 429 with Retry-After and an HTML page', async () => {
    h.emulator.faults.failNext(1, { status: 429, retryAfterSeconds: 7, body: '<html><body>Too busy</body></html>', contentType: 'text/html' });
    const answer = await h.api('GET', `${DATA}/limits`);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.headers.get('content-type')).toBe('text/html');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.text).toContain('Too busy');
  });

  it('dropNext applies the write, then cuts the connection mid-body', async () => {
    h.emulator.faults.dropNext(1);
    const response = await send(upsertBody('DROP-1'));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(h.emulator.records('Contact').filter((r) => r.Sidecar_Id__c === 'DROP-1')).toHaveLength(1);
    // A retry of the same upsert updates the record the dropped call created.
    const retry = await send(upsertBody('DROP-1'));
    expect(await retry.json()).toMatchObject([{ success: true, created: false }]);
    expect(h.emulator.records('Contact').filter((r) => r.Sidecar_Id__c === 'DROP-1')).toHaveLength(1);
  });

  it('truncateNext answers 200 with half a JSON body, after the write', async () => {
    h.emulator.faults.truncateNext(1);
    const response = await send(upsertBody('TRUNC-1'));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(text.startsWith('[{"id":"003')).toBe(true);
    expect(h.emulator.records('Contact').filter((r) => r.Sidecar_Id__c === 'TRUNC-1')).toHaveLength(1);
  });

  it('reset clears queued faults', async () => {
    h.emulator.faults.failNext(1, { status: 500 });
    h.emulator.faults.reset();
    expect((await h.api('GET', `${DATA}/limits`)).status).toBe(200);
  });
});

describe('/__emulator over HTTP', () => {
  it('queues faults, inserts records, and stays out of the log and the count', async () => {
    const before = { log: h.emulator.requests.length, used: h.emulator.usage().used };
    const post = (path: string, body: unknown) => fetch(`${h.emulator.url}/__emulator${path}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    expect((await post('/faults', { failNext: { count: 1, response: { status: 502 } } })).status).toBe(200);
    const inserted = asRecord(await (await post('/records/Account', { Name: 'Via HTTP' })).json());
    expect(inserted.Id).toMatch(/^001/);
    const listed = (await (await fetch(`${h.emulator.url}/__emulator/records/Account`)).json()) as Array<{ Name: string }>;
    expect(listed.some((r) => r.Name === 'Via HTTP')).toBe(true);
    expect(h.emulator.requests.length).toBe(before.log);
    expect(h.emulator.usage().used).toBe(before.used);
    expect((await h.api('GET', `${DATA}/limits`)).status).toBe(502);
    const bad = await post('/records/Account', { Nope__c: 1 });
    expect(bad.status).toBe(400);
  });
});

describe('request log', () => {
  it('records each API call with a pattern that hides ids and values', async () => {
    h.emulator.requests.length = 0;
    const created = await h.api('POST', `${DATA}/sobjects/Contact`, { LastName: 'Logged' });
    await h.api('GET', `${DATA}/sobjects/Contact/${String(asRecord(created.body).id)}`);
    await h.api('PATCH', `${DATA}/sobjects/Contact/Sidecar_Id__c/01JLOG`, { LastName: 'Logged' });
    await send(upsertBody('LOG-1'));
    await h.api('GET', `${DATA}/query?q=${encodeURIComponent('SELECT Id FROM Contact')}`);
    await h.api('GET', `${DATA}/query/01gD0000002HU6KIAW-2000`);
    expect(h.emulator.requests.map((r) => `${r.pattern} ${r.status}`)).toEqual([
      `POST ${DATA}/sobjects/Contact 201`,
      `GET ${DATA}/sobjects/Contact/{id} 200`,
      `PATCH ${DATA}/sobjects/Contact/Sidecar_Id__c/{value} 201`,
      `PATCH ${DATA}/composite/sobjects/Contact/Sidecar_Id__c 200`,
      `GET ${DATA}/query 200`,
      `GET ${DATA}/query/{locator} 400`,
    ]);
  });
});
