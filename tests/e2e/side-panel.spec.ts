import { expect, test } from './extension-test';
import { countStores, outboxCoverage } from './pages/extension-page';
import { SidePanel } from './pages/side-panel';

/** What the demo territory holds (lib/demo/demo-territory.ts). */
const DEMO = { accounts: 4, contacts: 7, opportunities: 3, activities: 5, notes: 3, tasks: 2, territories: 1 } as const;
const SYNCED_STORES = ['accounts', 'contacts', 'opportunities', 'activities', 'notes', 'tasks'] as const;

test('the side panel loads the demo territory into IndexedDB, and it survives a reload', async ({ page, extension }) => {
  const panel = await SidePanel.open(extension, page);

  // First run: the offer, and empty lists.
  await expect(panel.welcome).toBeVisible();
  await expect(panel.loadDemoButton).toBeEnabled();
  await expect(page.getByText('No accounts yet.')).toBeVisible();
  await expect(page.getByText('No contacts yet.')).toBeVisible();
  await expect(page.getByText('No activities yet.')).toBeVisible();
  expect(await countStores(page)).toMatchObject({ accounts: 0, contacts: 0, activities: 0, outbox: 0 });

  await panel.loadDemo();

  await expect(panel.account('Fjordline Logistics AB')).toHaveCount(1);
  await expect(panel.account('Fjordline Logistics AB')).toContainText('Customer');
  await expect(panel.account('NordIntegra Partners ApS').getByText('Channel partner', { exact: true })).toBeVisible();
  await expect(panel.accounts).toContainText('Aurora Grid Oy');
  await expect(panel.accounts).toContainText('Tindra Health AS');
  await expect(panel.contacts.getByRole('listitem')).toHaveCount(DEMO.contacts);
  await expect(panel.contacts.getByRole('listitem').filter({ hasText: 'Astrid Lindqvist' })).toContainText('Fjordline Logistics AB');
  await expect(panel.contacts.getByRole('listitem').filter({ hasText: 'Lena Solvik' })).toContainText('Lead');
  await expect(panel.activities.getByRole('listitem')).toHaveCount(DEMO.activities);
  // Newest first.
  await expect(panel.activities.getByRole('listitem').first()).toContainText('Pricing for the expansion');
  await expect(panel.welcome).toHaveCount(0);

  // Really in IndexedDB, read without the app: every store holds exactly the demo territory.
  const counts = await countStores(page);
  expect(counts).toMatchObject({ ...DEMO, checkpoints: 0, conflicts: 0 });
  // The outbox queues one entry per record a CRM should receive, and none for sample (demo) records:
  // `sample` records never sync (lib/db/outbox.ts).
  const coverage = await outboxCoverage(page, SYNCED_STORES);
  const syncable = coverage.records.filter((r) => !r.sample).map((r) => r.id);
  expect(coverage.records).toHaveLength(SYNCED_STORES.reduce((sum, store) => sum + DEMO[store], 0));
  expect(coverage.outboxRecordIds).toHaveLength(syncable.length);
  expect(new Set(coverage.outboxRecordIds)).toEqual(new Set(syncable));
  expect(counts.outbox).toBe(syncable.length);

  await page.reload();
  await expect(panel.accounts.getByRole('listitem')).toHaveCount(DEMO.accounts);
  await expect(panel.contacts.getByRole('listitem')).toHaveCount(DEMO.contacts);
  await expect(panel.activities.getByRole('listitem')).toHaveCount(DEMO.activities);
  await expect(panel.welcome).toHaveCount(0);
  await expect(panel.loadDemoButton).toHaveCount(0);
  expect(await countStores(page)).toEqual(counts);
});
