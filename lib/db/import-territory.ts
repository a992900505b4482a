import type { Activity, Note, Opportunity, Task, Territory } from '../model';
import type { SidecarDb } from './database';
import { upsertAccounts, type AccountInput } from './accounts';
import { upsertContacts, type ContactInput } from './contacts';
import { buildRecord, tableFor } from './records';
import { enqueueUpserts } from './outbox';
import { newId } from './ids';

type Keyed<T> = T & { key: string };
type Refs<T, K extends string> = Omit<T, K> & { [P in K]?: string | null };

/**
 * A territory's worth of records that refer to each other by local keys (an import file, the demo).
 * Keys are resolved to record ids as they are written.
 */
export interface TerritoryImport {
  territory?: Omit<Territory, 'id' | 'createdAt' | 'updatedAt'>;
  accounts: Array<Keyed<Refs<AccountInput, 'partnerAccountId' | 'territoryId'>>>;
  contacts: Array<Keyed<Refs<ContactInput, 'accountId'>>>;
  opportunities?: Array<Refs<Partial<Opportunity>, 'accountId' | 'partnerAccountId'> & Pick<Opportunity, 'name' | 'stage'>>;
  activities?: Array<Omit<Partial<Activity>, 'contactIds'> & Pick<Activity, 'type' | 'subject' | 'occurredAt'> & { contactIds?: string[]; accountId?: string | null }>;
  notes?: Array<Refs<Partial<Note>, 'accountId' | 'contactId'> & Pick<Note, 'body'>>;
  tasks?: Array<Refs<Partial<Task>, 'accountId' | 'contactId'> & Pick<Task, 'subject'>>;
}

export interface ImportSummary {
  accounts: number;
  contacts: number;
  ambiguous: number;
}

/**
 * Write a whole territory in one transaction, through the same dedupe rules as captures: accounts
 * by domain, people by email or LinkedIn URL. Either everything lands, or nothing does.
 */
export async function importTerritory(
  db: SidecarDb, data: TerritoryImport, now = Date.now(), options: { sample?: boolean } = {},
): Promise<ImportSummary> {
  const sample = options.sample ?? false;
  const tables = [db.accounts, db.contacts, db.opportunities, db.activities, db.notes, db.tasks, db.territories, db.outbox];
  return db.transaction('rw', tables, async () => {
    const ids = new Map<string, string>();
    const ref = (key: string | null | undefined) => (key ? (ids.get(key) ?? null) : null);
    let territoryId: string | null = null;
    if (data.territory) {
      territoryId = newId(now);
      await db.territories.add({ ...data.territory, id: territoryId, createdAt: now, updatedAt: now });
    }
    // Partners first, so the accounts they work can point at them.
    const ordered = [...data.accounts].sort((a, b) => Number(b.type === 'partner') - Number(a.type === 'partner'));
    let ambiguous = 0;
    for (const { key, ...account } of ordered) {
      const [result] = await upsertAccounts(db, [{ ...account, sample, territoryId: ref(account.territoryId) ?? territoryId, partnerAccountId: ref(account.partnerAccountId) }], now);
      if (result?.status === 'ambiguous') ambiguous += 1;
      else if (result) ids.set(key, result.record.id);
    }
    const contactResults = await upsertContacts(db, data.contacts.map(({ key: _key, ...c }) => ({ ...c, sample, accountId: ref(c.accountId) })), now);
    data.contacts.forEach((c, i) => {
      const result = contactResults[i];
      if (result && result.status !== 'ambiguous') ids.set(c.key, result.record.id);
    });
    await addAll(db, 'opportunity', (data.opportunities ?? []).map((o) => ({ ...o, accountId: ref(o.accountId), partnerAccountId: ref(o.partnerAccountId) })), now, sample);
    await addAll(db, 'activity', (data.activities ?? []).map((a) => ({ ...a, accountId: ref(a.accountId), contactIds: (a.contactIds ?? []).map(ref).filter(Boolean) })), now, sample);
    await addAll(db, 'note', (data.notes ?? []).map((n) => ({ ...n, accountId: ref(n.accountId), contactId: ref(n.contactId) })), now, sample);
    await addAll(db, 'task', (data.tasks ?? []).map((t) => ({ ...t, accountId: ref(t.accountId), contactId: ref(t.contactId) })), now, sample);
    return { accounts: data.accounts.length - ambiguous, contacts: contactResults.length, ambiguous };
  });
}

async function addAll(
  db: SidecarDb, type: 'opportunity' | 'activity' | 'note' | 'task', inputs: object[], now: number, sample: boolean,
): Promise<void> {
  if (!inputs.length) return;
  const records = inputs.map((input) => buildRecord(type, { ...input, sample }, now));
  await tableFor(db, type).bulkAdd(records);
  await enqueueUpserts(db, type, records.map((record) => ({ record, fields: [], created: true })), now);
}
