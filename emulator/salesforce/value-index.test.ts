import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA, start, type Harness } from './test-support';

/** Upserts and uniqueness find records through value indexes: they must follow every write. */
let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.emulator.close());

describe('value indexes', () => {
  it('follow an update of the External ID, a delete, and a rolled-back allOrNone call', async () => {
    const created = await h.api('PATCH', `${DATA}/sobjects/Account/Sidecar_Id__c/01JAAAAAAAAAAAAAAAAAAAAAAA`, { Name: 'First' });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    await h.api('PATCH', `${DATA}/sobjects/Account/${id}`, { Sidecar_Id__c: '01JBBBBBBBBBBBBBBBBBBBBBBB' });
    // The old value no longer finds it (a new record), the new one does (an update).
    expect((await h.api('PATCH', `${DATA}/sobjects/Account/Sidecar_Id__c/01JAAAAAAAAAAAAAAAAAAAAAAA`, { Name: 'Second' })).status).toBe(201);
    expect((await h.api('PATCH', `${DATA}/sobjects/Account/Sidecar_Id__c/01JBBBBBBBBBBBBBBBBBBBBBBB`, { Name: 'Renamed' })).status).toBe(200);
    expect(h.emulator.records('Account').map((r) => r.Name).sort()).toEqual(['Renamed', 'Second']);

    await h.api('DELETE', `${DATA}/sobjects/Account/${id}`);
    expect((await h.api('PATCH', `${DATA}/sobjects/Account/Sidecar_Id__c/01JBBBBBBBBBBBBBBBBBBBBBBB`, { Name: 'Back' })).status).toBe(201);

    // A failed allOrNone call puts the org back; the index must not keep what was rolled back.
    const rolled = await h.api('PATCH', `${DATA}/composite/sobjects/Account/Sidecar_Id__c`, {
      allOrNone: true,
      records: [
        { attributes: { type: 'Account' }, Sidecar_Id__c: '01JCCCCCCCCCCCCCCCCCCCCCCC', Name: 'Rolled back' },
        { attributes: { type: 'Account' }, Sidecar_Id__c: '01JDDDDDDDDDDDDDDDDDDDDDDD' },
      ],
    });
    expect((rolled.body as Array<{ success: boolean }>).every((r) => !r.success)).toBe(true);
    expect((await h.api('PATCH', `${DATA}/sobjects/Account/Sidecar_Id__c/01JCCCCCCCCCCCCCCCCCCCCCCC`, { Name: 'Now' })).status).toBe(201);
  });
});
