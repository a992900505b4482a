import { fullName, type Account, type Activity, type Contact, type Note } from '../model';
import type { SidecarDb } from './database';

/** Read-only queries the UI runs inside `useLiveQuery`, so lists update when the background writes. */

export function recentAccounts(db: SidecarDb, limit = 50): Promise<Account[]> {
  return db.accounts.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export function recentContacts(db: SidecarDb, limit = 50): Promise<Contact[]> {
  return db.contacts.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export function recentActivities(db: SidecarDb, limit = 20): Promise<Activity[]> {
  return db.activities.orderBy('occurredAt').reverse().limit(limit).toArray();
}

export function recentNotes(db: SidecarDb, limit = 20): Promise<Note[]> {
  return db.notes.orderBy('updatedAt').reverse().limit(limit).toArray();
}

/** Account names for the ids a list shows, without reading every account. */
export async function accountNamesFor(db: SidecarDb, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const accounts = await db.accounts.bulkGet(wanted);
  return new Map(accounts.flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
}

export async function storeCounts(db: SidecarDb) {
  const [accounts, contacts, opportunities, activities, notes, tasks, pending] = await Promise.all([
    db.accounts.count(), db.contacts.count(), db.opportunities.count(), db.activities.count(),
    db.notes.count(), db.tasks.count(), db.outbox.count(),
  ]);
  return { accounts, contacts, opportunities, activities, notes, tasks, pending };
}

export function accountCount(db: SidecarDb): Promise<number> {
  return db.accounts.count();
}

/** People's names for the ids a list shows. */
export async function contactNamesFor(db: SidecarDb, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const contacts = await db.contacts.bulkGet(wanted);
  return new Map(contacts.flatMap((c) => (c ? [[c.id, fullName(c)] as const] : [])));
}
