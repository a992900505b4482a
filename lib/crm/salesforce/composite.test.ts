import { describe, expect, it } from 'vitest';
import { packComposite, readAnswers, type SubRequest } from './composite';
import { IncompleteAnswerError, RetryableError, WholeCallRefusedError } from './errors';

const query = (n: number): SubRequest => ({ kind: 'query', soql: `SELECT Id FROM Contact WHERE Email = 'p${n}@x.example'` });
const describeOf = (sobject: string): SubRequest => ({ kind: 'describe', sobject });

describe('packComposite', () => {
  it('puts at most 5 queries and 25 sub-requests in a call, describes filling the room', () => {
    const subs = [...['Account', 'Contact', 'Lead', 'Opportunity', 'Task'].map(describeOf), ...Array.from({ length: 12 }, (_, i) => query(i))];
    const calls = packComposite(subs);
    expect(calls.map((c) => c.length)).toEqual([10, 5, 2]);
    for (const call of calls) expect(call.filter((s) => s.kind === 'query').length).toBeLessThanOrEqual(5);
    expect(calls.flat()).toEqual(subs);
  });

  it('splits a call of describes alone at 25', () => {
    const calls = packComposite(Array.from({ length: 30 }, (_, i) => describeOf(`Object${i}__c`)));
    expect(calls.map((c) => c.length)).toEqual([25, 5]);
  });
});

describe('readAnswers', () => {
  const subs = [describeOf('Contact'), query(1)];

  it('reads an entry with a null referenceId as a refusal of the whole call, naming the limit', () => {
    const refused = () => readAnswers(subs, [{
      referenceId: null, httpStatusCode: 400,
      body: [{ errorCode: 'LIMIT_EXCEEDED', message: 'Limit Exceeded: You can have up to 5 query, queryAll or sObject Collections operations' }],
    }]);
    expect(refused).toThrow(WholeCallRefusedError);
    try {
      refused();
    } catch (error) {
      expect(error).toMatchObject({ errorCode: 'LIMIT_EXCEEDED', limit: 'at most 5 queries in one Composite call' });
    }
  });

  it('reads a sub-request with no entry as an incomplete answer (tried again later), never as empty', () => {
    expect(() => readAnswers(subs, [{ referenceId: 'r0', httpStatusCode: 304, body: null }])).toThrow(IncompleteAnswerError);
  });

  it('reads a sub-request the org could not serve now (503, 429, a query timeout) as worth a retry, not a refusal', () => {
    for (const entry of [
      { referenceId: 'r1', httpStatusCode: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'down' }] },
      { referenceId: 'r1', httpStatusCode: 429, body: null },
      { referenceId: 'r1', httpStatusCode: 400, body: [{ errorCode: 'QUERY_TIMEOUT', message: 'Your query request was running for too long.' }] },
    ]) {
      expect(() => readAnswers(subs, [{ referenceId: 'r0', httpStatusCode: 304, body: null }, entry])).toThrow(RetryableError);
    }
  });

  it('keeps a cached describe on 304 and gives a refused query its own error', () => {
    const answers = readAnswers(subs, [
      { referenceId: 'r1', httpStatusCode: 400, body: [{ errorCode: 'MALFORMED_QUERY', message: 'bad' }] },
      { referenceId: 'r0', httpStatusCode: 304, body: null },
    ]);
    expect(answers[0]).toEqual({ kind: 'not-modified' });
    expect(answers[1]).toMatchObject({ kind: 'refused', error: { errorCode: 'MALFORMED_QUERY', status: 400 } });
  });
});
