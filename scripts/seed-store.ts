/**
 * A throwaway local store, seeded the same way every time, for `npm run sync:once` and the
 * `salesforce.` bench rows. Same seed → same records, ids included: pushes upsert by the External
 * ID (the local id), so a second run on the same seed creates nothing in the org.
 */
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { upsertAccounts, type AccountInput } from '../lib/db/accounts';
import { upsertContacts, type ContactInput } from '../lib/db/contacts';
import { SidecarDb } from '../lib/db/database';
import { setIdSource } from '../lib/db/ids';
import { importTerritory } from '../lib/db/import-territory';
import { enqueueUpserts } from '../lib/db/outbox';
import { buildRecord } from '../lib/db/records';
import { demoTerritory } from '../lib/demo/demo-territory';
import { seededRandom } from '../lib/testing/seeded-random';
import type { Activity } from '../lib/model';

/** Every seeded record is made at this instant: fixed, so ids (ULIDs start with the time) repeat, and long past the undo window. */
export const SEED_CLOCK = Date.UTC(2026, 0, 5, 9, 0, 0);

/** `demo`: the demo territory. A number: that many generated contacts, their accounts and one activity each. */
export type Seed = 'demo' | number;

/** People per generated account. */
const CONTACTS_PER_ACCOUNT = 5;
const ACTIVITY_TYPES = ['email', 'call', 'meeting'] as const;

/** A Sidecar store on its own in-memory IndexedDB (fake-indexeddb), gone when the process ends. */
export function openThrowawayDb(name = 'sidecar-throwaway'): SidecarDb {
  const deps = Dexie.dependencies;
  const saved = { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange };
  deps.indexedDB = new IDBFactory();
  deps.IDBKeyRange = IDBKeyRange;
  try {
    return new SidecarDb(name); // Dexie takes its dependencies when constructed.
  } finally {
    Object.assign(deps, saved);
  }
}


/** FNV-1a: one PRNG seed per seed label, so `demo` and `25` never draw the same ids. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Obviously fake people and companies on the reserved `.example` TLD, each account on its own
 * domain (one shared domain such as example.com would make every account match every other).
 */
export function generatedAccounts(contacts: number): AccountInput[] {
  const count = Math.ceil(contacts / CONTACTS_PER_ACCOUNT);
  return Array.from({ length: count }, (_, i) => ({
    name: `Example Account ${pad(i + 1, 5)}`, website: `https://account-${pad(i + 1, 5)}.example`, type: 'prospect' as const,
  }));
}

function generatedContact(i: number, accountId: string): ContactInput {
  const account = pad(Math.floor(i / CONTACTS_PER_ACCOUNT) + 1, 5);
  return {
    kind: 'contact', firstName: 'Test', lastName: `Person ${pad(i + 1, 6)}`, title: 'Example Title',
    emails: [`person-${pad(i + 1, 6)}@account-${account}.example`], accountId,
  };
}

/** `count` contacts (five per account), their accounts and one activity each, through the bulk repository calls. */
async function seedGenerated(db: SidecarDb, count: number, now: number): Promise<void> {
  const accounts = await upsertAccounts(db, generatedAccounts(count), now);
  const accountIds = accounts.map((r) => (r.status === 'ambiguous' ? null : r.record.id));
  const contacts = await upsertContacts(db, Array.from({ length: count }, (_, i) => generatedContact(i, accountIds[Math.floor(i / CONTACTS_PER_ACCOUNT)]!)), now);
  const activities = contacts.map((result, i) => {
    if (result.status === 'ambiguous') throw new Error('generated contacts never collide');
    const type = ACTIVITY_TYPES[i % ACTIVITY_TYPES.length]!;
    return buildRecord('activity', {
      type, subject: `Example ${type} ${pad(i + 1, 6)}`, direction: 'outbound', occurredAt: now - (i + 1) * 60_000,
      contactIds: [result.record.id], accountId: result.record.accountId,
    } satisfies Partial<Activity>, now);
  });
  await db.transaction('rw', db.activities, db.outbox, async () => {
    await db.activities.bulkAdd(activities);
    await enqueueUpserts(db, 'activity', activities.map((record) => ({ record, fields: [], created: true })), now);
  });
}

/**
 * Seed an empty store. The demo territory is imported as real records (not `sample`, which never
 * syncs), without its notes: a note becomes a ContentNote, which has no External ID, so a second
 * run from a fresh store would create each note again.
 */
export async function seedStore(db: SidecarDb, seed: Seed, now = SEED_CLOCK): Promise<void> {
  setIdSource(seededRandom(hash(`sidecar-seed:${seed}`)));
  try {
    if (seed === 'demo') await importTerritory(db, { ...demoTerritory(now), notes: [] }, now, { sample: false });
    else await seedGenerated(db, seed, now);
  } finally {
    setIdSource();
  }
}
