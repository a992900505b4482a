import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TERRITORY_NAME, demoTerritory } from '../demo/demo-territory';
import { captureAccount } from './accounts';
import { captureContact, updateContact } from './contacts';
import type { SidecarDb } from './database';
import { importTerritory } from './import-territory';
import { hasSampleData, removeSampleData } from './sample-data';
import { freshDb } from './test-db';

let db: SidecarDb;
beforeEach(() => {
  db = freshDb();
});
const NOW = Date.UTC(2026, 10, 29);

describe('sample data (the demo territory)', () => {
  it('is stored as sample and never queued for a CRM, even after an edit', async () => {
    await importTerritory(db, demoTerritory(NOW), NOW, { sample: true });
    expect(await hasSampleData(db)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    const maija = (await db.contacts.where('emails').equals('maija.korhonen@aurora-grid.example').first())!;
    await updateContact(db, maija.id, { title: 'CFO' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('stays sample when a real capture touches it, and real data stays real', async () => {
    await importTerritory(db, demoTerritory(NOW), NOW, { sample: true });
    const result = await captureAccount(db, { name: 'Aurora Grid', website: 'https://aurora-grid.example', industry: 'Energy' });
    expect(result.status === 'updated' && result.record.sample).toBe(true);
    const real = await captureContact(db, { kind: 'lead', lastName: 'Real', emails: ['real@customer.example'] });
    expect(real.status === 'created' && real.record.sample).toBe(false);
    expect(await db.outbox.count()).toBe(1);
  });

  it('removes every sample record and the demo territory, and keeps real people as leads', async () => {
    await importTerritory(db, demoTerritory(NOW), NOW, { sample: true });
    const aurora = (await db.accounts.where('domains').equals('aurora-grid.example').first())!;
    await captureContact(db, { kind: 'contact', lastName: 'Real', accountId: aurora.id, emails: ['real@aurora-grid.example'] });
    await removeSampleData(db, DEMO_TERRITORY_NAME);
    expect(await hasSampleData(db)).toBe(false);
    for (const table of [db.accounts, db.opportunities, db.activities, db.notes, db.tasks, db.territories]) {
      expect(await table.count(), table.name).toBe(0);
    }
    const people = await db.contacts.toArray();
    expect(people).toEqual([expect.objectContaining({ lastName: 'Real', kind: 'lead', accountId: null, company: 'Aurora Grid Oy' })]);
  });
});
