import type { SidecarDb } from '../db/database';
import { findAccountsByDomain, matchAccounts } from '../db/accounts';
import type { Account, Activity, Contact, LinkedInCompany, LinkedInPerson, Note } from '../model';
import { findKnownPerson } from './find-person';
import { diffPerson, type FieldChange } from './person-fields';
import { detectJobChange } from './update-person';

export interface PersonView {
  contact: Contact | null;
  account: Account | null;
  lastActivity: Activity | null;
  notes: Note[];
  changes: FieldChange[];
  jobChange: { from: string; to: string } | null;
}

export interface AccountBrief {
  account: Account | null;
  /** Several accounts share this company (subsidiaries): the rep picks. */
  candidates: Account[];
  contacts: Contact[];
  activities: Activity[];
  notes: Note[];
}

/** Pinned first, then newest first. */
function byPinnedThenNewest(a: Note, b: Note): number {
  return Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt;
}

export async function notesOf(db: SidecarDb, parent: { contactId?: string; accountId?: string }): Promise<Note[]> {
  const notes = parent.contactId
    ? await db.notes.where('contactId').equals(parent.contactId).toArray()
    : await db.notes.where('accountId').equals(parent.accountId ?? '').toArray();
  return notes.sort(byPinnedThenNewest);
}

/** What the sidebar shows on a LinkedIn profile. */
export async function personView(db: SidecarDb, person: LinkedInPerson): Promise<PersonView> {
  const contact = (await findKnownPerson(db, person)) ?? null;
  if (!contact) return { contact: null, account: null, lastActivity: null, notes: [], changes: [], jobChange: null };
  const [account, activities, notes, jobChange] = await Promise.all([
    contact.accountId ? db.accounts.get(contact.accountId) : undefined,
    db.activities.where('contactIds').equals(contact.id).toArray(),
    notesOf(db, { contactId: contact.id }),
    detectJobChange(db, contact, person),
  ]);
  const lastActivity = activities.sort((a, b) => b.occurredAt - a.occurredAt)[0] ?? null;
  return { contact, account: account ?? null, lastActivity, notes, changes: diffPerson(contact, person), jobChange };
}

/** What the sidebar shows on a LinkedIn company page: the account brief, or nothing known yet. */
export async function companyBrief(db: SidecarDb, company: LinkedInCompany): Promise<AccountBrief> {
  const [byPage = []] = await matchAccounts(db, [{ name: company.name ?? '', linkedinUrl: company.linkedinUrl }]);
  const matches = byPage.length ? byPage : company.domain ? await findAccountsByDomain(db, company.domain) : [];
  const account = matches.length === 1 ? matches[0]! : null;
  if (!account) return { account: null, candidates: matches, contacts: [], activities: [], notes: [] };
  return accountBrief(db, account);
}

export async function accountBrief(db: SidecarDb, account: Account): Promise<AccountBrief> {
  const [contacts, activities, notes] = await Promise.all([
    db.contacts.where('accountId').equals(account.id).toArray(),
    db.activities.where('[accountId+occurredAt]').between([account.id, 0], [account.id, Infinity]).reverse().limit(5).toArray(),
    notesOf(db, { accountId: account.id }),
  ]);
  return { account, candidates: [], contacts, activities, notes };
}
