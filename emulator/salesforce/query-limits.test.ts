import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from './limits';
import { asRecord, DATA, first, start, type Answer, type Harness } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await start();
  for (let i = 0; i < 2100; i++) h.emulator.insert('Lead', { LastName: `Batch ${i}`, Company: 'Batch Co' });
});
afterAll(() => h.emulator.close());

type Page = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: unknown[] };

/** A query sent as a composite subrequest: its URL travels in the body, so any length reaches the org. */
async function viaComposite(soql: string): Promise<{ status: number; body: unknown }> {
  const answer = await h.api('POST', `${DATA}/composite`, {
    compositeRequest: [{ method: 'GET', url: `${DATA}/query?q=${encodeURIComponent(soql)}`, referenceId: 'q' }],
  });
  const [entry] = asRecord(answer.body).compositeResponse as Array<{ httpStatusCode: number; body: unknown }>;
  return { status: entry?.httpStatusCode ?? 0, body: entry?.body };
}

const padded = (length: number) => {
  const head = "SELECT Id FROM Lead WHERE LastName = 'Batch 1' AND Company != '";
  const tail = "'";
  return head + 'x'.repeat(length - head.length - tail.length) + tail;
};

describe('SOQL statement length', () => {
  it('runs a statement of exactly 100,000 characters and refuses one of 100,001 with MALFORMED_QUERY', async () => {
    // The string literal here is long too, so split the padding across several short ones.
    const base = "SELECT Id FROM Lead WHERE LastName = 'Batch 1'";
    const clause = " AND Company != 'yyyyyyyyyyyyyyyyyyyy'";
    let soql = base;
    while (soql.length + clause.length <= LIMITS.soqlStatementChars) soql += clause;
    soql += ' '.repeat(LIMITS.soqlStatementChars - soql.length);
    expect(soql).toHaveLength(100_000);
    const ok = await viaComposite(soql);
    expect(ok.status).toBe(200);
    expect(asRecord(ok.body).totalSize).toBe(1);
    const over = await viaComposite(`${soql} `);
    expect(over.status).toBe(400);
    expect(first(over.body)).toMatchObject({ errorCode: 'MALFORMED_QUERY' });
  });
});

describe('SOQL WHERE string literals', () => {
  it('allows 4,000 characters in one string and refuses 4,001 with MALFORMED_QUERY', async () => {
    const at = (n: number) => `SELECT Id FROM Lead WHERE LastName = 'Batch 1' AND Company != '${'z'.repeat(n)}'`;
    const ok = await h.api('GET', `${DATA}/query?q=${encodeURIComponent(at(LIMITS.soqlWhereStringChars))}`);
    expect(ok.status).toBe(200);
    const over = await h.api('GET', `${DATA}/query?q=${encodeURIComponent(at(LIMITS.soqlWhereStringChars + 1))}`);
    expect(over.status).toBe(400);
    expect(first(over.body).errorCode).toBe('MALFORMED_QUERY');
    expect(String(first(over.body).message)).toMatch(/4000/);
  });

  it('counts the string after unescaping, and only strings in the WHERE clause', async () => {
    const escaped = `SELECT Id FROM Lead WHERE Company != '${"\\'".repeat(LIMITS.soqlWhereStringChars)}'`;
    expect((await viaComposite(escaped)).status).toBe(200);
    expect((await viaComposite(padded(5000))).status).toBe(400);
  });
});

describe('query batch size (Sforce-Query-Options)', () => {
  const q = (batch?: string): Promise<Answer> => h.api('GET', `${DATA}/query?q=${encodeURIComponent("SELECT Id FROM Lead WHERE Company = 'Batch Co'")}`,
    undefined, batch === undefined ? {} : { 'Sforce-Query-Options': batch });
  const size = async (batch?: string) => ((await q(batch)).body as Page).records.length;

  it('defaults to 2,000 rows a page and pages the rest through nextRecordsUrl until done', async () => {
    const one = (await q()).body as Page;
    expect(one).toMatchObject({ totalSize: 2100, done: false });
    expect(one.records).toHaveLength(LIMITS.queryBatchDefault);
    const two = (await h.api('GET', one.nextRecordsUrl ?? '')).body as Page;
    expect(two).toMatchObject({ totalSize: 2100, done: true });
    expect(two.records).toHaveLength(100);
    expect(two).not.toHaveProperty('nextRecordsUrl');
  });

  it('accepts 200 to 2,000 and clamps values outside that range into it', async () => {
    expect(await size('batchSize=200')).toBe(200);
    expect(await size('batchSize=1234')).toBe(1234);
    expect(await size('batchSize=2000')).toBe(2000);
    expect(await size('batchSize=199')).toBe(200);
    expect(await size('batchSize=1')).toBe(200);
    expect(await size('batchSize=2001')).toBe(2000);
    expect(await size('batchSize=50000')).toBe(2000);
  });
});

describe('getUpdated', () => {
  it('lists the ids changed in the window, at most 30 days back', async () => {
    const start = new Date(Date.now() - 60_000).toISOString();
    const lead = h.emulator.insert('Lead', { LastName: 'Fresh', Company: 'Updated Co' });
    const end = new Date(Date.now() + 60_000).toISOString();
    const answer = await h.api('GET', `${DATA}/sobjects/Lead/updated/?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`);
    expect(answer.status).toBe(200);
    expect(asRecord(answer.body).ids).toContain(lead.Id);
    expect(typeof asRecord(answer.body).latestDateCovered).toBe('string');
    const tooOld = new Date(Date.now() - 31 * 86_400_000).toISOString();
    const refused = await h.api('GET', `${DATA}/sobjects/Lead/updated/?start=${encodeURIComponent(tooOld)}&end=${encodeURIComponent(end)}`);
    expect(refused.status).toBe(400);
    expect(first(refused.body).errorCode).toBe('INVALID_REPLICATION_DATE');
  });
});
