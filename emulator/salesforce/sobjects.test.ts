import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asRecord, DATA, first, start, type Harness } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.emulator.close());
beforeEach(() => h.emulator.faults.reset());

describe('single records', () => {
  it('creates, reads, updates (bumping SystemModstamp) and soft-deletes', async () => {
    const created = await h.api('POST', `${DATA}/sobjects/Contact`, { LastName: 'Ng', FirstName: 'Ana', Email: 'ana@ng.example' });
    expect(created.status).toBe(201);
    const { id } = asRecord(created.body);
    expect(id).toMatch(/^003[a-zA-Z0-9]{15}$/);
    expect(created.headers.get('location')).toBe(`${DATA}/sobjects/Contact/${String(id)}`);

    const read = asRecord((await h.api('GET', `${DATA}/sobjects/Contact/${String(id)}`)).body);
    expect(read).toMatchObject({ attributes: { type: 'Contact', url: `${DATA}/sobjects/Contact/${String(id)}` }, Name: 'Ana Ng', IsDeleted: false });
    expect(read.OwnerId).toBe(h.emulator.records('User')[0]?.Id);
    expect(read.SystemModstamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);

    const patched = await h.api('PATCH', `${DATA}/sobjects/Contact/${String(id)}`, { Title: 'CTO' });
    expect(patched.status).toBe(204);
    const after = h.emulator.records('Contact').find((r) => r.Id === id);
    expect(after?.Title).toBe('CTO');
    expect(String(after?.SystemModstamp) > String(read.SystemModstamp)).toBe(true);

    const some = asRecord((await h.api('GET', `${DATA}/sobjects/Contact/${String(id)}?fields=Title,Email`)).body);
    expect(Object.keys(some).sort()).toEqual(['Email', 'Id', 'Title', 'attributes']);

    expect((await h.api('DELETE', `${DATA}/sobjects/Contact/${String(id)}`)).status).toBe(204);
    const gone = await h.api('GET', `${DATA}/sobjects/Contact/${String(id)}`);
    expect(gone.status).toBe(404);
    const again = await h.api('DELETE', `${DATA}/sobjects/Contact/${String(id)}`);
    expect(first(again.body).errorCode).toBe('ENTITY_IS_DELETED');
    expect(h.emulator.records('Contact', { includeDeleted: true }).find((r) => r.Id === id)?.IsDeleted).toBe(true);
  });

  it('answers unknown ids and unknown objects with NOT_FOUND', async () => {
    const missing = await h.api('GET', `${DATA}/sobjects/Contact/003000000000000AAA`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
    const notAnId = await h.api('GET', `${DATA}/sobjects/Contact/23foo`);
    expect(first(notAnId.body).message).toBe('Provided external ID field does not exist or is not accessible: 23foo');
    expect((await h.api('POST', `${DATA}/sobjects/Widget__c`, { Name: 'x' })).status).toBe(404);
  });
});

describe('write validation', () => {
  it('refuses an unknown field', async () => {
    const answer = await h.api('POST', `${DATA}/sobjects/Contact`, { LastName: 'A', Shoe_Size__c: 44 });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([{ message: "No such column 'Shoe_Size__c' on sobject of type Contact", errorCode: 'INVALID_FIELD' }]);
  });

  it('lists missing required fields', async () => {
    const answer = await h.api('POST', `${DATA}/sobjects/Lead`, { FirstName: 'Only' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([{ message: 'Required fields are missing: [LastName, Company]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName', 'Company'] }]);
  });

  it('refuses read-only fields', async () => {
    const answer = await h.api('POST', `${DATA}/sobjects/Opportunity`, { Name: 'Deal', StageName: 'Prospecting', CloseDate: '2027-01-31', IsClosed: true });
    expect(first(answer.body)).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['IsClosed'] });
  });

  it('derives opportunity fields from the stage', async () => {
    const answer = await h.api('POST', `${DATA}/sobjects/Opportunity`, { Name: 'Won deal', StageName: 'Closed Won', CloseDate: '2027-01-31', Amount: 1200 });
    const record = h.emulator.records('Opportunity').find((r) => r.Id === asRecord(answer.body).id);
    expect(record).toMatchObject({ IsClosed: true, IsWon: true, ForecastCategoryName: 'Closed', Probability: 100 });
  });

  it('checks reference ids like Salesforce: malformed, wrong object, missing', async () => {
    const malformed = await h.api('POST', `${DATA}/sobjects/Contact`, { LastName: 'R', AccountId: 'nope' });
    expect(first(malformed.body)).toMatchObject({ errorCode: 'MALFORMED_ID', fields: ['AccountId'] });
    const lead = h.emulator.insert('Lead', { LastName: 'L', Company: 'C' });
    const wrongType = await h.api('POST', `${DATA}/sobjects/Contact`, { LastName: 'R', AccountId: lead.Id });
    expect(first(wrongType.body)).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['AccountId'] });
    const missing = await h.api('POST', `${DATA}/sobjects/Contact`, { LastName: 'R', AccountId: '001000000000000AAA' });
    expect(first(missing.body).errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
  });

  it('refuses a task about a lead that is also related to a record', async () => {
    const lead = h.emulator.insert('Lead', { LastName: 'Lee', Company: 'Lee Ltd' });
    const account = h.emulator.insert('Account', { Name: 'Acme' });
    const answer = await h.api('POST', `${DATA}/sobjects/Task`, { Subject: 'Call', WhoId: lead.Id, WhatId: account.Id });
    expect(answer.status).toBe(400);
    expect(first(answer.body)).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['WhatId'] });
    const contact = h.emulator.insert('Contact', { LastName: 'Cole', AccountId: account.Id });
    const fine = await h.api('POST', `${DATA}/sobjects/Task`, { Subject: 'Call', TaskSubtype: 'Call', WhoId: contact.Id, WhatId: account.Id });
    expect(fine.status).toBe(201);
    expect(h.emulator.records('Task').find((t) => t.Id === asRecord(fine.body).id)).toMatchObject({ Status: 'Not Started', TaskSubtype: 'Call' });
  });

  it('enforces a restricted picklist and shows it in describe', async () => {
    h.emulator.faults.restrictPicklist('Lead', 'Status', ['Open', 'Qualified']);
    const refused = await h.api('POST', `${DATA}/sobjects/Lead`, { LastName: 'P', Company: 'Q', Status: 'Working - Contacted' });
    expect(first(refused.body)).toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Status'] });
    expect((await h.api('POST', `${DATA}/sobjects/Lead`, { LastName: 'P', Company: 'Q', Status: 'Qualified' })).status).toBe(201);
    const describe = asRecord((await h.api('GET', `${DATA}/sobjects/Lead/describe`)).body);
    const status = (describe.fields as Array<Record<string, unknown>>).find((f) => f.name === 'Status');
    expect(status?.restrictedPicklist).toBe(true);
    expect((status?.picklistValues as Array<{ value: string }>).map((v) => v.value)).toEqual(['Open', 'Qualified']);
  });

  it('describes the Sidecar external id field', async () => {
    const describe = asRecord((await h.api('GET', `${DATA}/sobjects/Contact/describe`)).body);
    const fields = describe.fields as Array<Record<string, unknown>>;
    expect(fields.find((f) => f.name === 'Sidecar_Id__c')).toMatchObject({ externalId: true, unique: true, caseSensitive: true, custom: true, length: 26 });
    expect(fields.find((f) => f.name === 'LinkedIn_URL__c')).toMatchObject({ type: 'url' });
    expect(fields.find((f) => f.name === 'LastName')).toMatchObject({ nillable: false, createable: true, defaultedOnCreate: false });
  });
});

