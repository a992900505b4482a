import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRecord, DATA, start, type Harness } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.emulator.close());

type Entry = { body: unknown; httpHeaders: Record<string, string>; httpStatusCode: number; referenceId: string | null };
const entries = (body: unknown) => asRecord(body).compositeResponse as Entry[];

const query = (i: number) => ({ method: 'GET', url: `${DATA}/query?q=${encodeURIComponent('SELECT Id FROM Account LIMIT 1')}`, referenceId: `q${i}` });
const create = (i: number, name = `Composite ${i}`) => ({ method: 'POST', url: `${DATA}/sobjects/Account`, referenceId: `a${i}`, body: { Name: name } });
const named = (name: string) => h.emulator.records('Account').filter((r) => r.Name === name);

function refusal(body: unknown): { errorCode: string; message: string } {
  const list = entries(body);
  expect(list).toHaveLength(1);
  const [only] = list;
  expect(only).toMatchObject({ httpHeaders: {}, httpStatusCode: 400, referenceId: null });
  const errors = only?.body as Array<{ errorCode: string; message: string }>;
  expect(errors).toHaveLength(1);
  return errors[0] ?? { errorCode: '', message: '' };
}

describe('composite limits', () => {
  it('refuses a sixth Query, QueryAll, Query More or sObject Collections subrequest whole: HTTP 200, referenceId null, nothing run', async () => {
    const before = h.emulator.usage().used;
    const answer = await h.api('POST', `${DATA}/composite`, {
      compositeRequest: [create(0, 'Never created'), ...[1, 2, 3, 4, 5].map(query), { ...query(6), url: `${DATA}/queryAll?q=SELECT+Id+FROM+Account` }],
    });
    expect(answer.status).toBe(200);
    const error = refusal(answer.body);
    expect(error.errorCode).toBe('LIMIT_EXCEEDED');
    expect(error.message).toMatch(/5/);
    expect(named('Never created')).toEqual([]);
    expect(h.emulator.usage().used).toBe(before + 1);
  });

  it('counts sObject Collections and Query More (a nextRecordsUrl) among the five', async () => {
    const collection = { method: 'POST', url: `${DATA}/composite/sobjects`, referenceId: 'c', body: { records: [{ attributes: { type: 'Account' }, Name: 'Collected' }] } };
    const more = { method: 'GET', url: `${DATA}/query/01gD0000000000AAAA-2000`, referenceId: 'more' };
    const answer = await h.api('POST', `${DATA}/composite`, { compositeRequest: [collection, more, ...[1, 2, 3, 4].map(query)] });
    expect(refusal(answer.body).errorCode).toBe('LIMIT_EXCEEDED');
    expect(named('Collected')).toEqual([]);
  });

  it('runs exactly five queries and twenty writes', async () => {
    const answer = await h.api('POST', `${DATA}/composite`, {
      compositeRequest: [...[1, 2, 3, 4, 5].map(query), ...Array.from({ length: 20 }, (_, i) => create(i, 'Twenty'))],
    });
    expect(answer.status).toBe(200);
    expect(entries(answer.body).map((e) => e.httpStatusCode)).toEqual([...Array(5).fill(200), ...Array(20).fill(201)]);
    expect(named('Twenty')).toHaveLength(20);
  });

  it('refuses a 26th subrequest the same way, running none of them', async () => {
    const answer = await h.api('POST', `${DATA}/composite`, { compositeRequest: Array.from({ length: 26 }, (_, i) => create(i, 'Twenty-six')) });
    expect(answer.status).toBe(200);
    const error = refusal(answer.body);
    expect(error.errorCode).toBe('LIMIT_EXCEEDED');
    expect(error.message).toMatch(/25/);
    expect(named('Twenty-six')).toEqual([]);
  });
});

describe('composite allOrNone', () => {
  it('rolls every write back on a failure and answers 400 PROCESSING_HALTED for every other subrequest', async () => {
    const answer = await h.api('POST', `${DATA}/composite`, {
      allOrNone: true,
      compositeRequest: [create(1, 'Rolled back'), { method: 'POST', url: `${DATA}/sobjects/Account`, referenceId: 'bad', body: { Description: 'no name' } }, create(3, 'Rolled back')],
    });
    expect(answer.status).toBe(200);
    const [one, bad, three] = entries(answer.body);
    expect(bad).toMatchObject({ httpStatusCode: 400, referenceId: 'bad' });
    expect((bad?.body as Array<{ errorCode: string }>)[0]?.errorCode).toBe('REQUIRED_FIELD_MISSING');
    for (const [entry, ref] of [[one, 'a1'], [three, 'a3']] as const) {
      expect(entry).toMatchObject({ httpStatusCode: 400, referenceId: ref, body: [{ errorCode: 'PROCESSING_HALTED' }] });
    }
    expect(named('Rolled back')).toEqual([]);
  });

  it('without allOrNone, skips only the subrequests that depend on a failed one', async () => {
    const answer = await h.api('POST', `${DATA}/composite`, {
      allOrNone: false,
      compositeRequest: [
        { method: 'POST', url: `${DATA}/sobjects/Account`, referenceId: 'bad', body: { Description: 'no name' } },
        { method: 'POST', url: `${DATA}/sobjects/Contact`, referenceId: 'dependent', body: { LastName: 'Dependent', AccountId: '@{bad.id}' } },
        create(2, 'Independent'),
      ],
    });
    const [bad, dependent, independent] = entries(answer.body);
    expect(bad?.httpStatusCode).toBe(400);
    expect(dependent).toMatchObject({ httpStatusCode: 400, referenceId: 'dependent', body: [{ errorCode: 'PROCESSING_HALTED' }] });
    expect(independent).toMatchObject({ httpStatusCode: 201, referenceId: 'a2' });
    expect(h.emulator.records('Contact').filter((r) => r.LastName === 'Dependent')).toEqual([]);
    expect(named('Independent')).toHaveLength(1);
  });
});
