import { beforeEach, describe, expect, it } from 'vitest';
import { captureAccount, createAccount } from '../db/accounts';
import { captureContact } from '../db/contacts';
import type { SidecarDb } from '../db/database';
import { freshDb } from '../db/test-db';
import { normalizeLinkedInUrl } from '../match/normalize';
import type { LinkedInPerson } from '../model';
import { capturePerson } from './capture-person';
import { undoCapture } from './undo-capture';
import { updateFromLinkedIn } from './update-person';
import { personView } from './views';

let db: SidecarDb;
beforeEach(() => {
  db = freshDb();
});

function person(overrides: Partial<LinkedInPerson> = {}): LinkedInPerson {
  return {
    fullName: 'Ada Byron', firstName: 'Ada', lastName: 'Byron', headline: 'Buying software for logistics',
    title: 'Chief Procurement Officer', company: 'Fjordline Logistics', companyLinkedinUrl: 'https://www.linkedin.com/company/fjordline',
    location: 'Gothenburg, Sweden', profileUrl: 'https://www.linkedin.com/in/ada-byron', photoUrl: null, ...overrides,
  };
}
const LEAD = { newCompany: 'lead' as const };

describe('capturePerson', () => {
  it('links the person to the account that has their company page, classified', async () => {
    const account = await createAccount(db, { name: 'Fjordline Logistics AB', linkedinUrl: 'https://www.linkedin.com/company/fjordline/' });
    const outcome = await capturePerson(db, person(), LEAD);
    expect(outcome).toMatchObject({ accountId: account.id, createdContact: true, createdAccountId: null });
    const [contact] = await db.contacts.toArray();
    expect(contact).toMatchObject({
      kind: 'contact', accountId: account.id, firstName: 'Ada', lastName: 'Byron', title: 'Chief Procurement Officer',
      seniority: 'c-level', buyingRole: 'decision-maker', linkedinUrl: 'https://www.linkedin.com/in/ada-byron',
      location: expect.objectContaining({ label: 'Gothenburg, Sweden' }),
    });
  });

  it('matches the account by normalised name when the company page is unknown', async () => {
    const account = await createAccount(db, { name: 'FJORDLINE LOGISTICS, Inc.' });
    expect(await capturePerson(db, person({ companyLinkedinUrl: null }), LEAD)).toMatchObject({ accountId: account.id });
  });

  it('keeps a person whose company is no account as a lead, or creates the account when configured', async () => {
    await capturePerson(db, person(), LEAD);
    expect(await db.contacts.toArray()).toEqual([expect.objectContaining({ kind: 'lead', accountId: null, company: 'Fjordline Logistics' })]);
    expect(await db.accounts.count()).toBe(0);
    const other = await capturePerson(db, person({ profileUrl: 'https://www.linkedin.com/in/someone-else', fullName: 'Bo Ek', firstName: 'Bo', lastName: 'Ek' }), { newCompany: 'create-account' });
    expect(other).toMatchObject({ createdAccountId: expect.any(String) });
    expect((await db.accounts.toArray()).map((a) => a.name)).toEqual(['Fjordline Logistics']);
  });

  it('asks which account is meant when several share the company, and writes nothing', async () => {
    await createAccount(db, { name: 'Fjordline Logistics' });
    await createAccount(db, { name: 'Fjordline Logistics' });
    const outcome = await capturePerson(db, person({ companyLinkedinUrl: null }), LEAD);
    expect('ambiguous' in outcome && outcome.ambiguous).toHaveLength(2);
    expect(await db.contacts.count()).toBe(0);
  });

  it.each([
    ['capturing twice', ['https://www.linkedin.com/in/ada-byron', 'https://www.linkedin.com/in/ada-byron']],
    ['the public view, then the member view', ['https://se.linkedin.com/in/ada-byron', 'https://www.linkedin.com/in/ada-byron/']],
    ['/in/slug/ and /in/slug?trk=…', ['https://www.linkedin.com/in/ada-byron/', 'https://www.linkedin.com/in/ada-byron?trk=public_profile_browsemap']],
  ])('ends as one contact after %s', async (_label, urls) => {
    for (const url of urls) await capturePerson(db, person({ profileUrl: normalizeLinkedInUrl(url)! }), LEAD);
    expect(await db.contacts.count()).toBe(1);
  });

  it('links a contact known by name and company (from an email) to the profile instead of duplicating', async () => {
    const account = await captureAccount(db, { name: 'Fjordline Logistics', website: 'https://fjordline.example' });
    await captureContact(db, { kind: 'contact', firstName: 'Ada', lastName: 'Byron', emails: ['ada@fjordline.example'], accountId: account.status === 'ambiguous' ? null : account.record.id });
    const outcome = await capturePerson(db, person({ companyLinkedinUrl: null }), LEAD);
    expect(outcome).toMatchObject({ createdContact: false });
    const all = await db.contacts.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ emails: ['ada@fjordline.example'], linkedinUrl: 'https://www.linkedin.com/in/ada-byron' });
  });

  it('keeps an overridden buying role through a later capture', async () => {
    const { contactId } = (await capturePerson(db, person(), LEAD)) as { contactId: string };
    await db.contacts.update(contactId, { buyingRole: 'blocker', buyingRoleOverridden: true });
    await updateFromLinkedIn(db, contactId, person({ title: 'Intern' }), LEAD);
    expect(await db.contacts.get(contactId)).toMatchObject({ buyingRole: 'blocker', title: 'Intern' });
  });
});

