import { describe, expect, it } from 'vitest';
import { demoTerritory } from '../demo/demo-territory';
import { OutboxEntry } from '../model';
import { SidecarDb } from './database';
import { newId } from './ids';
import { importTerritory } from './import-territory';
import { CURRENT_SCHEMA_VERSION } from './schema';

const NOW = Date.UTC(2026, 10, 1);

/** An outbox entry as schema v1 stored it: one record per entry, op `upsert`. */
function v1Entry(recordType: string, recordId: string, op: 'upsert' | 'delete', fields: string[] = []) {
  return {
    id: newId(NOW), recordType, recordId, op, fields, remoteIds: op === 'delete' ? { salesforce: '001xx' } : {},
    state: 'pending', attempts: 0, nextAttemptAt: NOW, lastError: null, createdAt: NOW, updatedAt: NOW, payloadVersion: 1,
  };
}

describe('schema upgrades', () => {
  it('opens a v1 database, fills it, upgrades to the current version and finds every record intact', async () => {
    const name = `sidecar-upgrade-${Math.random().toString(36).slice(2)}`;
    const v1 = new SidecarDb(name, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name)).not.toContain('conflicts');
    await importTerritory(v1, demoTerritory(NOW), NOW);
    // The outbox as v1 wrote it.
    await v1.outbox.clear();
    const contacts = await v1.contacts.toArray();
    const v1Outbox = [
      ...contacts.map((c) => v1Entry('contact', c.id, 'upsert')),
      v1Entry('account', (await v1.accounts.toCollection().first())!.id, 'upsert', ['industry']),
      v1Entry('note', newId(NOW), 'delete'),
    ];
    await v1.table('outbox').bulkAdd(v1Outbox);
    const before = Object.fromEntries(await Promise.all(v1.tables.map(async (t) => [t.name, await t.toArray()] as const)));
    v1.close();

    const current = new SidecarDb(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThan(1);
    for (const [table, rows] of Object.entries(before)) {
      if (table === 'outbox' || table === 'checkpoints') continue;
      expect(rows.length, `${table} had rows`).toBeGreaterThan(0);
      expect(await current.table(table).toArray(), table).toEqual(rows);
    }

    // Every queued change survived, in the current shape, so nothing goes unsynced.
    const outbox = await current.outbox.toArray();
    expect(outbox).toHaveLength(v1Outbox.length);
    for (const entry of outbox) expect(OutboxEntry.safeParse(entry).success, JSON.stringify(entry)).toBe(true);
    expect(outbox.map((e) => [e.recordType, e.op, e.recordIds, e.fields])).toEqual(
      v1Outbox.map((e) => [e.recordType, e.op === 'delete' ? 'delete' : e.fields.length ? 'update' : 'create', [e.recordId], e.fields]),
    );
    expect(await current.outbox.where('recordIds').equals(contacts[0]!.id).count()).toBe(1);

    // The indexes the new version added answer over the old rows.
    const fjord = (await current.accounts.where('domains').equals('fjordline-logistics.example').first())!;
    const timeline = await current.activities.where('[accountId+occurredAt]').between([fjord.id, 0], [fjord.id, Infinity]).reverse().toArray();
    expect(timeline.map((a) => a.subject)).toEqual(['Pricing for the expansion', 'Technical check-in with IT']);
    expect(await current.conflicts.count()).toBe(0);
    current.close();
  });
});
