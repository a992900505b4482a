import { describe, expect, it } from 'vitest';
import { SOQL_MAX_LENGTH } from '../crm/salesforce/config';
import { packQueries, soqlString } from './soql';

describe('packQueries', () => {
  const head = 'SELECT Id, Email FROM Contact WHERE Email IN (';
  const emails = Array.from({ length: 12_000 }, (_, i) => `person.${String(i).padStart(5, '0')}@account-${String(i % 2400).padStart(5, '0')}.example`);

  it('fills each statement up to SOQL\'s 100,000 characters and loses no value', () => {
    const queries = packQueries(head, emails, soqlString, ', ', ')');
    for (const q of queries) expect(q.length).toBeLessThanOrEqual(SOQL_MAX_LENGTH);
    // 12,000 addresses of about 40 characters quoted: 6 statements, not 12 of 1,000 values each.
    expect(queries.length).toBe(Math.ceil(emails.reduce((n, e) => n + soqlString(e).length + 2, 0) / (SOQL_MAX_LENGTH - 2_000 - head.length)));
    const found = queries.flatMap((q) => [...q.matchAll(/'([^']+)'/g)].map((m) => m[1]));
    expect(found).toEqual(emails);
  });

  it('leaves out a value longer than a WHERE string may be (4,000 characters)', () => {
    const queries = packQueries(head, ['a@x.example', 'x'.repeat(4_001), 'b@x.example'], soqlString, ', ', ')');
    expect(queries).toEqual([`${head}'a@x.example', 'b@x.example')`]);
  });

  it('makes no statement from nothing', () => {
    expect(packQueries(head, [], soqlString, ', ', ')')).toEqual([]);
  });
});

describe('packQueries with a cap on values', () => {
  it('puts at most that many values in a statement', () => {
    const domains = Array.from({ length: 1_200 }, (_, i) => `d${i}.example`);
    const queries = packQueries('SELECT Id FROM Account WHERE ', domains, (d) => `Website LIKE ${soqlString(`%${d}%`)}`, ' OR ', '', { maxValues: 500 });
    expect(queries.map((q) => q.split(' OR ').length)).toEqual([500, 500, 200]);
  });
});
