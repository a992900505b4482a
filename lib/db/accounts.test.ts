import { beforeEach, describe, expect, it } from 'vitest';
import { captureAccount, createAccount, deleteAccount, findAccountsByDomain, upsertAccounts } from './accounts';
import { captureContact } from './contacts';
import type { SidecarDb } from './database';
import { createRecord } from './records';
import { freshDb } from './test-db';

let db: SidecarDb;
beforeEach(() => {
  db = freshDb();
});

describe('captureAccount', () => {
  it('stores registrable domains and a normalised name', async () => {
    const result = await captureAccount(db, { name: 'Acme, Inc.', website: 'https://www.eu.acme.co.uk/about', domains: ['shop.acme.com'] });
    expect(result.status).toBe('created');
    const [account] = await db.accounts.toArray();
    expect(account?.domains.sort()).toEqual(['acme.co.uk', 'acme.com']);
    expect(account?.normalizedName).toBe('acme');
  });

  it('never creates a second account for a domain an account already has', async () => {
    await captureAccount(db, { name: 'Acme', website: 'https://acme.example' });
    const again = await captureAccount(db, { name: 'ACME Corporation', website: 'https://www.acme.example/pricing', industry: 'Software' });
    expect(again.status).toBe('updated');
    expect(await db.accounts.count()).toBe(1);
    expect((await db.accounts.toArray())[0]?.industry).toBe('Software');
  });

  it('keeps x.github.io apart from y.github.io (private suffixes)', async () => {
    await captureAccount(db, { name: 'Team X', website: 'https://x.github.io' });
    await captureAccount(db, { name: 'Team Y', website: 'https://y.github.io' });
    expect(await db.accounts.count()).toBe(2);
  });

  it('matches by LinkedIn company page first', async () => {
    await captureAccount(db, { name: 'Acme', linkedinUrl: 'https://www.linkedin.com/company/acme/' });
    const result = await captureAccount(db, { name: 'Acme Group', linkedinUrl: 'https://se.linkedin.com/company/acme/about', website: 'https://acme.example' });
    expect(result.status).toBe('updated');
    expect(await db.accounts.count()).toBe(1);
  });

  it('matches by name only when the existing account has no other domain', async () => {
    await captureAccount(db, { name: 'Acme AB' });
    expect((await captureAccount(db, { name: 'ACME', website: 'https://acme.example' })).status).toBe('updated');
    await captureAccount(db, { name: 'Globex', website: 'https://globex.example' });
    expect((await captureAccount(db, { name: 'Globex', website: 'https://globex.de.example' })).status).toBe('created');
  });

  it('asks which account is meant when two share the domain, and writes nothing', async () => {
    await createAccount(db, { name: 'Acme Nordics', website: 'https://acme.example' });
    await createAccount(db, { name: 'Acme Germany', website: 'https://acme.example' });
    await db.outbox.clear();
    const result = await captureAccount(db, { name: 'Acme', website: 'https://acme.example', industry: 'x' });
    expect(result.status).toBe('ambiguous');
    expect(result.status === 'ambiguous' && result.candidates.map((a) => a.name).sort()).toEqual(['Acme Germany', 'Acme Nordics']);
    expect(await db.accounts.count()).toBe(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('matches one account that owns two of the captured domains once, not as two candidates', async () => {
    await captureAccount(db, { name: 'Acme', domains: ['acme.example', 'acme-group.example'] });
    const result = await captureAccount(db, { name: 'Acme', domains: ['acme.example', 'acme-group.example'], industry: 'Software' });
    expect(result.status).toBe('updated');
  });

  it('dedupes one domain named twice in one import batch', async () => {
    const results = await upsertAccounts(db, [
      { name: 'Acme', website: 'https://acme.example' },
      { name: 'Acme Inc', domains: ['mail.acme.example'], industry: 'Software' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['created', 'updated']);
    expect(await db.accounts.count()).toBe(1);
  });
});

describe('findAccountsByDomain', () => {
  it('finds the account from any host or URL on its registrable domain', async () => {
    await captureAccount(db, { name: 'Acme', website: 'https://acme.co.uk' });
    expect((await findAccountsByDomain(db, 'https://shop.eu.acme.co.uk/cart')).map((a) => a.name)).toEqual(['Acme']);
    expect(await findAccountsByDomain(db, 'co.uk')).toEqual([]);
    expect(await findAccountsByDomain(db, 'other.example')).toEqual([]);
  });
});

describe('deleteAccount', () => {
  it('removes the account with its deals and notes, keeps its people as leads, in one transaction', async () => {
    const account = await createAccount(db, { name: 'Acme', website: 'https://acme.example' });
    await captureContact(db, { kind: 'contact', lastName: 'Doe', accountId: account.id, emails: ['d@acme.example'] });
    await createRecord(db, 'opportunity', { accountId: account.id, name: 'Deal', stage: 'Discovery' });
    await createRecord(db, 'note', { accountId: account.id, body: 'hello' });
    await deleteAccount(db, account.id);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.opportunities.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
    const [person] = await db.contacts.toArray();
    expect(person).toMatchObject({ kind: 'lead', accountId: null, company: 'Acme' });
    // Nothing had reached a CRM: the deleted records leave the queue with no delete entries, and the
    // person's pending create (which sends the whole record) already covers the change to a lead.
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => [e.op, e.recordType, e.recordIds])).toEqual([['create', 'contact', [person!.id]]]);
  });

  it('queues a delete for a record a CRM already has', async () => {
    const account = await createAccount(db, { name: 'Acme' });
    await db.accounts.update(account.id, { remote: { salesforce: { id: '001xx0000001', syncedAt: 1, base: {} } } });
    await deleteAccount(db, account.id);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ op: 'delete', recordType: 'account', recordIds: [account.id], remoteIds: { salesforce: '001xx0000001' } });
  });
});
