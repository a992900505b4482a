import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRecord, DATA, first, start, type Answer, type Harness } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.emulator.close());

type Page = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: Array<Record<string, unknown>> };
const q = (soql: string, resource = 'query', headers?: Record<string, string>): Promise<Answer> =>
  h.api('GET', `${DATA}/${resource}?q=${encodeURIComponent(soql)}`, undefined, headers);
const page = (answer: Answer) => answer.body as Page;

describe('pagination', () => {
  it('pages 2000 at a time; exactly 2000 rows is one page', async () => {
    for (let i = 0; i < 2001; i++) h.emulator.insert('Account', { Name: `Bulk ${String(i).padStart(4, '0')}`, Description: 'bulk' });
    const exactly = page(await q("SELECT Id FROM Account WHERE Description = 'bulk' LIMIT 2000"));
    expect(exactly).toMatchObject({ totalSize: 2000, done: true });
    expect(exactly.records).toHaveLength(2000);
    expect(exactly).not.toHaveProperty('nextRecordsUrl');

    const one = page(await q("SELECT Id, Name FROM Account WHERE Description = 'bulk' ORDER BY Name"));
    expect(one).toMatchObject({ totalSize: 2001, done: false });
    expect(one.records).toHaveLength(2000);
    expect(one.nextRecordsUrl).toMatch(new RegExp(`^${DATA}/query/01g[a-zA-Z0-9]{15}-2000$`));
    const two = page(await h.api('GET', one.nextRecordsUrl ?? ''));
    expect(two).toMatchObject({ totalSize: 2001, done: true });
    expect(two.records.map((r) => r.Name)).toEqual(['Bulk 2000']);
    expect(two).not.toHaveProperty('nextRecordsUrl');
  });

  it('honours Sforce-Query-Options batchSize, clamped to 200–2000', async () => {
    const small = page(await q("SELECT Id FROM Account WHERE Description = 'bulk'", 'query', { 'Sforce-Query-Options': 'batchSize=500' }));
    expect(small.records).toHaveLength(500);
    expect(small.nextRecordsUrl).toMatch(/-500$/);
    const next = page(await h.api('GET', small.nextRecordsUrl ?? ''));
    expect(next.records).toHaveLength(500);
    expect(next.nextRecordsUrl).toMatch(/-1000$/);
    const tiny = page(await q("SELECT Id FROM Account WHERE Description = 'bulk'", 'query', { 'Sforce-Query-Options': 'batchSize=10' }));
    expect(tiny.records).toHaveLength(200);
  });

  it('refuses an unknown locator', async () => {
    const answer = await h.api('GET', `${DATA}/query/01gD0000002HU6KIAW-2000`);
    expect(answer.status).toBe(400);
    expect(first(answer.body).errorCode).toBe('INVALID_QUERY_LOCATOR');
  });
});

