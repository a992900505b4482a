import { beforeEach, describe, expect, it } from 'vitest';
import { demoTerritory } from '../demo/demo-territory';
import type { SidecarDb } from './database';
import { importTerritory } from './import-territory';
import { freshDb } from './test-db';

let db: SidecarDb;
beforeEach(() => {
  db = freshDb();
});
const NOW = Date.UTC(2026, 10, 29);

describe('importTerritory with the demo territory', () => {
  it('links every record to the right account and partner', async () => {
    const summary = await importTerritory(db, demoTerritory(NOW), NOW);
    expect(summary).toEqual({ accounts: 4, contacts: 7, ambiguous: 0 });
    const byName = new Map((await db.accounts.toArray()).map((a) => [a.name, a]));
    const fjord = byName.get('Fjordline Logistics AB')!;
    const partner = byName.get('NordIntegra Partners ApS')!;
    expect(partner.type).toBe('partner');
    expect(fjord.partnerAccountId).toBe(partner.id);
    const territory = (await db.territories.toArray())[0]!;
    expect([...byName.values()].every((a) => a.territoryId === territory.id)).toBe(true);
    const astrid = (await db.contacts.where('emails').equals('astrid.lindqvist@fjordline-logistics.example').first())!;
    expect(astrid.accountId).toBe(fjord.id);
    expect(astrid.buyingRole).toBe('decision-maker');
    const lead = (await db.contacts.where('linkedinUrl').equals('https://www.linkedin.com/in/lena-solvik-demo').first())!;
    expect(lead).toMatchObject({ kind: 'lead', accountId: null, company: 'Solvik Energi' });
    const deal = (await db.opportunities.where('accountId').equals(fjord.id).first())!;
    expect(deal.partnerAccountId).toBe(partner.id);
    const call = (await db.activities.where('contactIds').equals(astrid.id).toArray()).map((a) => a.subject);
    expect(call).toEqual(['Pricing for the expansion']);
    expect(await db.notes.where('accountId').equals(fjord.id).count()).toBe(1);
  });

  it('queues every record for the CRM exactly once, in one create entry per write', async () => {
    await importTerritory(db, demoTerritory(NOW), NOW);
    const tables = [db.accounts, db.contacts, db.opportunities, db.activities, db.notes, db.tasks];
    const recordIds = (await Promise.all(tables.map((t) => t.toCollection().primaryKeys()))).flat();
    const entries = await db.outbox.toArray();
    const queued = entries.flatMap((e) => e.recordIds);
    expect(queued.sort()).toEqual(recordIds.sort());
    expect(entries.every((e) => e.op === 'create' && e.fields.length === 0)).toBe(true);
    // Accounts go one capture at a time (partners first); everything else in one entry per type.
    expect(entries.length).toBeLessThan(recordIds.length);
  });

  it('is deterministic: the same input gives the same records', async () => {
    const a = demoTerritory(NOW);
    const b = demoTerritory(NOW);
    expect(a).toEqual(b);
  });

  it('rolls back everything when one record is invalid', async () => {
    const data = demoTerritory(NOW);
    data.notes = [...(data.notes ?? []), { accountId: 'fjord', body: '   ' }];
    await expect(importTerritory(db, data, NOW)).rejects.toMatchObject({ code: 'invalid' });
    const counts = await Promise.all(db.tables.map((t) => t.count()));
    expect(counts.every((n) => n === 0)).toBe(true);
  });
});
