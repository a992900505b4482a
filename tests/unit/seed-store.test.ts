/** The throwaway store `sync:once` and the bench seed: same seed, same records, ids included. */
import { describe, expect, it } from 'vitest';
import { newId } from '../../lib/db/ids';
import { UNDO_WINDOW_MS } from '../../lib/model';
import { openThrowawayDb, SEED_CLOCK, seedStore, type Seed } from '../../scripts/seed-store';

async function snapshot(seed: Seed) {
  const db = openThrowawayDb();
  try {
    await seedStore(db, seed);
    const [accounts, contacts, activities, opportunities, tasks, notes, outbox] = await Promise.all([
      db.accounts.toArray(), db.contacts.toArray(), db.activities.toArray(), db.opportunities.toArray(), db.tasks.toArray(), db.notes.toArray(), db.outbox.toArray(),
    ]);
    return { accounts, contacts, activities, opportunities, tasks, notes, outbox };
  } finally {
    db.close();
  }
}

describe('seedStore', () => {
  it('writes the same records with the same ids every time, on a store of its own', async () => {
    const first = await snapshot(40);
    expect(first.accounts).toHaveLength(8);
    expect(first.contacts).toHaveLength(40);
    expect(first.activities).toHaveLength(40);
    expect(await snapshot(40)).toEqual(first);
    expect(first.contacts.every((c) => c.emails.every((e) => e.endsWith('.example')) && c.accountId !== null && !c.sample)).toBe(true);
    expect(first.activities.every((a, i) => a.contactIds[0] === first.contacts[i]!.id)).toBe(true);
    // One outbox entry per type, due once the undo window has passed.
    expect(first.outbox.map((e) => [e.recordType, e.recordIds.length, e.nextAttemptAt])).toEqual([
      ['account', 8, SEED_CLOCK + UNDO_WINDOW_MS], ['contact', 40, SEED_CLOCK + UNDO_WINDOW_MS], ['activity', 40, SEED_CLOCK + UNDO_WINDOW_MS],
    ]);
  });

  it('imports the demo territory as real records, without notes, and different seeds draw different ids', async () => {
    const demo = await snapshot('demo');
    expect(await snapshot('demo')).toEqual(demo);
    expect([demo.accounts.length, demo.contacts.length, demo.opportunities.length, demo.activities.length, demo.tasks.length, demo.notes.length]).toEqual([4, 7, 3, 5, 2, 0]);
    expect([...demo.accounts, ...demo.contacts].some((r) => r.sample)).toBe(false);
    const generated = await snapshot(5);
    expect(generated.accounts[0]!.id).not.toBe(demo.accounts[0]!.id);
  });

  it('leaves ids random again afterwards', async () => {
    await snapshot(1);
    const a = newId(SEED_CLOCK);
    await snapshot(1);
    expect(newId(SEED_CLOCK)).not.toBe(a);
  });
});
