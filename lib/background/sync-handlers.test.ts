import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SalesforceClient } from '../crm/salesforce/client';
import { AuthError } from '../crm/salesforce/errors';
import type { SalesforceSession } from '../crm/salesforce/session';
import { createContact } from '../db/contacts';
import type { SidecarDb } from '../db/database';
import { newId } from '../db/ids';
import { freshDb } from '../db/test-db';
import { createRouter } from '../messaging/router';
import type { SyncScheduler } from '../sync/scheduler';
import { syncStatusItem } from '../sync/sync-status-store';
import { INITIAL_SYNC_STATUS } from '../sync/sync-status';
import { createHandlers } from './handlers';

const EXT = fakeBrowser.runtime.id;
const PAGE = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
const LINKEDIN = { id: EXT, url: 'https://www.linkedin.com/feed/', tab: { id: 3 }, frameId: 0 };
const SESSION: SalesforceSession = { client: {} as SalesforceClient, userId: '005000000000001AAA', instanceUrl: 'https://acme.my.salesforce.com/' };

let db: SidecarDb;
let open: ReturnType<typeof vi.fn<() => Promise<SalesforceSession | null>>>;
let syncNow: ReturnType<typeof vi.fn<() => Promise<'synced'>>>;
let route: ReturnType<typeof createRouter>;
beforeEach(() => {
  db = freshDb();
  open = vi.fn(async () => null);
  syncNow = vi.fn(async () => 'synced' as const);
  const scheduler = { syncNow } as unknown as SyncScheduler;
  route = createRouter(createHandlers(db, { scheduler, openSalesforce: open }), EXT);
});

describe('sync messages behind the router', () => {
  it('sync.status: not connected, with what waits to sync', async () => {
    await createContact(db, { kind: 'lead', lastName: 'Berg' });
    const reply = await route({ type: 'sync.status', payload: {} }, PAGE);
    expect(reply).toMatchObject({ ok: true, data: { connection: 'not-connected', instanceUrl: null, pending: 1, parked: 0, conflicts: 0, issues: 0, running: false, lastSuccessAt: null } });
  });

  it('sync.status: connected, with the org address for links; a refused grant shows as "reconnect needed"', async () => {
    open.mockResolvedValue(SESSION);
    await syncStatusItem.setValue({ ...INITIAL_SYNC_STATUS, connection: 'connected', lastSuccessAt: 1_000 });
    expect(await route({ type: 'sync.status', payload: {} }, PAGE)).toMatchObject({ ok: true, data: { connection: 'connected', instanceUrl: 'https://acme.my.salesforce.com', lastSuccessAt: 1_000 } });
    open.mockRejectedValue(new AuthError('connect again'));
    expect(await route({ type: 'sync.status', payload: {} }, PAGE)).toMatchObject({ ok: true, data: { connection: 'reconnect-needed', instanceUrl: null } });
  });

  it('sync.now runs the scheduler; content scripts may not ask', async () => {
    expect(await route({ type: 'sync.now', payload: {} }, PAGE)).toEqual({ ok: true, data: { outcome: 'synced' } });
    expect(await route({ type: 'sync.now', payload: {} }, LINKEDIN)).toMatchObject({ ok: false, code: 'sender-not-allowed' });
    expect(syncNow).toHaveBeenCalledTimes(1);
  });

  it('conflict.resolve settles a conflict; issue.link refuses what is not a Salesforce Id before any handler', async () => {
    const contact = await createContact(db, { kind: 'contact', lastName: 'Berg', title: 'CTO' });
    await db.contacts.update(contact.id, { 'remote.salesforce': { id: '003000000000001AAA', syncedAt: 1, base: { Title: 'CEO' } } });
    const id = newId();
    await db.conflicts.add({ id, crm: 'salesforce', recordType: 'contact', recordId: contact.id, field: 'Title', base: 'CEO', local: 'CTO', remote: 'CFO', createdAt: 1 });
    expect(await route({ type: 'conflict.resolve', payload: { id, keep: 'salesforce' } }, PAGE)).toEqual({ ok: true, data: { done: true } });
    expect((await db.contacts.get(contact.id))?.title).toBe('CFO');
    expect(await route({ type: 'issue.link', payload: { id: 'salesforce:contact:x', candidateId: '../logout' } }, PAGE)).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await route({ type: 'issue.retry', payload: { id: 'salesforce:contact:nope' } }, PAGE)).toMatchObject({ ok: false, code: 'not-found' });
  });
});
