import { expect, test } from './extension-test';
import { countStores, outboxCoverage, sendRuntimeMessage } from './pages/extension-page';
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
  // Demo records are sample data: stored, but never queued for a CRM (lib/db/outbox.ts).
  const coverage = await outboxCoverage(page, SYNCED_STORES);
  expect(coverage.records).toHaveLength(SYNCED_STORES.reduce((sum, store) => sum + DEMO[store], 0));
  expect(coverage.records.every((r) => r.sample)).toBe(true);
  expect(coverage.outboxRecordIds).toEqual([]);
  expect(counts.outbox).toBe(0);

  await page.reload();
  await expect(panel.accounts.getByRole('listitem')).toHaveCount(DEMO.accounts);
  await expect(panel.contacts.getByRole('listitem')).toHaveCount(DEMO.contacts);
  await expect(panel.activities.getByRole('listitem')).toHaveCount(DEMO.activities);
  await expect(panel.welcome).toHaveCount(0);
  await expect(panel.loadDemoButton).toHaveCount(0);
  expect(await countStores(page)).toEqual(counts);
});

test('a real contact saved through the background appears live in the side panel and is queued once for the CRM', async ({ page, extension }) => {
  const panel = await SidePanel.open(extension, page);
  await expect(page.getByText('No contacts yet.')).toBeVisible();
  const reply = (await sendRuntimeMessage(page, {
    type: 'contact.save',
    payload: { fields: { kind: 'lead', firstName: 'Riya', lastName: '<img src=x onerror=alert(1)>', emails: ['Riya@Prospect.example'] } },
  })) as { ok: boolean; data?: { id: string } };
  expect(reply.ok).toBe(true);
  // liveQuery: no reload. The hostile last name renders as text (the fixture fails on any dialog).
  await expect(panel.contacts.getByRole('listitem')).toHaveCount(1);
  await expect(panel.contacts).toContainText('Riya <img src=x onerror=alert(1)>');
  const coverage = await outboxCoverage(page, SYNCED_STORES);
  expect(coverage.outboxRecordIds).toEqual([reply.data?.id]);

  // The same email again is refused with the existing contact's id, and nothing new is queued.
  const again = (await sendRuntimeMessage(page, {
    type: 'contact.save',
    payload: { fields: { kind: 'lead', lastName: 'Other', emails: ['riya@prospect.example'] } },
  })) as { ok: boolean; code?: string; details?: unknown };
  expect(again).toMatchObject({ ok: false, code: 'duplicate', details: { existingId: reply.data?.id } });
  expect((await outboxCoverage(page, SYNCED_STORES)).outboxRecordIds).toHaveLength(1);
  await expect(panel.contacts.getByRole('listitem')).toHaveCount(1);
});
