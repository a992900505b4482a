import type { z } from 'zod';
import type { Account } from '../model';
import { normalizeAccountName, normalizeLinkedInUrl, registrableDomain } from '../match/normalize';
import type { SidecarDb } from './database';
import { buildRecord, applyPatch, createRecord, deleteInTransaction, updateRecord } from './records';
import { enqueueUpserts, type RecordChange } from './outbox';
import { notFound } from './errors';
import { findByIndex } from './lookup';

/** What a caller supplies for an account: every defaulted field optional, system fields excluded. */
export type AccountInput = Omit<z.input<typeof Account>, 'id' | 'createdAt' | 'updatedAt' | 'remote' | 'normalizedName'>;

/** Derived fields: the normalised name and the registrable domains of the website and domains. */
export function deriveAccountFields<T extends Partial<AccountInput>>(input: T): T & Partial<Pick<Account, 'normalizedName'>> {
  const derived: T & Partial<Pick<Account, 'normalizedName'>> = { ...input };
  if (input.name !== undefined) derived.normalizedName = normalizeAccountName(input.name);
  if (input.domains !== undefined || input.website) {
    const raw = [...(input.domains ?? []), ...(input.website ? [input.website] : [])];
    derived.domains = [...new Set(raw.map(registrableDomain).filter((d): d is string => d !== null))];
  }
  if (input.linkedinUrl) derived.linkedinUrl = normalizeLinkedInUrl(input.linkedinUrl) ?? input.linkedinUrl;
  return derived;
}

/**
 * The accounts that own a host's registrable domain (`www.eu.acme.com` → `acme.com`). Usually one;
 * several when the rep keeps subsidiaries as separate accounts on purpose.
 */
export async function findAccountsByDomain(db: SidecarDb, hostOrUrl: string): Promise<Account[]> {
  const domain = registrableDomain(hostOrUrl);
  return domain ? db.accounts.where('domains').equals(domain).toArray() : [];
}

/** A rep creating an account by hand may share a domain with another on purpose (subsidiaries). */
export function createAccount(db: SidecarDb, input: AccountInput, now = Date.now()): Promise<Account> {
  return createRecord(db, 'account', deriveAccountFields(input), now);
}

export function updateAccount(db: SidecarDb, id: string, patch: Partial<AccountInput>, now = Date.now()): Promise<Account> {
  return updateRecord(db, 'account', id, deriveAccountFields(patch), now);
}

export type CaptureResult<T> =
  | { status: 'created' | 'updated' | 'unchanged'; record: T }
  | { status: 'ambiguous'; candidates: T[] };

/**
 * For each input (by position), the accounts it may be: by LinkedIn page, then by domain, then by
 * normalised name (a same-named account on another domain is another company).
 */
export async function matchAccounts(db: SidecarDb, inputs: ReadonlyArray<Partial<AccountInput>>): Promise<Account[][]> {
  const derived = inputs.map((i) => deriveAccountFields(i));
  const urls = derived.flatMap((d) => (d.linkedinUrl ? [d.linkedinUrl] : []));
  const domains = derived.flatMap((d) => d.domains ?? []);
  const names = derived.flatMap((d) => (d.normalizedName ? [d.normalizedName] : []));
  const [byUrl, byDomain, byName] = await Promise.all([
    findByIndex(db.accounts, 'linkedinUrl', urls),
    findByIndex(db.accounts, 'domains', domains),
    findByIndex(db.accounts, 'normalizedName', names),
  ]);
  return derived.map((d) => {
    const url = byUrl.filter((a) => a.linkedinUrl === d.linkedinUrl);
    if (url.length) return url;
    const domain = byDomain.filter((a) => a.domains.some((x) => d.domains?.includes(x)));
    if (domain.length) return domain;
    const name = byName.filter((a) => a.normalizedName === d.normalizedName);
    return d.domains?.length ? name.filter((a) => a.domains.length === 0) : name;
  });
}

/**
 * What captures and imports do with accounts: update the one that owns the LinkedIn page or
 * domain, create it when none does, and report `ambiguous` (writing nothing) when several accounts
 * share it. Never creates a second account for a domain an account already has, even when one batch
 * names the same domain twice. One transaction for the whole batch.
 */
