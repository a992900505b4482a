import { pulledFields, type SObjectType } from '../crm/salesforce/mapping';
import { ApiError, IncompleteAnswerError } from '../crm/salesforce/errors';
import type { QueryPage, SObjectRecord } from '../crm/salesforce/schemas';
import type { SyncCheckpoint } from '../model';
import type { SyncContext, SyncSettings } from './context';
import { PullMemory } from './pull-memory';
import { applyPulledRows, reconcileMissing, type PullSummary } from './pull-merge';
import { localTypeOf } from './pull-records';
import { soqlString } from './soql';

export type { PullSummary } from './pull-merge';

/** The order objects are pulled in: what others refer to comes first. */
export const PULL_ORDER: readonly SObjectType[] = ['Account', 'Contact', 'Lead', 'Opportunity', 'Task'];
/** Deleted rows stay visible to queryAll and the deleted endpoint for 15 days; past 14, reconcile by Id. */
export const RECONCILE_AFTER_MS = 14 * 24 * 60 * 60_000;

const checkpointId = (sobject: SObjectType) => `salesforce:${sobject}`;

/** `2026-12-04T14:00:00.000+0000` → `2026-12-04T14:00:00Z`: a SOQL dateTime literal, to the second. */
export function soqlSecond(stamp: string): string {
  const ms = Date.parse(stamp.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (Number.isNaN(ms)) throw new TypeError('not a Salesforce dateTime');
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/**
 * The scope filter. "mine": what the connected user owns (Salesforce moves an account's contacts
 * and open opportunities with it, so the owner is the territory rep). The first pull also leaves
 * out closed opportunities, converted leads and activities older than the window; later pulls take
 * every change to what is in scope, so a closing or a converted lead is seen.
 */
function scopeFilter(sobject: SObjectType, settings: SyncSettings, userId: string, first: boolean, now: number): string[] {
  const where: string[] = [];
  if (settings.scope === 'mine') where.push(`OwnerId = ${soqlString(userId)}`);
  if (first && sobject === 'Opportunity') where.push('IsClosed = false');
  if (first && sobject === 'Lead') where.push('IsConverted = false');
  if (first && sobject === 'Task') where.push(`ActivityDate >= ${new Date(now - settings.activityDays * 86_400_000).toISOString().slice(0, 10)}`);
  return where;
}

/** The pull's SOQL. `known`: the object's fields (describe), so a mapping naming a missing field is left out, not fatal. */
export function pullQuery(sobject: SObjectType, settings: SyncSettings, userId: string, since: string | null, now: number, known?: ReadonlySet<string>, first = since === null): string {
  const where = [...(since ? [`SystemModstamp >= ${since}`] : []), ...scopeFilter(sobject, settings, userId, first, now)];
  const fields = pulledFields(sobject, settings).filter((f) => !known || known.has(f));
  return `SELECT ${fields.join(', ')} FROM ${sobject}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY SystemModstamp, Id`;
}

interface ObjectPull {
  sobject: SObjectType;
  stored: SyncCheckpoint | undefined;
  startedAt: number;
  reconcile: boolean;
  /** The first pull of this object (no checkpoint, or a reconcile): its scope leaves out what is closed. */
  first: boolean;
  /** The object's fields (describe): a mapping naming a missing field is left out, not fatal. */
  known: ReadonlySet<string>;
  soql: string;
}

async function planObject(ctx: SyncContext, sobject: SObjectType, known: ReadonlySet<string>): Promise<ObjectPull> {
  const stored = await ctx.db.checkpoints.get(checkpointId(sobject));
  const startedAt = ctx.now();
  const reconcile = stored?.pulledAt != null && startedAt - stored.pulledAt > RECONCILE_AFTER_MS;
  const since = reconcile ? null : stored?.remoteTimestamp ?? null;
  return { sobject, stored, startedAt, reconcile, first: since === null, known, soql: pullQuery(sobject, ctx.settings, ctx.userId, since, startedAt, known) };
}

/**
 * Pull what changed in Salesforce since each object's checkpoint and merge it into the store.
 * The first page of every object comes in one Composite call (5 queryAll sub-requests), so a sync
 * with nothing new costs one request; the describes that name the fields come from the cache.
 */
export async function pullChanges(ctx: SyncContext): Promise<PullSummary> {
  const summary: PullSummary = { pulled: {}, created: 0, updated: 0, conflicts: 0, deleted: 0, skipped: 0 };
  const memory = await PullMemory.read(ctx.db);
  const describes = await ctx.describes.load(PULL_ORDER);
  const plans: ObjectPull[] = [];
  for (const [i, sobject] of PULL_ORDER.entries()) plans.push(await planObject(ctx, sobject, new Set(describes[i]!.fields.map((f) => f.name))));
  const answers = await ctx.client.composite(plans.map((p) => ({ kind: 'query', soql: p.soql, all: true })));
  for (const [i, plan] of plans.entries()) {
    const answer = answers[i]!;
    if (answer.kind === 'refused') {
      // A field the describe listed is gone or hidden: the next run reads the describe whole.
      if (answer.error.errorCode === 'INVALID_FIELD') await ctx.describes.stale(plan.sobject);
      throw answer.error;
    }
    if (answer.kind !== 'page') throw new IncompleteAnswerError('a pull query answered in an unexpected shape');
    await pullObject(ctx, plan, answer.page, summary, memory);
  }
  return summary;
}

/** Its first page, then the rest; a cursor Salesforce let expire is asked again from the checkpoint. */
async function* pagesOf(ctx: SyncContext, plan: ObjectPull, first: QueryPage, resume: () => string): AsyncGenerator<SObjectRecord[]> {
  yield first.records;
  try {
    yield* ctx.client.morePages(first, { all: true });
  } catch (error) {
    if (!(error instanceof ApiError && error.errorCode === 'INVALID_QUERY_LOCATOR')) throw error;
    yield* ctx.client.query(resume(), { all: true });
  }
}

async function pullObject(ctx: SyncContext, plan: ObjectPull, firstPage: QueryPage, summary: PullSummary, memory: PullMemory): Promise<void> {
  const { db } = ctx;
  const { sobject, stored, startedAt, reconcile } = plan;
  const id = checkpointId(sobject);
  const since = reconcile ? null : stored?.remoteTimestamp ?? null;
  // Rows already read at exactly the checkpoint second: `>=` returns them again.
  const boundary = new Set(since ? stored?.boundaryIds ?? [] : []);
  let checkpoint: SyncCheckpoint = {
    id, crm: 'salesforce', recordType: localTypeOf(sobject, { Id: '', TaskSubtype: 'Email' }),
    remoteTimestamp: since, boundaryIds: [...boundary], pulledAt: stored?.pulledAt ?? null, updatedAt: startedAt,
  };
  const seen = new Set<string>();
  const key = (row: SObjectRecord) => `${row.Id}@${String(row.SystemModstamp)}`;
  const resume = () => {
    for (const k of checkpoint.boundaryIds) boundary.add(k);
    return pullQuery(sobject, ctx.settings, ctx.userId, checkpoint.remoteTimestamp, startedAt, plan.known, plan.first);
  };

  // queryAll: deleted rows (IsDeleted) come in the same ordered stream as changed ones.
  for await (const page of pagesOf(ctx, plan, firstPage, resume)) {
    const rows = page.filter((row) => !boundary.has(key(row)));
    for (const row of page) seen.add(row.Id);
    await applyPulledRows(ctx, sobject, rows, summary, memory);
    const last = page.at(-1);
    if (last) {
      const second = soqlSecond(String(last.SystemModstamp));
      const atSecond = page.filter((row) => soqlSecond(String(row.SystemModstamp)) === second).map(key);
      const carried = second === checkpoint.remoteTimestamp ? checkpoint.boundaryIds : [];
      checkpoint = { ...checkpoint, remoteTimestamp: second, boundaryIds: [...new Set([...carried, ...atSecond])], updatedAt: ctx.now() };
      // The timestamp, never the cursor: after a crash the next pull starts from here.
      await db.checkpoints.put(checkpoint);
    }
  }
  if (reconcile) await reconcileMissing(ctx, sobject, seen, summary);
  await db.checkpoints.put({ ...checkpoint, pulledAt: startedAt, updatedAt: ctx.now() });
}
