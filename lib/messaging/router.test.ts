import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RepositoryError } from '../db/errors';
import { createRouter, type Handlers } from './router';

const EXT = 'sidecar-extension-id';
const PAGE = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
const SIDEBAR_FRAME = { id: EXT, url: 'chrome-extension://3f1c3a94-8a8e-4b9c-9f7e-1f6b1d9a2b11/sidebar.html', tab: { id: 7 } };
const LINKEDIN = { id: EXT, url: 'https://www.linkedin.com/in/someone', tab: { id: 7 }, frameId: 0 };
const GMAIL = { id: EXT, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 8 }, frameId: 0 };

const notUsedHere = async (): Promise<never> => {
  throw new Error('not used in these tests');
};

function spyHandlers() {
  const calls: string[] = [];
  const done = async () => ({ done: true as const });
  const handlers = {
    'page.report': vi.fn(async () => (calls.push('page.report'), { done: true as const })),
    'page.get': vi.fn(async () => ({ tabId: 7, context: null })),
    'store.summary': vi.fn(async () => ({ accounts: 0, contacts: 0, opportunities: 0, activities: 0, notes: 0, tasks: 0, pending: 0 })),
    'sidebar.set-open': vi.fn(done),
    'account.save': vi.fn(async () => ({ id: '01JD0000000000000000000001' })),
    'contact.save': vi.fn(async () => {
      throw new RepositoryError('duplicate', 'this person is already a contact', { existingId: '01JD0000000000000000000002' });
    }),
    'note.save': vi.fn(async () => ({ id: 'not-a-ulid' })),
    'record.delete': vi.fn(done),
    'demo.load': vi.fn(async () => ({ accounts: 4, contacts: 7 })),
    'demo.remove': vi.fn(done),
    'profile.view': vi.fn(async () => ({ contact: null, account: null, lastActivity: null, notes: [], changes: [], jobChange: null })),
    'profile.capture': vi.fn(async () => ({ contactId: '01JD0000000000000000000003', accountId: null, createdContact: true, createdAccountId: null })),
    'profile.update': vi.fn(async () => ({ id: '01JD0000000000000000000003' })),
    'capture.undo': vi.fn(done),
    'company.view': vi.fn(async () => ({ account: null, candidates: [], contacts: [], activities: [], notes: [] })),
    'company.capture': vi.fn(async () => ({ id: '01JD0000000000000000000004' })),
    'data.clear': vi.fn(async () => {
      throw new Error('Jane Doe <jane@acme.example> broke');
    }),
    // Salesforce and sync messages have their own router tests (lib/background/*-handlers.test.ts).
    'salesforce.status': vi.fn(notUsedHere),
    'salesforce.connect': vi.fn(notUsedHere),
    'salesforce.disconnect': vi.fn(notUsedHere),
    'salesforce.fields': vi.fn(notUsedHere),
    'sync.status': vi.fn(notUsedHere),
    'sync.now': vi.fn(notUsedHere),
    'conflict.resolve': vi.fn(notUsedHere),
    'issue.retry': vi.fn(notUsedHere),
    'issue.link': vi.fn(notUsedHere),
    'issue.create-new': vi.fn(notUsedHere),
    'issue.discard': vi.fn(notUsedHere),
  } satisfies Handlers;
  return { handlers, calls };
}

let spies: ReturnType<typeof spyHandlers>;
let route: ReturnType<typeof createRouter>;
let writes: number;
beforeEach(() => {
  spies = spyHandlers();
  writes = 0;
  route = createRouter(spies.handlers, EXT, async () => {
    writes += 1;
  });
});

const context = { kind: 'unknown', site: 'linkedin', reason: 'no-parser' };

describe('router: what it accepts', () => {
  it('runs a valid message from an allowed sender and returns its parsed response', async () => {
    expect(await route({ type: 'page.report', payload: { context } }, LINKEDIN)).toEqual({ ok: true, data: { done: true } });
    expect(spies.handlers['page.report']).toHaveBeenCalledWith({ context }, { sender: LINKEDIN, senderKind: 'linkedin-content' });
  });

  it('announces a store change after a successful write, and only then', async () => {
    await route({ type: 'page.get', payload: { tabId: null } }, PAGE);
    expect(writes).toBe(0);
    await route({ type: 'demo.load', payload: {} }, PAGE);
    expect(writes).toBe(1);
    await route({ type: 'contact.save', payload: { fields: { lastName: 'Doe', kind: 'lead' } } }, PAGE);
    expect(writes).toBe(1);
  });

  it('accepts extension pages, including the sidebar frame whose URL carries a per-session id', async () => {
    expect(await route({ type: 'demo.load', payload: {} }, PAGE)).toEqual({ ok: true, data: { accounts: 4, contacts: 7 } });
    expect(await route({ type: 'page.get', payload: { tabId: null } }, SIDEBAR_FRAME)).toMatchObject({ ok: true });
  });
});

