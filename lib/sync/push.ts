import { COLLECTION_LIMIT, EXTERNAL_ID_FIELD } from '../crm/salesforce/config';
import { ApiError, AuthError, DailyLimitError, RetryableError, WholeCallRefusedError } from '../crm/salesforce/errors';
import { fromRemote, sobjectFor, toRemote, type RemoteFields, type SObjectType } from '../crm/salesforce/mapping';
import type { SaveResult, SObjectRecord } from '../crm/salesforce/schemas';
import { enqueueUpserts } from '../db/outbox';
import { tableFor, type RecordOf } from '../db/records';
import type { Activity, OutboxEntry, RemoteLink, SyncIssue, SyncedRecordType } from '../model';
import { DAILY_LIMIT_PAUSE_MS, retryDelay } from './backoff';
import type { SyncContext } from './context';
import { matchAllFirstPushes, matchFirstPush, type KnownMatch } from './first-push-matches';
import { PUSH_ORDER } from './push-order';
import { claimDue, issueId, reclaimInterrupted, releaseClaims, settleRecords, type RecordOutcome } from './outbox-claims';
import { pushNotes } from './push-notes';
import { pushTaskRelations } from './push-relations';
import { linkOf, loadRemoteRefs, sobjectOfId, TYPE_KEY } from './remote-refs';
import { chunk, soqlString } from './soql';
import { checkAgainstDescribe } from './validate';
import { appendTo } from './append-to';

/** How long a record waits for a record it refers to (an account not yet in Salesforce). */
const WAIT_FOR_PARENT_MS = 60_000;

export interface PushSummary {
  /** Records Salesforce acknowledged, per sObject. */
  pushed: Record<string, number>;
  linked: number;
  parked: number;
  deleted: number;
  waiting: number;
  /** TaskRelation rows made for the other people of a shared activity. */
  relations: number;
}

type AnyRecord = RecordOf<SyncedRecordType>;
type Link = RemoteLink;
/** Lookups Sidecar never clears: a null here means the related record is not in Sidecar, not that the rep unlinked it. */
const REFERENCE_FIELDS = new Set(['AccountId', 'WhoId', 'WhatId']);

interface Outgoing {
  record: AnyRecord;
  sobject: SObjectType;
  /** `external`: upsert by Sidecar's External ID. `id`: update by Salesforce Id (stamps the External ID). */
  mode: 'external' | 'id';
  payload: RemoteFields;
  link: Link | undefined;
}

function issue(type: SyncedRecordType, recordId: string, kind: SyncIssue['kind'], message: string, now: number, extra: Partial<SyncIssue> = {}): SyncIssue {
  return {
    id: issueId(type, recordId), crm: 'salesforce', recordType: type, recordId, kind, message, errorCode: null, fields: [], candidates: [], createdAt: now, ...extra,
  };
}

const candidateLabel = (row: SObjectRecord) =>
  [row.attributes?.type, typeof row.Name === 'string' ? row.Name : [row.FirstName, row.LastName].filter((v) => typeof v === 'string').join(' '), row.Id]
    .filter(Boolean).join(' · ');

/** Push every due outbox entry to Salesforce, type by type. Throws the error that stopped it (retry, limit, auth). */
export async function pushOutbox(ctx: SyncContext): Promise<PushSummary> {
  const summary: PushSummary = { pushed: {}, linked: 0, parked: 0, deleted: 0, waiting: 0, relations: 0 };
  await reclaimInterrupted(ctx.db, ctx.now());
  const matches = await matchAllFirstPushes(ctx);
  for (const type of PUSH_ORDER) {
    const claimed = await claimDue(ctx.db, type, ctx.now());
    if (claimed.length === 0) continue;
    try {
      await pushDeletes(ctx, type, claimed.filter((e) => e.op === 'delete'), summary);
      const upserts = claimed.filter((e) => e.op !== 'delete');
      if (type === 'note') await pushNotes(ctx, upserts, summary);
      else await pushUpserts(ctx, type, upserts, summary, matches);
    } catch (error) {
      await releaseAfter(ctx, claimed, error);
      throw error;
    }
  }
  return summary;
}