describe('SOQL evaluation', () => {
  it('filters with AND/OR/NOT, parentheses, IN, LIKE and NULL', async () => {
    for (const [LastName, Title, Email] of [['Ames', 'CEO', 'a@x.example'], ['Bose', 'CTO', null], ['Cruz', 'Intern', 'c@x.example'], ['Diaz', null, 'd@y.example']]) {
      h.emulator.insert('Contact', { LastName, Title, Email, Phone: 'soql-test' });
    }
    const names = async (where: string) => page(await q(`SELECT LastName FROM Contact WHERE Phone = 'soql-test' AND (${where}) ORDER BY LastName`)).records.map((r) => r.LastName);
    expect(await names("Title IN ('CEO', 'CTO')")).toEqual(['Ames', 'Bose']);
    // Unlike SQL, SOQL's != and NOT IN match a null field.
    expect(await names("Title NOT IN ('CEO', 'CTO')")).toEqual(['Cruz', 'Diaz']);
    expect(await names("Title != 'Intern'")).toEqual(['Ames', 'Bose', 'Diaz']);
    expect(await names('Email = null')).toEqual(['Bose']);
    expect(await names("Email LIKE '%@x.example'")).toEqual(['Ames', 'Cruz']);
    expect(await names("NOT (Title = 'CEO' OR Title = 'CTO') AND Email != null")).toEqual(['Cruz', 'Diaz']);
    expect(await names("Title = 'ceo' OR (Title = 'Intern' AND Email LIKE 'c%')")).toEqual(['Ames', 'Cruz']);
    expect(page(await q("SELECT COUNT() FROM Contact WHERE Phone = 'soql-test'"))).toEqual({ totalSize: 4, done: true, records: [] });
  });

  it('compares datetimes in Z and +0000 forms, and orders by SystemModstamp, Id totally', async () => {
    const a = h.emulator.insert('Lead', { LastName: 'T1', Company: 'Clock' });
    const b = h.emulator.insert('Lead', { LastName: 'T2', Company: 'Clock' });
    h.emulator.update('Lead', String(a.Id), { Title: 'touched' });
    const stamp = String(b.SystemModstamp);
    const zulu = stamp.replace('+0000', 'Z');
    for (const literal of [stamp, zulu]) {
      const rows = page(await q(`SELECT Id FROM Lead WHERE Company = 'Clock' AND SystemModstamp >= ${literal} ORDER BY SystemModstamp, Id`)).records;
      expect(rows.map((r) => r.Id)).toEqual([b.Id, a.Id]);
    }
    const after = page(await q(`SELECT Id FROM Lead WHERE Company = 'Clock' AND SystemModstamp > ${stamp}`)).records;
    expect(after.map((r) => r.Id)).toEqual([a.Id]);
    const quoted = await q(`SELECT Id FROM Lead WHERE SystemModstamp > '${stamp}'`);
    expect(first(quoted.body).errorCode).toBe('INVALID_FIELD');
  });

  it('selects parent fields and returns attributes', async () => {
    const account = h.emulator.insert('Account', { Name: 'Parent Co' });
    h.emulator.insert('Contact', { LastName: 'Child', AccountId: account.Id, Title: 'parent-test' });
    const [row] = page(await q("SELECT Id, Account.Name FROM Contact WHERE Title = 'parent-test'")).records;
    expect(row?.attributes).toEqual({ type: 'Contact', url: `${DATA}/sobjects/Contact/${String(row?.Id)}` });
    expect(row?.Account).toEqual({ attributes: { type: 'Account', url: `${DATA}/sobjects/Account/${String(account.Id)}` }, Name: 'Parent Co' });
  });

  it('refuses unknown fields and malformed queries', async () => {
    const unknown = await q('SELECT Id, Nickname FROM Contact');
    expect(unknown.status).toBe(400);
    expect(first(unknown.body).errorCode).toBe('INVALID_FIELD');
    expect(String(first(unknown.body).message)).toContain("No such column 'Nickname' on entity 'Contact'");
    const malformed = await q('SELECT FROM Contact');
    expect(malformed.status).toBe(400);
    expect(first(malformed.body).errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('deleted records', () => {
  it('query hides them, queryAll and getDeleted show them', async () => {
    const doomed = h.emulator.insert('Opportunity', { Name: 'Doomed', StageName: 'Prospecting', CloseDate: '2027-02-01' });
    const startIso = new Date(Date.now() - 60_000).toISOString();
    h.emulator.remove('Opportunity', String(doomed.Id));
    const soql = "SELECT Id, IsDeleted FROM Opportunity WHERE Name = 'Doomed'";
    expect(page(await q(soql)).totalSize).toBe(0);
    expect(page(await q(soql, 'queryAll')).records).toMatchObject([{ Id: doomed.Id, IsDeleted: true }]);

    const endIso = new Date(Date.now() + 60_000).toISOString();
    const answer = await h.api('GET', `${DATA}/sobjects/Opportunity/deleted/?start=${encodeURIComponent(startIso)}&end=${encodeURIComponent(endIso)}`);
    expect(answer.status).toBe(200);
    const body = asRecord(answer.body);
    expect(body.deletedRecords).toEqual([{ id: doomed.Id, deletedDate: h.emulator.records('Opportunity', { includeDeleted: true }).find((r) => r.Id === doomed.Id)?.SystemModstamp }]);
    expect(String(body.latestDateCovered)).toMatch(/:00\.000\+0000$/);

    const old = new Date(Date.now() - 16 * 86_400_000).toISOString();
    const tooOld = await h.api('GET', `${DATA}/sobjects/Opportunity/deleted/?start=${encodeURIComponent(old)}&end=${encodeURIComponent(endIso)}`);
    expect(tooOld.status).toBe(400);
    expect(first(tooOld.body).errorCode).toBe('INVALID_REPLICATION_DATE');
  });
});

describe('query cursors', () => {
  it('answer for two days, then INVALID_QUERY_LOCATOR', async () => {
    const h2 = await start();
    try {
      for (let i = 0; i < 250; i += 1) h2.emulator.insert('Account', { Name: `Cursor ${i}` });
      const first = await h2.api('GET', `${DATA}/query?q=${encodeURIComponent('SELECT Id FROM Account')}`, undefined, { 'Sforce-Query-Options': 'batchSize=200' });
      const next = (first.body as { nextRecordsUrl: string }).nextRecordsUrl;
      expect((await h2.api('GET', next)).status).toBe(200);
      h2.emulator.expireQueryCursors();
      const gone = await h2.api('GET', next);
      expect(gone.status).toBe(400);
      expect(gone.body).toEqual([{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]);
    } finally {
      await h2.emulator.close();
    }
  });
});