export async function upsertAccounts(
  db: SidecarDb, inputs: ReadonlyArray<AccountInput>, now = Date.now(),
): Promise<Array<CaptureResult<Account>>> {
  return db.transaction('rw', [db.accounts, db.outbox], async () => {
    const matches = await matchAccounts(db, inputs);
    const written = new Map<string, Account>();
    const seenDomains = new Map<string, string>();
    const changes: RecordChange[] = [];
    const results = inputs.map((input, index): CaptureResult<Account> => {
      const derived = deriveAccountFields(input);
      const earlierId = derived.domains?.map((d) => seenDomains.get(d)).find(Boolean);
      const candidates = earlierId ? [written.get(earlierId)!] : (matches[index] ?? []).map((a) => written.get(a.id) ?? a);
      if (candidates.length > 1) return { status: 'ambiguous', candidates };
      const existing = candidates[0];
      let result: CaptureResult<Account>;
      if (!existing) {
        const record = buildRecord('account', derived, now);
        changes.push({ record, fields: [], created: true });
        result = { status: 'created', record };
      } else {
        const { record, fields } = applyPatch('account', existing, mergeAccount(existing, input), now);
        if (fields.length) changes.push({ record, fields });
        result = { status: fields.length ? 'updated' : 'unchanged', record };
      }
      written.set(result.record.id, result.record);
      for (const domain of result.record.domains) seenDomains.set(domain, result.record.id);
      return result;
    });
    await db.accounts.bulkPut([...written.values()]);
    await enqueueUpserts(db, 'account', changes, now);
    return results;
  });
}

/** One account, captured from a page. */
export async function captureAccount(db: SidecarDb, input: AccountInput, now = Date.now()): Promise<CaptureResult<Account>> {
  const [result] = await upsertAccounts(db, [input], now);
  return result!;
}

/** A capture fills gaps and adds domains; it never blanks what the rep already has. */
export function mergeAccount(existing: Account, input: Partial<AccountInput>): Partial<AccountInput> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(deriveAccountFields(input))) {
    // A capture never renames an account, and never turns real data into sample data or back.
    if (value === null || value === undefined || key === 'name' || key === 'normalizedName' || key === 'sample') continue;
    if (key === 'domains') patch.domains = [...new Set([...existing.domains, ...(value as string[])])];
    else patch[key] = value;
  }
  return patch as Partial<AccountInput>;
}

/**
 * Delete an account with what hangs on it: its opportunities, notes and tasks go; its people stay,
 * as leads that keep the company name. All in one transaction, each change queued for the CRM.
 */
export async function deleteAccount(db: SidecarDb, id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.accounts, db.contacts, db.opportunities, db.notes, db.tasks, db.activities, db.outbox], async () => {
    const account = await db.accounts.get(id);
    if (!account) throw notFound('account', id);
    const contacts = await db.contacts.where('accountId').equals(id).toArray();
    for (const contact of contacts) {
      const { record, fields } = applyPatch('contact', contact, { accountId: null, kind: 'lead', company: contact.company ?? account.name }, now);
      await db.contacts.put(record);
      await enqueueUpserts(db, 'contact', [{ record, fields }], now);
    }
    const activities = await db.activities.where('accountId').equals(id).toArray();
    for (const activity of activities) {
      const { record, fields } = applyPatch('activity', activity, { accountId: null }, now);
      await db.activities.put(record);
      await enqueueUpserts(db, 'activity', [{ record, fields }], now);
    }
    for (const opp of await db.opportunities.where('accountId').equals(id).primaryKeys()) {
      await deleteInTransaction(db, 'opportunity', opp, now);
    }
    for (const note of await db.notes.where('accountId').equals(id).primaryKeys()) await deleteInTransaction(db, 'note', note, now);
    for (const task of await db.tasks.where('accountId').equals(id).primaryKeys()) await deleteInTransaction(db, 'task', task, now);
    await deleteInTransaction(db, 'account', id, now);
  });
}