/**
 * What the error centre says about a record Salesforce refused: Sidecar's own words, the fields and
 * the code. Salesforce's text can quote the record's values (an email address, a duplicate value),
 * so it is kept only for validation rules, whose text the org's admin wrote for the rep to act on.
 */
const REFUSALS: Record<string, string> = {
  REQUIRED_FIELD_MISSING: 'Salesforce needs a value',
  FIELD_CUSTOM_VALIDATION_EXCEPTION: 'A validation rule of your org refused it',
  INVALID_CROSS_REFERENCE_KEY: 'A related record is not in Salesforce, or you cannot see it',
  INVALID_EMAIL_ADDRESS: 'Salesforce does not accept the email address',
  STRING_TOO_LONG: 'A value is longer than Salesforce allows',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'A value is not one of the org\'s picklist values',
  DUPLICATE_VALUE: 'Another Salesforce record already holds a value that must be unique',
  INSUFFICIENT_ACCESS_OR_READONLY: 'Your Salesforce user may not change this record',
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: 'Your Salesforce user may not use a related record',
  ENTITY_IS_DELETED: 'The Salesforce record was deleted',
  INVALID_FIELD: 'The org has no such field: check Settings → Salesforce → Field mapping',
  INVALID_FIELD_FOR_INSERT_UPDATE: 'Salesforce does not let Sidecar set a field',
  MULTIPLE_RECORDS_FOUND: 'Several Salesforce records hold this record\'s Sidecar Id: an admin must remove the extra ones',
  MALFORMED_QUERY: 'Salesforce refused the look-up for this record',
};

/** The fields go in the issue's own `fields`, which the error centre lists by their labels. */
export function refusalMessage(code: string, salesforceText: string): string {
  const said = code === 'FIELD_CUSTOM_VALIDATION_EXCEPTION' && salesforceText ? `: ${salesforceText}` : '';
  return `${REFUSALS[code] ?? 'Salesforce refused the record'}${said} [${code}]`;
}

/** An outbox entry's `lastError`: the error's kind and code, never text that may quote a record. */
function failureCode(error: unknown): string {
  if (error instanceof ApiError) return `${error.name} ${error.status} ${error.errorCode}`;
  if (error instanceof RetryableError) return `${error.name}${error.status ? ` ${error.status}` : ''}`;
  return error instanceof Error ? error.name : 'sync failed';
}

async function releaseAfter(ctx: SyncContext, claimed: OutboxEntry[], error: unknown): Promise<void> {
  const now = ctx.now();
  const attempts = Math.max(0, ...claimed.map((e) => e.attempts));
  const code = failureCode(error);
  if (error instanceof DailyLimitError) await releaseClaims(ctx.db, claimed, now + DAILY_LIMIT_PAUSE_MS, code, false, now);
  else if (error instanceof AuthError) await releaseClaims(ctx.db, claimed, now, code, false, now);
  else {
    const retryAfter = error instanceof RetryableError ? error.retryAfterMs : null;
    await releaseClaims(ctx.db, claimed, now + retryDelay(attempts, retryAfter), code, true, now);
  }
}

async function pushDeletes(ctx: SyncContext, type: SyncedRecordType, entries: OutboxEntry[], summary: PushSummary): Promise<void> {
  for (const entry of entries) {
    const recordId = entry.recordIds[0]!;
    let remoteId = entry.remoteIds.salesforce ?? null;
    if (!remoteId && type !== 'note') {
      // Deleted while its first push was in flight: find what that push may have created.
      const sobject: SObjectType = type === 'contact' ? 'Contact' : sobjectFor(type, {});
      const objects: SObjectType[] = type === 'contact' ? ['Contact', 'Lead'] : [sobject];
      for (const candidate of objects) {
        for await (const page of ctx.client.query(`SELECT Id FROM ${candidate} WHERE ${EXTERNAL_ID_FIELD} = ${soqlString(recordId)}`)) remoteId ??= page[0]?.Id ?? null;
      }
    }
    if (remoteId) {
      await ctx.client.remove(sobjectOfId(remoteId) ?? sobjectFor(type, {}), remoteId);
      summary.deleted += 1;
    }
    await ctx.db.transaction('rw', ctx.db.outbox, () => settleRecords(ctx.db, [entry], new Map([[recordId, { kind: 'done' }]]), ctx.now()));
  }
}