describe('router: typed rejections that change nothing', () => {
  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['no type', { payload: {} }],
    ['a numeric type', { type: 42, payload: {} }],
    ['no payload', { type: 'page.report' }],
  ])('rejects %s as malformed', async (_label, raw) => {
    expect(await route(raw, PAGE)).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('rejects an unknown type, and a type inherited from Object.prototype', async () => {
    expect(await route({ type: 'contact.exportAll', payload: {} }, PAGE)).toMatchObject({ ok: false, code: 'unknown-type' });
    expect(await route({ type: 'toString', payload: {} }, PAGE)).toMatchObject({ ok: false, code: 'unknown-type' });
    expect(await route({ type: '__proto__', payload: {} }, PAGE)).toMatchObject({ ok: false, code: 'unknown-type' });
  });

  it('rejects a content script sending a page-only message', async () => {
    const reply = await route({ type: 'data.clear', payload: { confirm: 'delete everything' } }, LINKEDIN);
    expect(reply).toMatchObject({ ok: false, code: 'sender-not-allowed' });
    expect(spies.handlers['data.clear']).not.toHaveBeenCalled();
  });

  it('rejects an extension page pretending to report a page', async () => {
    expect(await route({ type: 'page.report', payload: { context } }, PAGE)).toMatchObject({ ok: false, code: 'sender-not-allowed' });
    expect(spies.calls).toEqual([]);
  });

  it.each([
    ['another extension', { ...PAGE, id: 'someone-else' }],
    ['no id', { url: PAGE.url }],
    ['no url', { id: EXT }],
    ['a plain http page', { id: EXT, url: 'http://mail.google.com/', tab: { id: 1 } }],
    ['a file URL', { id: EXT, url: 'file:///etc/passwd' }],
    ['a garbage URL', { id: EXT, url: '::::' }],
  ])('rejects a sender that is %s', async (_label, sender) => {
    expect(await route({ type: 'page.report', payload: { context } }, sender)).toMatchObject({ ok: false, code: 'sender-not-allowed' });
    expect(spies.calls).toEqual([]);
  });

  it.each([
    ['wrong kind', { type: 'page.report', payload: { context: { ...context, kind: 'linkedin-hacked' } } }],
    ['extra-long reason', { type: 'page.report', payload: { context: { ...context, reason: 'x'.repeat(500) } } }],
    ['page text as a reason', { type: 'page.report', payload: { context: { ...context, reason: '<img src=x onerror=alert(1)>' } } }],
  ])('rejects a malformed payload (%s) before any handler runs', async (_label, raw) => {
    const reply = await route(raw, GMAIL);
    expect(reply).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(spies.calls).toEqual([]);
  });

  it('refuses fields no page may set: ids, sync state, the sample mark', async () => {
    for (const fields of [{ lastName: 'Doe', kind: 'lead', sample: true }, { lastName: 'Doe', kind: 'lead', remote: {} }, { id: '01JD0000000000000000000001' }]) {
      expect(await route({ type: 'contact.save', payload: { fields } }, PAGE)).toMatchObject({ ok: false, code: 'invalid-payload' });
    }
    expect(spies.handlers['contact.save']).not.toHaveBeenCalled();
  });

  it('names the failing paths but never echoes the values', async () => {
    const reply = await route({ type: 'contact.save', payload: { fields: { emails: ['jane.doe@acme.example', 'nope'] } } }, PAGE);
    expect(reply).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(JSON.stringify(reply)).not.toContain('jane.doe');
    expect(JSON.stringify(reply)).toContain('fields.emails.1');
  });

  it('passes a repository error through with its code and details', async () => {
    const reply = await route({ type: 'contact.save', payload: { fields: { lastName: 'Doe', kind: 'lead' } } }, PAGE);
    expect(reply).toEqual({
      ok: false, code: 'duplicate', message: 'this person is already a contact', details: { existingId: '01JD0000000000000000000002' },
    });
  });

  it('turns any other failure into "failed" without leaking its message', async () => {
    const reply = await route({ type: 'data.clear', payload: { confirm: 'delete everything' } }, PAGE);
    expect(reply).toMatchObject({ ok: false, code: 'failed' });
    expect(JSON.stringify(reply)).not.toContain('jane');
  });

  it('never replies with a response that breaks its own schema', async () => {
    const reply = await route({ type: 'note.save', payload: { fields: { body: 'x', accountId: '01JD0000000000000000000001' } } }, PAGE);
    expect(reply).toMatchObject({ ok: false, code: 'failed' });
  });
});
