import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRecord, DATA, first, FIXTURES_DIR, fixture, HAVE_FIXTURES, read, shape, start, type Harness } from './test-support';

/**
 * The emulator's answers against recorded real Salesforce traffic (restforce spec fixtures, grouparoo
 * nock recordings) and the Postman collection's URL templates: same status codes, same keys, same
 * JSON types. Skipped when the shared fixtures are not beside the repo.
 */

type Recording = { method: string; path: string; status: number; requestBody: unknown; responseBody: unknown; responseHeaders?: Record<string, string> };
const RF = 'restforce-salesforce';
const recordings = (name: string) => fixture(`grouparoo-salesforce/${name}.json`) as Recording[];
const recorded = (list: Recording[], test: (r: Recording) => boolean): Recording => {
  const found = list.find(test);
  if (!found) throw new Error('recording not found');
  return found;
};
/** Keys of `expected` all present in `actual`, each with the same JSON type (null matches anything). */
function expectSameTypes(actual: unknown, expected: unknown, ignore: string[] = []): void {
  const a = shape(actual);
  for (const [key, type] of Object.entries(shape(expected))) {
    if (ignore.includes(key)) continue;
    expect(a, `key ${key}`).toHaveProperty(key);
    if (type !== 'null' && a[key] !== 'null') expect(`${key}:${a[key]}`).toBe(`${key}:${type}`);
  }
}

if (!HAVE_FIXTURES) console.warn(`Skipping the Salesforce fixture comparisons: no fixtures at ${FIXTURES_DIR} (set SIDECAR_SHARED_FIXTURES)`);