/** A matched record's link: its Salesforce values become the base; the gaps in ours are filled from it. */
function linkTo(ctx: SyncContext, type: SyncedRecordType, record: AnyRecord, sobject: SObjectType, row: SObjectRecord, refs: Parameters<typeof toRemote>[2]) {
  const local = toRemote(type, record, refs, ctx.settings);
  const base: RemoteFields = { [TYPE_KEY]: sobject, [EXTERNAL_ID_FIELD]: (row[EXTERNAL_ID_FIELD] as string | null | undefined) ?? null };
  for (const field of Object.keys(local)) base[field] = (row[field] as RemoteFields[string] | undefined) ?? null;
  const gaps = Object.keys(local).filter((f) => (local[f] === null || local[f] === '') && base[f] !== null);
  const patch = fromRemote(type, row, gaps, record as unknown as Record<string, unknown>, () => undefined, ctx.settings);
  return { link: { id: row.Id, syncedAt: null, base } satisfies Link, patch };
}

async function pushUpserts(ctx: SyncContext, type: SyncedRecordType, entries: OutboxEntry[], summary: PushSummary, known: ReadonlyMap<string, KnownMatch>): Promise<void> {
  if (entries.length === 0) return;
  const { db } = ctx;
  const table = tableFor(db, type);
  const ids = [...new Set(entries.flatMap((e) => e.recordIds))];
  const found = await table.bulkGet(ids);
  const outcomes = new Map<string, RecordOutcome>();
  const records: AnyRecord[] = [];
  ids.forEach((id, i) => {
    const record = found[i];
    // Deleted here since: its delete entry speaks for it.
    if (!record || record.sample) outcomes.set(id, { kind: 'done' });
    else records.push(record);
  });

  const refs = await loadRemoteRefs(db, {
    account: records.flatMap((r) => ['accountId' in r ? r.accountId : null]),
    contact: records.flatMap((r) => ('contactIds' in r ? r.contactIds : 'contactId' in r ? [r.contactId] : [])),
    opportunity: records.flatMap((r) => ['opportunityId' in r ? r.opportunityId : null]),
  });
  const matches = await matchFirstPush(ctx, type, records, known);
  const conflicts = await db.conflicts.where('recordId').anyOf(records.map((r) => r.id)).toArray();
  const now = ctx.now();
  const outgoing: Outgoing[] = [];
  /** Activities in Salesforce after this push, whose other people TaskRelation names. */
  const related: Array<{ activity: Activity; taskId: string }> = [];

  for (const record of records) {
    let link = linkOf(record);
    const match = matches.get(record.id);
    if (match?.kind === 'refused') {
      const { error } = match;
      const said = error instanceof WholeCallRefusedError ? `Salesforce refused Sidecar's look-up for this record as a whole (${error.limit})` : refusalMessage(error.errorCode, '');
      outcomes.set(record.id, { kind: 'parked', issue: issue(type, record.id, 'rejected', error instanceof WholeCallRefusedError ? `${said} [${error.errorCode}]` : said, now, { errorCode: error.errorCode }) });
      summary.parked += 1;
      continue;
    }
    if (match?.kind === 'ambiguous') {
      outcomes.set(record.id, { kind: 'parked', issue: issue(type, record.id, 'ambiguous-match', `${match.rows.length} ${match.sobject} records in Salesforce match: choose the one this is, or create a new one`, now, { candidates: match.rows.map((r) => ({ id: r.Id, label: candidateLabel(r) })) }) });
      summary.parked += 1;
      continue;
    }
    if (match?.kind === 'link') {
      const linked = linkTo(ctx, type, record, match.sobject, match.row, refs);
      await db.transaction('rw', table, () => table.update(record.id, { ...linked.patch, 'remote.salesforce': linked.link }));
      Object.assign(record, linked.patch);
      link = linked.link;
      summary.linked += 1;
    }
    // What it refers to is not in Salesforce yet (its account is parked, say): wait for it.
    const waits = ('accountId' in record && type !== 'activity' && refs.waitingFor('account', record.accountId))
      || ('contactIds' in record && record.contactIds.some((c) => refs.waitingFor('contact', c)))
      || ('contactId' in record && refs.waitingFor('contact', record.contactId));
    if (waits) {
      outcomes.set(record.id, { kind: 'later', at: now + WAIT_FOR_PARENT_MS, error: 'waiting for a related record to reach Salesforce', countsAsAttempt: false });
      summary.waiting += 1;
      continue;
    }
    const sobject = ((link?.base[TYPE_KEY] as SObjectType | undefined) ?? sobjectFor(type, record as { kind?: string }));
    const fields = toRemote(type, record, refs, ctx.settings);
    const held = new Set(conflicts.filter((c) => c.recordId === record.id).map((c) => c.field));
    let payload: RemoteFields;
    if (link?.id) {
      // Only what changed here since the last sync: a field changed in Salesforce is never overwritten.
      payload = Object.fromEntries(Object.entries(fields).filter(([f, v]) =>
        !held.has(f) && v !== (link!.base[f] ?? null) && !(v === null && REFERENCE_FIELDS.has(f))));
    } else payload = fields;
    const stamped = link?.base[EXTERNAL_ID_FIELD] === record.id;
    const mode = link?.id && !stamped ? 'id' : 'external';
    if (link?.id && stamped && Object.keys(payload).length === 0) {
      outcomes.set(record.id, { kind: 'done' }); // nothing new to say (but its relations are checked below)
      if (type === 'activity') related.push({ activity: record as Activity, taskId: link.id });
      continue;
    }
    const problems = checkAgainstDescribe(await ctx.describes.get(sobject), payload, !link?.id);
    if (problems.length) {
      outcomes.set(record.id, { kind: 'parked', issue: issue(type, record.id, 'rejected', problems.map((p) => p.message).join('; '), now, { errorCode: problems[0]!.errorCode, fields: problems.map((p) => p.field) }) });
      summary.parked += 1;
      continue;
    }
    outgoing.push({ record, sobject, mode, payload, link });
  }

  // Parked, waiting and no-op records settle first; a failed call below then only releases the rest.
  if (outcomes.size) await db.transaction('rw', db.outbox, db.syncIssues, () => settleRecords(db, entries, outcomes, ctx.now()));

  const groups = new Map<string, Outgoing[]>();
  for (const item of outgoing) {
    const key = `${item.sobject}:${item.mode}`;
    appendTo(groups, key, item);
  }
  for (const group of groups.values()) {
    for (const batch of chunk(group, COLLECTION_LIMIT)) {
      const links = await sendBatch(ctx, type, entries, batch, summary);
      if (type === 'activity') for (const item of batch) if (links.get(item.record.id)?.id) related.push({ activity: item.record as Activity, taskId: links.get(item.record.id)!.id! });
    }
  }
  try {
    summary.relations += await pushTaskRelations(ctx, related);
  } catch (error) {
    // The Tasks are in; their relations are not. Queue the activities again so the next run adds them.
    const records = related.map((r) => r.activity).filter((a) => a.contactIds.length > 1);
    await db.transaction('rw', db.outbox, () => enqueueUpserts(db, 'activity', records.map((record) => ({ record, fields: ['contactIds'] })), ctx.now()));
    throw error;
  }
}

