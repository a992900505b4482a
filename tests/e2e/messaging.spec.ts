import { expect, test } from './extension-test';
import { countStores, sendRuntimeMessage } from './pages/extension-page';
import { SidePanel } from './pages/side-panel';

test('the background rejects what an extension page may not send, and changes nothing', async ({ page, extension }) => {
  await SidePanel.open(extension, page);
  await expect(page.getByText('No accounts yet.')).toBeVisible();

  // Only content scripts report pages.
  const report = await sendRuntimeMessage(page, {
    type: 'page.report',
    payload: { context: { kind: 'unknown', site: 'linkedin', reason: 'no-parser' } },
  });
  expect(report).toMatchObject({ ok: false, code: 'sender-not-allowed' });

  expect(await sendRuntimeMessage(page, { type: 'nope', payload: {} })).toMatchObject({ ok: false, code: 'unknown-type' });
  // An envelope needs a payload key (lib/messaging/envelope.ts; router.test.ts "no payload").
  expect(await sendRuntimeMessage(page, { type: 'nope' })).toMatchObject({ ok: false, code: 'malformed' });
  expect(await sendRuntimeMessage(page, 'not an envelope')).toMatchObject({ ok: false, code: 'malformed' });

  expect(await sendRuntimeMessage(page, { type: 'demo.load', payload: 'garbage' })).toMatchObject({ ok: false, code: 'invalid-payload' });
  expect((await countStores(page)).accounts).toBe(0);
  await expect(page.getByText('No accounts yet.')).toBeVisible();

  // The same message with a valid payload is accepted, once.
  expect(await sendRuntimeMessage(page, { type: 'demo.load', payload: {} })).toEqual({ ok: true, data: { accounts: 4, contacts: 7 } });
  expect(await sendRuntimeMessage(page, { type: 'demo.load', payload: {} })).toMatchObject({ ok: false, code: 'duplicate' });
  expect((await countStores(page)).accounts).toBe(4);
});