describe('upsert by external id', () => {
  it('creates once, then updates: the same id twice is one record', async () => {
    const path = `${DATA}/sobjects/Contact/Sidecar_Id__c/01JDEMO0000000000000000001`;
    const one = await h.api('PATCH', path, { LastName: 'Once' });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ success: true, errors: [], created: true });
    const two = await h.api('PATCH', path, { LastName: 'Twice' });
    expect(two.status).toBe(200);
    expect(two.body).toEqual({ id: asRecord(one.body).id, success: true, errors: [], created: false });
    const matching = h.emulator.records('Contact').filter((r) => r.Sidecar_Id__c === '01JDEMO0000000000000000001');
    expect(matching.map((r) => r.LastName)).toEqual(['Twice']);
  });

  it('treats Sidecar_Id__c case-sensitively', async () => {
    await h.api('PATCH', `${DATA}/sobjects/Account/Sidecar_Id__c/01JCASEaaaaaaaaaaaaaaaaaaa`, { Name: 'Lower' });
    const upper = await h.api('PATCH', `${DATA}/sobjects/Account/Sidecar_Id__c/01JCASEAAAAAAAAAAAAAAAAAAA`, { Name: 'Upper' });
    expect(upper.status).toBe(201);
  });

  it('answers 300 with the record URLs when a non-unique field matches several', async () => {
    const a = h.emulator.insert('Contact', { LastName: 'Dup1', Legacy_Id__c: 'LEG-7' });
    const b = h.emulator.insert('Contact', { LastName: 'Dup2', Legacy_Id__c: 'leg-7' });
    const answer = await h.api('PATCH', `${DATA}/sobjects/Contact/Legacy_Id__c/LEG-7`, { Title: 'x' });
    expect(answer.status).toBe(300);
    expect(answer.body).toEqual([`${DATA}/sobjects/Contact/${String(a.Id)}`, `${DATA}/sobjects/Contact/${String(b.Id)}`]);
  });

  it('refuses a field that is not an external id', async () => {
    const answer = await h.api('PATCH', `${DATA}/sobjects/Contact/Email/a@b.example`, { LastName: 'x' });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual([{ message: 'Provided external ID field does not exist or is not accessible: Email', errorCode: 'NOT_FOUND' }]);
  });
});

describe('without shared activities', () => {
  it('has no TaskRelation object', async () => {
    const plain = await start({ sharedActivities: false });
    try {
      expect((await plain.api('GET', `${DATA}/sobjects/TaskRelation/describe`)).status).toBe(404);
      const query = await plain.api('GET', `${DATA}/query?q=${encodeURIComponent('SELECT Id FROM TaskRelation')}`);
      expect(first(query.body).errorCode).toBe('INVALID_TYPE');
    } finally {
      await plain.emulator.close();
    }
    expect((await h.api('GET', `${DATA}/sobjects/TaskRelation/describe`)).status).toBe(200);
  });
});
