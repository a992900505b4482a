import type { z } from 'zod';
import type { Contact } from '../model';
import { normalizeEmail, normalizeLinkedInUrl } from '../match/normalize';
import type { SidecarDb } from './database';
import type { CaptureResult } from './accounts';
import { applyPatch, buildRecord, createRecord, deleteInTransaction, updateRecord } from './records';
import { enqueueUpserts, type RecordChange } from './outbox';
import { RepositoryError } from './errors';
import { findByIndex } from './lookup';

/** What a caller supplies for a person: every defaulted field optional, system fields excluded. */
export type ContactInput = Omit<z.input<typeof Contact>, 'id' | 'createdAt' | 'updatedAt' | 'remote'>;

/** Emails lower-cased and unique; the LinkedIn URL in its one canonical spelling. */
export function normalizeContactFields<T extends Partial<ContactInput>>(input: T): T {
  const out = { ...input };
  if (input.emails) out.emails = [...new Set(input.emails.map(normalizeEmail))];
  if (input.linkedinUrl) out.linkedinUrl = normalizeLinkedInUrl(input.linkedinUrl) ?? input.linkedinUrl;
  return out;
}

export async function findContactByEmail(db: SidecarDb, email: string): Promise<Contact | undefined> {
  return db.contacts.where('emails').equals(normalizeEmail(email)).first();
}

export async function findContactByLinkedInUrl(db: SidecarDb, url: string): Promise<Contact | undefined> {
  const normalized = normalizeLinkedInUrl(url);
  return normalized ? db.contacts.where('linkedinUrl').equals(normalized).first() : undefined;
}

/**
 * A rep adding a person by hand. A person whose email or LinkedIn page Sidecar already knows is
 * refused with the existing contact's id, so the UI can offer to open it instead.
 */
export async function createContact(db: SidecarDb, input: ContactInput, now = Date.now()): Promise<Contact> {
  const normalized = normalizeContactFields(input);
  return db.transaction('rw', [db.contacts, db.outbox], async () => {
    const existing = await findExistingContacts(db, [normalized]);
    const duplicate = existing.get(0);
    if (duplicate) throw new RepositoryError('duplicate', 'this person is already a contact', { existingId: duplicate.id });
    return createRecord(db, 'contact', normalized, now);
  });
}

export function updateContact(db: SidecarDb, id: string, patch: Partial<ContactInput>, now = Date.now()): Promise<Contact> {
  return updateRecord(db, 'contact', id, normalizeContactFields(patch), now);
}

export async function deleteContact(db: SidecarDb, id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.contacts, db.notes, db.tasks, db.outbox], async () => {
    for (const note of await db.notes.where('contactId').equals(id).primaryKeys()) await deleteInTransaction(db, 'note', note, now);
    for (const task of await db.tasks.where('contactId').equals(id).primaryKeys()) await deleteInTransaction(db, 'task', task, now);
    await deleteInTransaction(db, 'contact', id, now);
  });
}

/** For each input (by position), the stored contact with one of its emails or its LinkedIn URL. */
async function findExistingContacts(db: SidecarDb, inputs: ReadonlyArray<Partial<ContactInput>>): Promise<Map<number, Contact>> {
  const emails = inputs.flatMap((i) => i.emails ?? []);
  const urls = inputs.flatMap((i) => (i.linkedinUrl ? [i.linkedinUrl] : []));
  const [byEmail, byUrl] = await Promise.all([
    findByIndex(db.contacts, 'emails', emails),
    findByIndex(db.contacts, 'linkedinUrl', urls),
  ]);
  const emailIndex = new Map<string, Contact>();
  for (const c of byEmail) for (const e of c.emails) emailIndex.set(e, c);
  const urlIndex = new Map<string, Contact>();
  for (const c of byUrl) if (c.linkedinUrl) urlIndex.set(c.linkedinUrl, c);
  const found = new Map<number, Contact>();
  inputs.forEach((input, index) => {
    const match = (input.linkedinUrl && urlIndex.get(input.linkedinUrl)) || input.emails?.map((e) => emailIndex.get(e)).find(Boolean);
    if (match) found.set(index, match);
  });
  return found;
}

/** A capture fills gaps and adds emails and phones; it never blanks what the rep already has. */
export function mergeContact(existing: Contact, input: Partial<ContactInput>): Partial<ContactInput> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined || key === 'sample') continue;
    if (key === 'emails' || key === 'phones') patch[key] = [...new Set([...existing[key], ...(value as string[])])];
    else if (key === 'buyingRole' && existing.buyingRoleOverridden) continue;
    else if (key === 'kind' && existing.kind === 'contact') continue;
    else patch[key] = value;
  }
  return patch as Partial<ContactInput>;
}

/**
 * Captures and imports: each person updates the contact that has one of their emails or their
 * LinkedIn URL, or becomes a new contact. Never two contacts for one email or LinkedIn URL, even
 * when the same person appears twice in one batch. One transaction for the whole batch.
 */
export async function upsertContacts(
  db: SidecarDb, inputs: ReadonlyArray<ContactInput>, now = Date.now(),
): Promise<Array<CaptureResult<Contact>>> {
  const normalized = inputs.map((i) => normalizeContactFields(i));
  return db.transaction('rw', [db.contacts, db.outbox], async () => {
    const existing = await findExistingContacts(db, normalized);
    const results: Array<CaptureResult<Contact>> = [];
    const written = new Map<string, Contact>();
    const changes: RecordChange[] = [];
    // Later rows in the same batch see earlier ones: a person listed twice is written once.
    const seenKeys = new Map<string, string>();
    normalized.forEach((input, index) => {
      const keys = [...(input.emails ?? []), ...(input.linkedinUrl ? [input.linkedinUrl] : [])];
      const earlierId = keys.map((k) => seenKeys.get(k)).find(Boolean);
      const stored = existing.get(index);
      const base = (earlierId && written.get(earlierId)) || (stored && (written.get(stored.id) ?? stored));
      if (!base) {
        const record = buildRecord('contact', input, now);
        written.set(record.id, record);
        changes.push({ record, fields: [], created: true });
        results.push({ status: 'created', record });
      } else {
        const { record, fields } = applyPatch('contact', base, mergeContact(base, input), now);
        written.set(record.id, record);
        if (fields.length) changes.push({ record, fields });
        results.push({ status: fields.length ? 'updated' : 'unchanged', record });
      }
      const id = (results[results.length - 1] as { record: Contact }).record.id;
      for (const key of keys) seenKeys.set(key, id);
    });
    await db.contacts.bulkPut([...written.values()]);
    await enqueueUpserts(db, 'contact', changes, now);
    return results;
  });
}

/** One person, captured from a page. */
export async function captureContact(db: SidecarDb, input: ContactInput, now = Date.now()): Promise<CaptureResult<Contact>> {
  const [result] = await upsertContacts(db, [input], now);
  return result!;
}
