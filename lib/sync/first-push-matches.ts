import { EXTERNAL_ID_FIELD } from '../crm/salesforce/config';
import type { SObjectType } from '../crm/salesforce/mapping';
import { tableFor, type RecordOf } from '../db/records';
import type { Account, Contact, SyncedRecordType } from '../model';
import type { SyncContext } from './context';
import { planAccounts, planByExternalId, planChosen, planPeople, runPlans, type RemoteMatch } from './match-remote';
import { peekDue } from './outbox-claims';
import { PUSH_ORDER } from './push-order';
import { linkOf } from './remote-refs';

type AnyRecord = RecordOf<SyncedRecordType>;

/** The objects a record type's push writes, whose describes it checks payloads against. */
const SOBJECTS_OF: Record<SyncedRecordType, SObjectType[]> = {
  account: ['Account'], contact: ['Contact', 'Lead'], opportunity: ['Opportunity'], activity: ['Task'], task: ['Task'], note: [],
};

const needsMatch = (r: AnyRecord) => linkOf(r) === undefined;
const needsChosen = (r: AnyRecord) => {
  const link = linkOf(r);
  return Boolean(link?.id && link.syncedAt === null && !Object.hasOwn(link.base, EXTERNAL_ID_FIELD));
};

/**
 * Before a record's first push: find it in the org, so a colleague's record is linked, never
 * duplicated. A record the rep linked to a chosen Salesforce record (error centre) reads that record
 * first, so it is linked the same way (`linkTo`): Sidecar's gaps filled from it, fields Sidecar does
 * not map left alone, and only the fields Sidecar holds differently sent.
 */
async function planFirstPush(ctx: SyncContext, type: SyncedRecordType, records: AnyRecord[]) {
  const fresh = records.filter(needsMatch);
  return [
    planChosen(ctx, type, records.filter(needsChosen)),
    type === 'account' ? planAccounts(ctx, fresh as Account[])
      : type === 'contact' ? await planPeople(ctx, fresh as Contact[])
        : type === 'note' ? null : planByExternalId(ctx, type, fresh as Array<{ id: string; kind?: string }>),
  ];
}

/** A run-wide look-up's decision, and the version of the record it was made for. */
export interface KnownMatch { match: RemoteMatch; updatedAt: number }

/**
 * Every due record's look-ups, of all types at once, before anything is claimed: they share
 * Composite calls (5 queries each), and the describes the push checks payloads against ride along.
 */
export async function matchAllFirstPushes(ctx: SyncContext): Promise<Map<string, KnownMatch>> {
  const due = (await peekDue(ctx.db, ctx.now())).filter((e) => e.op !== 'delete');
  const plans = [];
  const versions = new Map<string, number>();
  const types = PUSH_ORDER.filter((type) => due.some((e) => e.recordType === type));
  for (const type of types) {
    const ids = [...new Set(due.filter((e) => e.recordType === type).flatMap((e) => e.recordIds))];
    const records = (await tableFor(ctx.db, type).bulkGet(ids)).filter((r): r is AnyRecord => r !== undefined && !r.sample);
    for (const r of records) versions.set(r.id, r.updatedAt);
    plans.push(...(await planFirstPush(ctx, type, records)));
  }
  const found = await runPlans(ctx, plans, types.flatMap((t) => SOBJECTS_OF[t]));
  return new Map([...found].map(([id, match]) => [id, { match, updatedAt: versions.get(id)! }]));
}

/**
 * Each record's look-up: the run-wide one while the record is as it was then, else its own now (a
 * record due since, or one the rep edited during the run: its new email may match someone else).
 */
export async function matchFirstPush(ctx: SyncContext, type: SyncedRecordType, records: AnyRecord[], known: ReadonlyMap<string, KnownMatch>): Promise<Map<string, RemoteMatch>> {
  const current = (r: AnyRecord) => {
    const k = known.get(r.id);
    return k && k.updatedAt === r.updatedAt ? k.match : undefined;
  };
  const missing = records.filter((r) => (needsMatch(r) || needsChosen(r)) && !current(r));
  const found = missing.length ? await runPlans(ctx, await planFirstPush(ctx, type, missing)) : new Map<string, RemoteMatch>();
  for (const r of records) {
    const match = current(r);
    if (match && !found.has(r.id)) found.set(r.id, match);
  }
  return found;
}

