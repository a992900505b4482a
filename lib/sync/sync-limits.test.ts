import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulator/salesforce';
import { ApiVersionError, IncompleteAnswerError } from '../crm/salesforce/errors';
import { createAccount } from '../db/accounts';
import { createContact } from '../db/contacts';
import { updateRecord } from '../db/records';
import type { SidecarDb } from '../db/database';
import { freshDb } from '../db/test-db';
import { UNDO_WINDOW_MS } from '../model';
import { DEFAULT_SYNC_SETTINGS, type SyncContext } from './context';
import { syncOnce } from './run-sync';
import { describeFailure } from './sync-status';
import { emulatorContext } from './test-support';

/** Sync runs against the emulator at Salesforce's limits, and what the rep is left with when the org refuses. */
let sf: SalesforceEmulator;
let db: SidecarDb;

type Alter = (url: string, init: RequestInit) => Promise<Response | null>;

function context(clock: { now: number }, alter?: Alter): SyncContext {
  return emulatorContext(sf, db, {
    now: () => clock.now,
    fetch: async (input, init = {}) => (alter ? await alter(String(input), init) : null) ?? fetch(input, init),
  });
}

async function seed(t0: number): Promise<void> {
  const account = await createAccount(db, { name: 'Fjord Freight', domains: ['fjord.example'], website: 'https://fjord.example' }, t0);
  await createContact(db, { kind: 'contact', firstName: 'Ola', lastName: 'Nordmann', emails: ['ola@fjord.example'], accountId: account.id }, t0);
  await createContact(db, { kind: 'contact', firstName: 'Kari', lastName: 'Nordmann', emails: ['kari@fjord.example'], accountId: account.id }, t0);
}

/** The match look-up for people: the Composite call whose queries ask Contacts by email. */
const isPeopleLookup = (init: RequestInit) => typeof init.body === 'string' && init.body.includes('compositeRequest') && init.body.includes('Email%20IN');

beforeEach(async () => {
  sf = await startSalesforceEmulator();
  db = freshDb();
});
afterEach(async () => {
  await sf.close();
  db.close();
});

describe('a sync with nothing new', () => {
  it('costs one request: the first pages of every pulled object in one Composite call, describes from the store', async () => {
    const t0 = Date.now();
    await seed(t0);
    const clock = { now: t0 + UNDO_WINDOW_MS + 1 };
    await syncOnce(context(clock));
    clock.now += 15 * 60_000; // the next scheduled run, in a new worker
    const before = sf.requests.length;
    const idle = await syncOnce(context(clock));
    expect(idle.push.pushed).toEqual({});
    expect(sf.requests.slice(before).map((r) => r.pattern)).toEqual(['POST /services/data/v62.0/composite']);
  });
});