describe('undo', () => {
  it('takes the capture back within the window, with the account it created', async () => {
    const outcome = (await capturePerson(db, person(), { newCompany: 'create-account' }, 1_000)) as { contactId: string; createdAccountId: string };
    await undoCapture(db, outcome, 5_000);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses after the window', async () => {
    const outcome = (await capturePerson(db, person(), LEAD, 1_000)) as { contactId: string; createdAccountId: null };
    await expect(undoCapture(db, outcome, 20_000)).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.contacts.count()).toBe(1);
  });
});

describe('update from LinkedIn', () => {
  it('shows exactly which fields changed', async () => {
    await capturePerson(db, person(), LEAD);
    const view = await personView(db, person({ title: 'CFO', headline: null }));
    expect(view.changes).toEqual([{ field: 'title', label: 'Title', from: 'Chief Procurement Officer', to: 'CFO' }]);
    expect(view.jobChange).toBeNull();
  });

  it('moves the contact on a job change; the old account keeps the history and a note of the move', async () => {
    const oldAccount = await createAccount(db, { name: 'Fjordline Logistics', linkedinUrl: 'https://www.linkedin.com/company/fjordline' });
    const newAccount = await createAccount(db, { name: 'Aurora Grid', linkedinUrl: 'https://www.linkedin.com/company/aurora-grid' });
    const { contactId } = (await capturePerson(db, person(), LEAD)) as { contactId: string };
    await db.activities.add({ id: '01JD0000000000000000000077', type: 'call', subject: 'Intro call', occurredAt: 1, accountId: oldAccount.id,
      contactIds: [contactId], createdAt: 1, updatedAt: 1, remote: {}, sample: false, excerpt: null, direction: null, participants: [],
      messageId: null, threadId: null, opportunityId: null });
    const moved = person({ company: 'Aurora Grid', companyLinkedinUrl: 'https://www.linkedin.com/company/aurora-grid', title: 'CFO' });
    expect((await personView(db, moved)).jobChange).toEqual({ from: 'Fjordline Logistics', to: 'Aurora Grid' });
    await updateFromLinkedIn(db, contactId, moved, LEAD);
    expect(await db.contacts.get(contactId)).toMatchObject({ accountId: newAccount.id, title: 'CFO', kind: 'contact' });
    expect((await db.activities.get('01JD0000000000000000000077'))?.accountId).toBe(oldAccount.id);
    const [note] = await db.notes.where('accountId').equals(oldAccount.id).toArray();
    expect(note?.body).toContain('moved to Aurora Grid');
  });
});
