import { expect, test } from './extension-test';
import { countStores } from './pages/extension-page';
import { DELETE_PHRASE, OptionsPage } from './pages/options';

test('the options page shows its sections, and deletes everything only after the typed confirmation', async ({ page, extension }) => {
  const options = await OptionsPage.open(extension, page);
  for (const section of ['CRM', 'Prospects’ websites', 'Sidebar', 'Your data']) {
    await expect(options.section(section)).toBeVisible();
  }
  // The production-shaped test build does not hold "all sites" until the rep allows it.
  await expect(options.section('Prospects’ websites').getByRole('button', { name: 'Allow on all sites…' })).toBeVisible();

  await options.loadDemoButton.click();
  await expect(options.stat('accounts')).toHaveText('4');
  await expect(options.stat('contacts')).toHaveText('7');
  expect((await countStores(page)).accounts).toBe(4);

  // The button stays disabled until the exact phrase is typed.
  await expect(options.deleteButton).toBeDisabled();
  await options.confirmation.fill('delete');
  await expect(options.deleteButton).toBeDisabled();
  await options.confirmation.fill(DELETE_PHRASE.toUpperCase());
  await expect(options.deleteButton).toBeDisabled();
  expect((await countStores(page)).accounts).toBe(4);

  await options.confirmation.fill(DELETE_PHRASE);
  await expect(options.deleteButton).toBeEnabled();
  await options.deleteButton.click();

  await expect(options.stat('accounts')).toHaveText('0');
  await expect(options.stat('waiting to sync')).toHaveText('0');
  await expect(options.confirmation).toHaveValue('');
  const counts = await countStores(page);
  expect(Object.keys(counts).sort()).toEqual(
    ['accounts', 'activities', 'checkpoints', 'conflicts', 'contacts', 'describes', 'notes', 'opportunities', 'outbox', 'secrets', 'syncIssues', 'tasks', 'territories'],
  );
  for (const [store, n] of Object.entries(counts)) expect(n, `${store} after delete`).toBe(0);
});