describe('when the org refuses', () => {
  it('a look-up refused whole parks its records in the error centre, naming the limit, and is not sent again', async () => {
    const t0 = Date.now();
    await seed(t0);
    const clock = { now: t0 + UNDO_WINDOW_MS + 1 };
    // A sixth query slipped into the people's look-up: the org refuses the whole call.
    const ctx = context(clock, async (url, init) => {
      if (!isPeopleLookup(init)) return null;
      const body = JSON.parse(String(init.body)) as { compositeRequest: Array<Record<string, unknown>> };
      const query = body.compositeRequest.find((s) => String(s.url).includes('/query'))!;
      for (let i = 0; i < 5; i += 1) body.compositeRequest.push({ ...query, referenceId: `extra${i}` });
      return fetch(url, { ...init, body: JSON.stringify(body) });
    });
    const run = await syncOnce(ctx);
    // The account's look-up shared that call: it waits too. Nothing went to Salesforce unmatched.
    expect(run.push.pushed).toEqual({});
    const issues = await db.syncIssues.toArray();
    expect(issues.map((i) => [i.recordType, i.errorCode]).sort()).toEqual([['account', 'LIMIT_EXCEEDED'], ['contact', 'LIMIT_EXCEEDED'], ['contact', 'LIMIT_EXCEEDED']]);
    expect(issues[0]!.message).toContain('at most 5 queries in one Composite call');
    expect(sf.records('Account')).toHaveLength(0);
    expect(sf.records('Contact')).toHaveLength(0);
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['parked', 'parked', 'parked']);

    clock.now += 15 * 60_000;
    const before = sf.requests.length;
    await syncOnce(ctx);
    expect(sf.requests.length - before).toBe(1); // the pull's one call: nothing refused is asked again
  });

  it('an answer that leaves a sub-request out stops the run with a typed error; the retry sends each record once', async () => {
    const t0 = Date.now();
    await seed(t0);
    const clock = { now: t0 + UNDO_WINDOW_MS + 1 };
    let cut = 1;
    const ctx = context(clock, async (url, init) => {
      if (!isPeopleLookup(init) || cut-- <= 0) return null;
      const real = await fetch(url, init);
      const body = await real.json() as { compositeResponse: unknown[] };
      body.compositeResponse.pop();
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const stopped = await syncOnce(ctx).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(IncompleteAnswerError);
    expect(describeFailure(stopped, 0, clock.now)).toMatchObject({ reason: 'retry', error: { kind: 'server', message: expect.stringContaining('left part of Sidecar’s request out') } });
    expect(sf.records('Contact')).toHaveLength(0);
    expect(await db.outbox.count()).toBeGreaterThan(0);

    clock.now += 60 * 60_000;
    await syncOnce(ctx);
    expect(sf.records('Account')).toHaveLength(1);
    expect(sf.records('Contact')).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('an org on an older release stops the sync with a readable reason and keeps every change waiting', async () => {
    await sf.close();
    sf = await startSalesforceEmulator({ newestApiVersion: '61.0' });
    const t0 = Date.now();
    await seed(t0);
    const waiting = await db.outbox.count();
    const clock = { now: t0 + UNDO_WINDOW_MS + 1 };
    const stopped = await syncOnce(context(clock)).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(ApiVersionError);
    const failure = describeFailure(stopped, 0, clock.now);
    expect(failure).toMatchObject({ reason: 'refused', error: { kind: 'refused', code: 'API_VERSION' } });
    expect(failure.error.message).toContain('up to v61.0; Sidecar needs v62.0');
    expect(failure.retryAt).toBe(clock.now + 24 * 60 * 60_000);
    expect(await db.outbox.count()).toBe(waiting);
    expect(await db.accounts.count()).toBe(1);
  });
});

describe('a long pull', () => {
  it('asks again from its checkpoint when Salesforce let a cursor expire, and stores each record once', async () => {
    for (let i = 0; i < 2_500; i += 1) sf.insert('Account', { Name: `Territory account ${i}`, Website: `https://t${i}.example` });
    const clock = { now: Date.now() };
    let expired = false;
    // Two days pass between the first page and the second: the cursor is gone.
    const ctx = { ...context(clock, async (url) => {
      if (!expired && url.includes('/queryAll/')) {
        expired = true;
        sf.expireQueryCursors();
      }
      return null;
    }), settings: { ...DEFAULT_SYNC_SETTINGS, scope: 'all' as const } };
    const before = sf.requests.length;
    const run = await syncOnce(ctx);
    expect(expired).toBe(true);
    const calls = sf.requests.slice(before).map((r) => `${r.pattern} ${r.status}`);
    expect(calls).toContain('GET /services/data/v62.0/queryAll/{locator} 400');
    expect(calls).toContain('GET /services/data/v62.0/queryAll 200');
    expect(await db.accounts.count()).toBe(2_500);
    expect(run.pull.created).toBe(2_500);
  });
});

describe('a record edited while the run looks it up', () => {
  it('is looked up again as it is now, so its new email links the colleague\'s record instead of adding a second', async () => {
    const t0 = Date.now();
    await seed(t0);
    const colleague = sf.insert('Contact', { LastName: 'Nordmann', Email: 'ola.nordmann@fjord.example' });
    const ola = (await db.contacts.toArray()).find((c) => c.emails.includes('ola@fjord.example'))!;
    const clock = { now: t0 + UNDO_WINDOW_MS + 1 };
    let edited = false;
    // The rep corrects Ola's email while the run-wide look-up is on its way.
    const ctx = context(clock, async (_url, init) => {
      if (!edited && isPeopleLookup(init)) {
        edited = true;
        await updateRecord(db, 'contact', ola.id, { emails: ['ola.nordmann@fjord.example'] }, clock.now);
      }
      return null;
    });
    await syncOnce(ctx);
    expect(edited).toBe(true);
    const contacts = sf.records('Contact');
    expect(contacts.filter((c) => c.Email === 'ola.nordmann@fjord.example').map((c) => c.Id)).toEqual([colleague.Id]);
    expect(contacts).toHaveLength(2);
    expect((await db.contacts.get(ola.id))!.remote.salesforce?.id).toBe(colleague.Id);
  });
});