/** Refusals that say the org's schema is not what its describe said. */
const SCHEMA_REFUSALS = new Set(['INVALID_FIELD', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'REQUIRED_FIELD_MISSING', 'INVALID_FIELD_FOR_INSERT_UPDATE']);

/** Fields Salesforce sets on create only: an upsert that turns out to be an update must leave them out. */
const CREATE_ONLY_FIELDS = new Set(['TaskSubtype']);

async function send(ctx: SyncContext, batch: Outgoing[]): Promise<SaveResult[]> {
  const { sobject, mode } = batch[0]!;
  return mode === 'external'
    ? ctx.client.upsert(sobject, EXTERNAL_ID_FIELD, batch.map((b) => ({ [EXTERNAL_ID_FIELD]: b.record.id, ...b.payload })))
    : ctx.client.updateMany(sobject, batch.map((b) => ({ Id: b.link!.id!, [EXTERNAL_ID_FIELD]: b.record.id, ...b.payload })));
}

/**
 * Send one batch and read its results. A re-sent first push (its answer was lost) is an update by
 * External ID, which Salesforce refuses for create-only fields; those records go again without them.
 * A refusal of the whole call (a mapped field the org does not have) parks the batch: retrying
 * the same request cannot help.
 */
async function sendBatch(ctx: SyncContext, type: SyncedRecordType, entries: OutboxEntry[], batch: Outgoing[], summary: PushSummary): Promise<Map<string, Link>> {
  let results: SaveResult[];
  try {
    results = await send(ctx, batch);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    results = batch.map(() => ({ success: false, id: null, errors: [{ statusCode: error.errorCode, message: error.message, fields: error.fields }] }) as SaveResult);
  }
  const createOnly = batch.flatMap((item, i) => {
    const error = results[i]!.errors[0];
    const stripped = error?.statusCode === 'INVALID_FIELD_FOR_INSERT_UPDATE' && error.fields.length > 0 && error.fields.every((f) => CREATE_ONLY_FIELDS.has(f));
    return stripped ? [i] : [];
  });
  if (createOnly.length) {
    const again = createOnly.map((i) => ({ ...batch[i]!, payload: Object.fromEntries(Object.entries(batch[i]!.payload).filter(([f]) => !CREATE_ONLY_FIELDS.has(f))) }));
    const retried = await send(ctx, again);
    createOnly.forEach((i, k) => { results[i] = retried[k]!; batch[i] = again[k]!; });
  }
  const now = ctx.now();
  const outcomes = new Map<string, RecordOutcome>();
  const links = new Map<string, Link>();
  batch.forEach((item, i) => {
    const result = results[i]!;
    const remoteId = result.id ?? item.link?.id ?? null;
    if (result.success && remoteId) {
      links.set(item.record.id, {
        id: remoteId, syncedAt: now,
        base: { ...item.link?.base, ...item.payload, [TYPE_KEY]: item.sobject, [EXTERNAL_ID_FIELD]: item.record.id },
      });
      outcomes.set(item.record.id, { kind: 'done' });
      summary.pushed[item.sobject] = (summary.pushed[item.sobject] ?? 0) + 1;
      return;
    }
    const error = result.errors[0];
    const duplicates = result.errors.flatMap((e) => e.duplicateResult?.matchResults.flatMap((m) => m.matchRecords.map((r) => r.record.Id)) ?? [])
      .filter((id): id is string => typeof id === 'string');
    const kind = error?.statusCode === 'DUPLICATES_DETECTED' ? 'duplicate' : 'rejected';
    const message = kind === 'duplicate'
      ? 'Salesforce\'s duplicate rules found this record already: link it to the existing one'
      : refusalMessage(error?.statusCode ?? 'UNKNOWN', error?.message ?? '');
    outcomes.set(item.record.id, {
      kind: 'parked',
      issue: issue(type, item.record.id, kind, message, now, {
        errorCode: error?.statusCode ?? null, fields: error?.fields ?? [],
        candidates: [...new Set(duplicates)].map((id) => ({ id, label: `${sobjectOfId(id) ?? item.sobject} · ${id}` })),
      }),
    });
    summary.parked += 1;
  });
  // Salesforce refused a field or value its describe vouched for: the org changed, check it next time.
  if (results.some((r) => r.errors.some((e) => SCHEMA_REFUSALS.has(e.statusCode)))) await ctx.describes.stale(batch[0]!.sobject);
  const table = tableFor(ctx.db, type);
  // The remote Ids are stored in the same transaction that retires the outbox entries.
  await ctx.db.transaction('rw', table, ctx.db.outbox, ctx.db.syncIssues, async () => {
    for (const [id, link] of links) await table.update(id, { 'remote.salesforce': link });
    await ctx.db.syncIssues.bulkDelete([...links.keys()].map((id) => issueId(type, id)));
    await settleRecords(ctx.db, entries, outcomes, now);
  });
  return links;
}

