import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SidecarDb } from '../db/database';
import { freshDb } from '../db/test-db';
import { createRouter } from '../messaging/router';
import { onboarding } from '../settings/items';
import { handleCommand } from './commands';
import { createHandlers } from './handlers';
import { loadPageContext } from './page-contexts';

const EXT = fakeBrowser.runtime.id;
const PAGE = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
const LINKEDIN_TAB = { id: EXT, url: 'https://www.linkedin.com/feed/', tab: { id: 12 }, frameId: 0 };

let db: SidecarDb;
let route: ReturnType<typeof createRouter>;
beforeEach(() => {
  db = freshDb();
  route = createRouter(createHandlers(db), EXT);
});

describe('background handlers behind the router', () => {
  it('keeps each tab’s page context in session storage and serves it to that tab’s sidebar', async () => {
    const context = { kind: 'unknown', site: 'linkedin', reason: 'no-parser' };
    expect(await route({ type: 'page.report', payload: { context } }, LINKEDIN_TAB)).toMatchObject({ ok: true });
    expect(await loadPageContext(12)).toEqual(context);
    const sidebarFrame = { id: EXT, url: 'chrome-extension://0d3c/sidebar.html', tab: { id: 12 } };
    expect(await route({ type: 'page.get', payload: { tabId: null } }, sidebarFrame)).toEqual({ ok: true, data: { tabId: 12, context } });
    expect(await route({ type: 'page.get', payload: { tabId: 99 } }, PAGE)).toEqual({ ok: true, data: { tabId: 99, context: null } });
  });

  it('relays the sidebar’s close button to its own tab’s top frame', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const sidebarFrame = { id: EXT, url: 'chrome-extension://0d3c/sidebar.html', tab: { id: 12 } };
    expect(await route({ type: 'sidebar.set-open', payload: { open: false } }, sidebarFrame)).toMatchObject({ ok: true });
    expect(sendMessage).toHaveBeenCalledWith(12, { type: 'sidebar.set-open', payload: { open: false } }, { frameId: 0 });
  });

  it('loads the demo territory once, then refuses a second load with a typed error', async () => {
    expect(await route({ type: 'demo.load', payload: {} }, PAGE)).toEqual({ ok: true, data: { accounts: 4, contacts: 7 } });
    expect(await onboarding.getValue()).toEqual({ demoAnswered: true });
    const outboxBefore = await db.outbox.count();
    expect(await route({ type: 'demo.load', payload: {} }, PAGE)).toMatchObject({ ok: false, code: 'duplicate' });
    expect(await db.accounts.count()).toBe(4);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('saves, edits and deletes through the repositories', async () => {
    const created = await route({ type: 'account.save', payload: { fields: { name: 'Acme', website: 'https://acme.example' } } }, PAGE);
    expect(created).toMatchObject({ ok: true });
    const id = (created as { data: { id: string } }).data.id;
    await route({ type: 'account.save', payload: { id, fields: { industry: 'Software' } } }, PAGE);
    expect(await db.accounts.get(id)).toMatchObject({ name: 'Acme', industry: 'Software', domains: ['acme.example'] });
    const note = await route({ type: 'note.save', payload: { fields: { accountId: id, body: 'First call went well' } } }, PAGE);
    expect(note).toMatchObject({ ok: true });
    expect(await route({ type: 'record.delete', payload: { recordType: 'account', id } }, PAGE)).toMatchObject({ ok: true });
    expect(await db.accounts.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
  });

  it('rejects a note with no parent record and writes nothing', async () => {
    const reply = await route({ type: 'note.save', payload: { fields: { body: 'orphan' } } }, PAGE);
    expect(reply).toMatchObject({ ok: false, code: 'invalid' });
    expect(await db.notes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('clears every table only with the typed confirmation', async () => {
    await route({ type: 'demo.load', payload: {} }, PAGE);
    expect(await route({ type: 'data.clear', payload: { confirm: 'yes' } }, PAGE)).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await db.accounts.count()).toBe(4);
    expect(await route({ type: 'data.clear', payload: { confirm: 'delete everything' } }, PAGE)).toMatchObject({ ok: true });
    expect((await Promise.all(db.tables.map((t) => t.count()))).every((n) => n === 0)).toBe(true);
  });
});

describe('keyboard shortcut handler', () => {
  it('toggles the sidebar in the given tab', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await handleCommand('toggle-sidebar', 3)).toBe(true);
    expect(sendMessage).toHaveBeenCalledWith(3, { type: 'sidebar.toggle', payload: {} }, { frameId: 0 });
  });

  it('does nothing for another command, or a tab without Sidecar', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    expect(await handleCommand('something-else', 3)).toBe(false);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(await handleCommand('toggle-sidebar', 3)).toBe(false);
  });
});