describe.skipIf(!HAVE_FIXTURES)(`against recorded Salesforce responses (${HAVE_FIXTURES ? FIXTURES_DIR : `SKIPPED: no fixtures at ${FIXTURES_DIR}; set SIDECAR_SHARED_FIXTURES`})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.emulator.close());

  it('OAuth: code grant, refresh grant and errors have the recorded shapes', async () => {
    const verifier = 'v'.repeat(50);
    const authorize = await fetch(`${h.emulator.url}/services/oauth2/authorize?${new URLSearchParams({
      response_type: 'code', client_id: 'sidecar-dev', redirect_uri: 'http://localhost/cb', code_challenge_method: 'S256',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    })}`, { redirect: 'manual' });
    const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const form = (params: Record<string, string>) => fetch(`${h.emulator.url}/services/oauth2/token`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params),
    }).then(read);
    const auth = await form({ grant_type: 'authorization_code', code, client_id: 'sidecar-dev', redirect_uri: 'http://localhost/cb', code_verifier: verifier });
    expect(auth.status).toBe(200);
    expectSameTypes(auth.body, fixture(`${RF}/auth_success_response.json`));
    expect(Object.keys(asRecord(auth.body)).sort()).toEqual(['access_token', 'id', 'instance_url', 'issued_at', 'refresh_token', 'scope', 'signature', 'token_type']);
    expect(String(asRecord(auth.body).issued_at)).toMatch(/^\d{13}$/);

    const refreshed = await form({ grant_type: 'refresh_token', refresh_token: String(asRecord(auth.body).refresh_token), client_id: 'sidecar-dev' });
    expectSameTypes(refreshed.body, fixture(`${RF}/refresh_success_response.json`));
    expect(asRecord(refreshed.body)).not.toHaveProperty('refresh_token');

    const refused = await form({ grant_type: 'refresh_token', refresh_token: 'stale', client_id: 'sidecar-dev' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(fixture(`${RF}/refresh_error_response.json`));
    expect(shape(refused.body)).toEqual(shape(fixture(`${RF}/auth_error_response.json`)));
  });

  it('expired session and error lists match', async () => {
    const expired = await fetch(`${h.emulator.url}${DATA}/limits`, { headers: { Authorization: 'Bearer expired' } }).then(read);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(fixture(`${RF}/expired_session_response.json`));
    expect((await h.api('GET', `${DATA}/sobjects/Whizbang/describe`)).body).toEqual(fixture(`${RF}/sobject/sobject_describe_error_response.json`));
    expect((await h.api('GET', `${DATA}/sobjects/Contact/23foo`)).body).toEqual(fixture(`${RF}/sobject/sobject_find_error_response.json`));
    const upsert = await h.api('PATCH', `${DATA}/sobjects/Contact/Namez/x`, { LastName: 'x' });
    expect(upsert.body).toEqual(fixture(`${RF}/sobject/upsert_error_response.json`));
    const write = await h.api('POST', `${DATA}/sobjects/Contact`, { foo: 1 });
    expect(write.body).toEqual((fixture(`${RF}/sobject/write_error_response.json`) as Array<{ message: string }>).map((e) => ({ ...e, message: e.message.replace('Bar', 'Contact') })));
    expect(shape(first((await h.api('GET', `${DATA}/query?q=SELECT+Nope+FROM+Contact`)).body))).toEqual(shape(first(fixture(`${RF}/sobject/query_error_response.json`))));
    expect((await h.api('DELETE', `${DATA}/composite/sobjects`)).body).toEqual(fixture(`${RF}/sobject/history/composite_sobjects_destroy_bad_request_response.json`));
  });

  it('create, upsert and upsert-with-several-matches have the recorded shapes', async () => {
    const created = await h.api('POST', `${DATA}/sobjects/Account`, { Name: 'Shape' });
    expect(created.status).toBe(201);
    expect(shape(created.body)).toEqual(shape(fixture(`${RF}/sobject/create_success_response.json`)));
    const upserted = await h.api('PATCH', `${DATA}/sobjects/Account/Sidecar_Id__c/SHAPE-1`, { Name: 'Shape' });
    expect(upserted.status).toBe(201);
    expectSameTypes(upserted.body, fixture(`${RF}/sobject/upsert_created_success_response.json`));
    h.emulator.insert('Account', { Name: 'M1', Legacy_Id__c: 'M' });
    h.emulator.insert('Account', { Name: 'M2', Legacy_Id__c: 'm' });
    const multiple = await h.api('PATCH', `${DATA}/sobjects/Account/Legacy_Id__c/M`, { Name: 'x' });
    expect(multiple.status).toBe(300);
    const example = fixture(`${RF}/sobject/upsert_multiple_error_response.json`) as string[];
    const form = (url: string) => url.replace(/v\d+\.\d/, 'vN').replace(/\/[^/]+\/[^/]+$/, '/T/ID');
    expect((multiple.body as string[]).map(form)).toEqual(example.map(form));
  });

  it('replays grouparoo collection calls: same statuses and bodies', async () => {
    const list = recordings('export-contacts_export-records-reference').concat(recordings('export-objects_export-records-lead'));
    const missingName = recorded(list, (r) => r.method === 'POST' && r.path.endsWith('/composite/sobjects') && JSON.stringify(r.responseBody).includes('REQUIRED_FIELD_MISSING'));
    const replay = await h.api('POST', `${DATA}/composite/sobjects`, missingName.requestBody);
    expect(replay.status).toBe(missingName.status);
    expect(replay.body).toEqual(missingName.responseBody);

    const createOk = recorded(list, (r) => r.method === 'POST' && r.path.endsWith('/composite/sobjects') && r.status === 200 && JSON.stringify(r.responseBody).includes('"success":true'));
    const ok = await h.api('POST', `${DATA}/composite/sobjects`, createOk.requestBody);
    expect(ok.status).toBe(createOk.status);
    expect((ok.body as unknown[]).map(shape)).toEqual((createOk.responseBody as unknown[]).map(shape));
    expect(ok.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/\d+$/);
    expect(createOk.responseHeaders?.['Sforce-Limit-Info']).toMatch(/^api-usage=\d+\/\d+$/);

    const converted = recorded(list, (r) => JSON.stringify(r.responseBody).includes('CANNOT_UPDATE_CONVERTED_LEAD'));
    const lead = h.emulator.insert('Lead', { LastName: 'Smith', Company: 'SmithCorp', IsConverted: true });
    const body = converted.requestBody as { records: Array<Record<string, unknown>> };
    const again = await h.api('PATCH', `${DATA}/composite/sobjects`, { ...body, records: body.records.map((r) => ({ ...r, id: lead.Id })) });
    expect(again.status).toBe(converted.status);
    expect(again.body).toEqual(converted.responseBody);

    const gone = recorded(list, (r) => r.method === 'GET' && r.status === 404);
    expect((await h.api('GET', `${DATA}/sobjects/Lead/${String(lead.Id).slice(0, 3)}000000000000AAA`)).body).toEqual(gone.responseBody);
    const emptyQuery = recorded(list, (r) => r.path.endsWith('/query') && r.status === 200);
    expect((await h.api('GET', `${DATA}/query?q=${encodeURIComponent("SELECT Id FROM Contact WHERE Email = 'nobody@example.com'")}`)).body).toEqual(emptyQuery.responseBody);
  });

  it('a record read has the recorded types for the fields both know', async () => {
    const list = recordings('export-contacts_export-records-reference');
    const contactRead = recorded(list, (r) => r.method === 'GET' && /\/sobjects\/Contact\/\w{18}$/.test(r.path) && r.status === 200);
    const account = h.emulator.insert('Account', { Name: 'Types' });
    const contact = h.emulator.insert('Contact', { LastName: 'Types', AccountId: account.Id });
    const ours = await h.api('GET', `${DATA}/sobjects/Contact/${String(contact.Id)}`);
    const theirs = asRecord(contactRead.responseBody);
    const common = Object.fromEntries(Object.entries(theirs).filter(([key]) => key in asRecord(ours.body)));
    expect(Object.keys(common).length).toBeGreaterThan(10);
    expectSameTypes(ours.body, common);
  });

  it('query pages have the recorded key sets', async () => {
    for (let i = 0; i < 201; i++) h.emulator.insert('Lead', { LastName: `Page ${i}`, Company: 'Pages' });
    const firstPage = await h.api('GET', `${DATA}/query?q=${encodeURIComponent("SELECT Id FROM Lead WHERE Company = 'Pages'")}`, undefined, { 'Sforce-Query-Options': 'batchSize=200' });
    expect(Object.keys(asRecord(firstPage.body)).sort()).toEqual(Object.keys(asRecord(fixture(`${RF}/sobject/query_paginated_first_page_response.json`))).sort());
    const next = String(asRecord(firstPage.body).nextRecordsUrl);
    expect(next.replace(/v\d+\.\d/, 'vN')).toMatch(/^\/services\/data\/vN\/query\/\w+-200$/);
    const lastPage = await h.api('GET', next);
    expect(Object.keys(asRecord(lastPage.body)).sort()).toEqual(Object.keys(asRecord(fixture(`${RF}/sobject/query_paginated_last_page_response.json`))).sort());
    const record = (asRecord(lastPage.body).records as unknown[])[0];
    expect(shape(asRecord(record).attributes)).toEqual(shape(asRecord((asRecord(fixture(`${RF}/sobject/query_success_response.json`)).records as unknown[])[0]).attributes));
  });

  it('describe has the recorded top-level and field keys, and Lead Status values', async () => {
    const recordedDescribe = asRecord(recorded(recordings('export-objects_export-records-lead'), (r) => r.path.endsWith('/Lead/describe')).responseBody);
    const ours = asRecord((await h.api('GET', `${DATA}/sobjects/Lead/describe`)).body);
    expect(Object.keys(ours)).toEqual(expect.arrayContaining(Object.keys(recordedDescribe)));
    expect(Object.keys(ours)).toEqual(expect.arrayContaining(Object.keys(asRecord(fixture(`${RF}/sobject/sobject_describe_success_response.json`)))));
    const field = (d: Record<string, unknown>, name: string) => asRecord((d.fields as unknown[]).find((f) => asRecord(f).name === name));
    for (const name of ['Id', 'LastName', 'Email', 'Status', 'OwnerId', 'IsConverted', 'CreatedDate']) {
      expectSameTypes(field(ours, name), field(recordedDescribe, name));
      for (const key of ['type', 'soapType', 'nillable', 'createable', 'updateable', 'defaultedOnCreate', 'externalId', 'unique']) {
        expect(`${name}.${key}=${String(field(ours, name)[key])}`).toBe(`${name}.${key}=${String(field(recordedDescribe, name)[key])}`);
      }
    }
    expect(field(ours, 'Status').picklistValues).toEqual(field(recordedDescribe, 'Status').picklistValues);
  });

  it('get-deleted and services/data have the recorded shapes', async () => {
    const lead = h.emulator.insert('Lead', { LastName: 'Del', Company: 'Del' });
    h.emulator.remove('Lead', String(lead.Id));
    const start = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    const end = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    const ours = asRecord((await h.api('GET', `${DATA}/sobjects/Lead/deleted/?start=${start}&end=${end}`)).body);
    const theirs = asRecord(fixture(`${RF}/sobject/get_deleted_success_response.json`));
    expect(shape(ours)).toEqual(shape(theirs));
    const dateForm = (s: unknown) => String(s).replace(/\d/g, '9');
    expect(shape((ours.deletedRecords as unknown[])[0])).toEqual(shape((theirs.deletedRecords as unknown[])[0]));
    expect(dateForm(asRecord((ours.deletedRecords as unknown[])[0]).deletedDate)).toBe(dateForm(asRecord((theirs.deletedRecords as unknown[])[0]).deletedDate));
    expect(dateForm(ours.latestDateCovered)).toBe(dateForm(theirs.latestDateCovered));
    const versions = (await h.api('GET', '/services/data')).body as unknown[];
    expect(versions.map(shape)).toContainEqual(shape((fixture(`${RF}/services_data_success_response.json`) as unknown[])[0]));
  });

  it('serves the Postman collection URL templates Sidecar relies on', async () => {
    const account = h.emulator.insert('Account', { Name: 'Postman', Sidecar_Id__c: 'PM-1' });
    const note = h.emulator.insert('ContentNote', { Title: 'n', Content: Buffer.from('hello').toString('base64') });
    const dir = 'salesforce-postman/exploded-2021-01/collections/salesforce_apis';
    const cases: Array<[string, Record<string, string>, unknown?]> = [
      ['rest/versions.json', {}], ['rest/resources_by_version.json', {}], ['rest/limit.json', {}], ['rest/describe_global.json', {}],
      ['rest/sobject_basic_information.json', { SOBJECT_API_NAME: 'Account' }], ['rest/sobject_describe.json', { SOBJECT_API_NAME: 'Account' }],
      ['rest/sobject_rows.json', { SOBJECT_API_NAME: 'Account', RECORD_ID: String(account.Id) }],
      ['rest/sobject_rows_by_external_id.json', { SOBJECT_API_NAME: 'Account', FIELD_NAME: 'Sidecar_Id__c', FIELD_VALUE: 'PM-1' }],
      ['rest/sobject_blob_retrieve.json', { SOBJECT_API_NAME: 'ContentNote', RECORD_ID: String(note.Id), BLOB_FIELD: 'Content' }],
      ['rest/query.json', {}], ['rest/queryall.json', {}],
    ];
    for (const [file, vars] of cases) {
      const template = asRecord(fixture(`${dir}/${file}`));
      const url = String(template.url).replace('{{_endpoint}}', '').replace('v{{version}}', 'v62.0')
        .replace(/<([A-Z_]+)>/g, (_m, name: string) => vars[name] ?? name).replace(/start=&end=/, '');
      const answer = await h.api(String(template.method), url.replace(/ /g, '+'));
      expect(`${file} ${answer.status}`).toBe(`${file} 200`);
    }
  });
});
