import { describe, expect, it } from 'vitest';
import { SidecarDb } from './database';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { importTerritory } from './import-territory';
import { demoTerritory } from '../demo/demo-territory';

describe('schema upgrades', () => {
  it('opens a v1 database, fills it, upgrades to the current version and finds every record intact', async () => {
    const name = `sidecar-upgrade-${Math.random().toString(36).slice(2)}`;
    const v1 = new SidecarDb(name, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name)).not.toContain('conflicts');
    await importTerritory(v1, demoTerritory(Date.UTC(2026, 10, 1)), Date.UTC(2026, 10, 1));
    const before = Object.fromEntries(await Promise.all(v1.tables.map(async (t) => [t.name, await t.toArray()] as const)));
    v1.close();

    const current = new SidecarDb(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThan(1);
    for (const [table, rows] of Object.entries(before)) {
      expect(rows.length, `${table} had rows`).toBeGreaterThanOrEqual(table === 'checkpoints' ? 0 : 1);
      expect(await current.table(table).toArray(), table).toEqual(rows);
    }
    // The indexes the new version added answer over the old rows.
    const fjord = (await current.accounts.where('domains').equals('fjordline-logistics.example').first())!;
    const timeline = await current.activities.where('[accountId+occurredAt]').between([fjord.id, 0], [fjord.id, Infinity]).reverse().toArray();
    expect(timeline.map((a) => a.subject)).toEqual(['Pricing for the expansion', 'Technical check-in with IT']);
    expect(await current.conflicts.count()).toBe(0);
    current.close();
  });
});
