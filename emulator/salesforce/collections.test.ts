import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asRecord, DATA, first, start, type Harness } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.emulator.close());
beforeEach(() => h.emulator.faults.reset());

type Result = { id?: string; success: boolean; errors: Array<{ statusCode: string; message: string; fields: string[]; duplicateResult?: unknown }>; created?: boolean };
const results = (body: unknown) => body as Result[];
const contact = (sid: string, fields: Record<string, unknown> = {}) => ({ attributes: { type: 'Contact' }, Sidecar_Id__c: sid, LastName: `L-${sid}`, ...fields });
const UPSERT = `${DATA}/composite/sobjects/Contact/Sidecar_Id__c`;

describe('upsert collection', () => {
  it('answers per record in input order, with partial errors', async () => {
    h.emulator.insert('Contact', { LastName: 'Existing', Sidecar_Id__c: 'SID-EXISTING' });
    const answer = await h.api('PATCH', UPSERT, {
      allOrNone: false,
      records: [contact('SID-NEW-1'), contact('SID-EXISTING', { Title: 'VP' }), contact('SID-BAD', { LastName: null }), contact('SID-NEW-2', { Email: 'not-an-email' })],
    });
    expect(answer.status).toBe(200);
    const [created, updated, missing, badEmail] = results(answer.body);
    expect(created).toMatchObject({ success: true, created: true, errors: [] });
    expect(updated).toMatchObject({ success: true, created: false, errors: [] });
    expect(missing).toEqual({ success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] }] });
    expect(badEmail?.errors[0]).toMatchObject({ statusCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'] });
    expect(h.emulator.records('Contact').filter((r) => String(r.Sidecar_Id__c).startsWith('SID-')).map((r) => r.Sidecar_Id__c).sort())
      .toEqual(['SID-EXISTING', 'SID-NEW-1']);
    expect(h.emulator.records('Contact').find((r) => r.Sidecar_Id__c === 'SID-EXISTING')?.Title).toBe('VP');
  });

  it('is idempotent: sending the same batch twice leaves one record per external id', async () => {
    const batch = { allOrNone: false, records: [contact('IDEM-1'), contact('IDEM-2')] };
    const one = results((await h.api('PATCH', UPSERT, batch)).body);
    const two = results((await h.api('PATCH', UPSERT, batch)).body);
    expect(one.map((r) => r.created)).toEqual([true, true]);
    expect(two.map((r) => r.created)).toEqual([false, false]);
    expect(two.map((r) => r.id)).toEqual(one.map((r) => r.id));
    expect(h.emulator.records('Contact').filter((r) => String(r.Sidecar_Id__c).startsWith('IDEM-'))).toHaveLength(2);
  });

  it('fails both records that carry the same external id in one batch', async () => {
    const answer = results((await h.api('PATCH', UPSERT, { allOrNone: false, records: [contact('TWIN'), contact('TWIN'), contact('SOLO')] })).body);
    expect(answer.map((r) => r.success)).toEqual([false, false, true]);
    expect(answer[0]?.errors[0]?.statusCode).toBe('DUPLICATE_EXTERNAL_ID');
  });

  it('caps a call at 200 records', async () => {
    const ok = await h.api('PATCH', UPSERT, { allOrNone: false, records: Array.from({ length: 200 }, (_, i) => contact(`CAP-${i}`)) });
    expect(ok.status).toBe(200);
    expect(results(ok.body)).toHaveLength(200);
    const over = await h.api('PATCH', UPSERT, { allOrNone: false, records: Array.from({ length: 201 }, (_, i) => contact(`OVER-${i}`)) });
    expect(over.status).toBe(400);
    expect(over.body).toEqual([{ message: 'record limit reached. cannot submit more than 200 records into this call', errorCode: 'EXCEEDED_ID_LIMIT' }]);
    expect(h.emulator.records('Contact').some((r) => String(r.Sidecar_Id__c).startsWith('OVER-'))).toBe(false);
  });

  it('allOrNone: one failure writes nothing, and the others are rolled back', async () => {
    h.emulator.insert('Contact', { LastName: 'Before', Sidecar_Id__c: 'AON-EXISTING' });
    const answer = results((await h.api('PATCH', UPSERT, {
      allOrNone: true, records: [contact('AON-1'), contact('AON-EXISTING', { LastName: 'After' }), contact('AON-BAD', { AccountId: 'garbage' })],
    })).body);
    expect(answer.map((r) => r.success)).toEqual([false, false, false]);
    expect(answer[0]?.errors[0]?.statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(answer[1]?.errors[0]?.statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(answer[2]?.errors[0]?.statusCode).toBe('MALFORMED_ID');
    expect(h.emulator.records('Contact').some((r) => r.Sidecar_Id__c === 'AON-1')).toBe(false);
    expect(h.emulator.records('Contact').find((r) => r.Sidecar_Id__c === 'AON-EXISTING')?.LastName).toBe('Before');
  });

  it('refuses the whole call for an unknown field', async () => {
    const answer = await h.api('PATCH', UPSERT, { allOrNone: false, records: [contact('UF-1'), contact('UF-2', { Nickname__c: 'x' })] });
    expect(answer.status).toBe(400);
    expect(first(answer.body)).toMatchObject({ errorCode: 'INVALID_FIELD' });
    expect(h.emulator.records('Contact').some((r) => r.Sidecar_Id__c === 'UF-1')).toBe(false);
  });
});

describe('duplicate rule', () => {
  it('blocks a create matching an existing record, naming it in duplicateResult', async () => {
    const existing = h.emulator.insert('Lead', { LastName: 'Dupe', Company: 'D', Email: 'Dupe@Example.com' });
    h.emulator.faults.duplicateRule('Lead', 'Email');
    const answer = results((await h.api('PATCH', `${DATA}/composite/sobjects/Lead/Sidecar_Id__c`, {
      allOrNone: false, records: [{ attributes: { type: 'Lead' }, Sidecar_Id__c: 'DUP-1', LastName: 'Dupe', Company: 'D', Email: 'dupe@example.com' }],
    })).body);
    const error = answer[0]?.errors[0];
    expect(error).toMatchObject({ statusCode: 'DUPLICATES_DETECTED', message: 'Use one of these records?', fields: [] });
    const matchRecords = (error?.duplicateResult as { matchResults: Array<{ matchRecords: Array<{ record: { Id: string } }> }> }).matchResults[0]?.matchRecords;
    expect(matchRecords?.map((m) => m.record.Id)).toEqual([existing.Id]);

    const single = await h.api('POST', `${DATA}/sobjects/Lead`, { LastName: 'Dupe', Company: 'D', Email: 'DUPE@example.com' });
    expect(single.status).toBe(400);
    expect(first(single.body)).toMatchObject({ errorCode: 'DUPLICATES_DETECTED' });

    h.emulator.faults.duplicateRule('Lead', null);
    expect((await h.api('POST', `${DATA}/sobjects/Lead`, { LastName: 'Dupe', Company: 'D', Email: 'DUPE@example.com' })).status).toBe(201);
  });
});

describe('create, update and delete collections', () => {
  it('creates mixed types and reports each record', async () => {
    const account = h.emulator.insert('Account', { Name: 'Col Co' });
    const task = h.emulator.insert('Task', { Subject: 'Shared', WhatId: account.Id });
    const c = h.emulator.insert('Contact', { LastName: 'Rel' });
    const answer = results((await h.api('POST', `${DATA}/composite/sobjects`, {
      allOrNone: false,
      records: [
        { attributes: { type: 'TaskRelation' }, TaskId: task.Id, RelationId: c.Id },
        { attributes: { type: 'Account' } },
      ],
    })).body);
    expect(answer[0]).toMatchObject({ success: true, errors: [] });
    expect(answer[0]?.id).toMatch(/^0RT/);
    expect(answer[0]).not.toHaveProperty('created');
    expect(answer[1]).toEqual({ success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] }] });
  });

  it('updates by id and deletes by ids', async () => {
    const a = h.emulator.insert('Account', { Name: 'Upd A' });
    const updated = results((await h.api('PATCH', `${DATA}/composite/sobjects`, {
      allOrNone: false, records: [{ attributes: { type: 'Account' }, id: a.Id, Name: 'Upd A2' }, { attributes: { type: 'Account' }, id: '001000000000000AAA', Name: 'x' }],
    })).body);
    expect(updated.map((r) => r.success)).toEqual([true, false]);
    expect(h.emulator.records('Account').find((r) => r.Id === a.Id)?.Name).toBe('Upd A2');
    const removed = results((await h.api('DELETE', `${DATA}/composite/sobjects?ids=${String(a.Id)}&allOrNone=false`)).body);
    expect(removed).toEqual([{ id: a.Id, success: true, errors: [] }]);
  });
});

describe('composite', () => {
  it('runs up to 25 queries as one API request', async () => {
    h.emulator.insert('Contact', { LastName: 'Composite', Email: 'composite@example.com' });
    const before = h.emulator.usage().used;
    const answer = await h.api('POST', `${DATA}/composite`, {
      allOrNone: false,
      compositeRequest: [
        { method: 'GET', url: `${DATA}/query?q=${encodeURIComponent("SELECT Id FROM Contact WHERE Email = 'composite@example.com'")}`, referenceId: 'q0' },
        { method: 'GET', url: `${DATA}/query?q=${encodeURIComponent('SELECT Id, Bogus FROM Contact')}`, referenceId: 'q1' },
      ],
    });
    expect(answer.status).toBe(200);
    const [ok, bad] = asRecord(answer.body).compositeResponse as Array<{ body: unknown; httpStatusCode: number; referenceId: string }>;
    expect(ok).toMatchObject({ httpStatusCode: 200, referenceId: 'q0', body: { totalSize: 1, done: true } });
    expect(bad?.httpStatusCode).toBe(400);
    expect(first(bad?.body).errorCode).toBe('INVALID_FIELD');
    expect(h.emulator.usage().used).toBe(before + 1);
  });
});
