import { EXTERNAL_ID_FIELD } from '../crm/salesforce/config';
import { fromRemote, toRemote, type SObjectType } from '../crm/salesforce/mapping';
import type { SObjectRecord } from '../crm/salesforce/schemas';
import { deriveAccountFields } from '../db/accounts';
import { normalizeAccountName, registrableDomain } from '../match/normalize';
import { RepositoryError } from '../db/errors';
import { newId } from '../db/ids';
import { findByIndex, primaryKeysByIndex } from '../db/lookup';
import { applyPatch, tableFor, type RecordOf } from '../db/records';
import { SyncedRecordType, type Conflict, type JsonValue, type RemoteLink, type SyncIssue } from '../model';
import type { SyncContext } from './context';
import { threeWayMerge } from './merge';
import { issueId, settleRecords } from './outbox-claims';
import { PullMemory } from './pull-memory';
import { localTypeOf, recordFromRemote, remoteValues } from './pull-records';
import { isRecordId, linkOf, loadRemoteRefs, sobjectOfId, TYPE_KEY } from './remote-refs';
import { chunk, soqlList } from './soql';
import { appendTo } from './append-to';

export interface PullSummary {
  /** Rows read from Salesforce, per sObject. */
  pulled: Record<string, number>;
  created: number;
  updated: number;
  /** Fields both sides changed, newly put in the conflict centre. */
  conflicts: number;
  deleted: number;
  /** Rows Sidecar cannot hold (a converted lead, an opportunity of an account not here, a row missing a required value). */
  skipped: number;
}

type AnyRecord = RecordOf<SyncedRecordType>;
interface Local { type: SyncedRecordType; record: AnyRecord }

const tablesFor = (sobject: SObjectType): SyncedRecordType[] => (sobject === 'Task' ? ['activity', 'task'] : [localTypeOf(sobject, { Id: '' })]);
const json = (value: unknown): JsonValue => (value === undefined ? null : value as JsonValue);

interface Found {
  locals: Map<string, Local>;
  /** Rows that are a Lead converted in Salesforce: the Contact carries the lead's External ID. */
  converted: Set<string>;
  /** External IDs that name a local record linked to another Salesforce record: a new record takes a new id. */
  clashing: Set<string>;
}

/** The local records these rows are: by Salesforce Id, else by Sidecar's External ID (a push whose answer was lost). */
async function findLocals(ctx: SyncContext, sobject: SObjectType, rows: readonly SObjectRecord[], memory: PullMemory): Promise<Found> {
  const found: Found = { locals: new Map(), converted: new Set(), clashing: new Set() };
  for (const type of tablesFor(sobject)) {
    const table = tableFor(ctx.db, type);
    const byLink = memory.mayHaveLinked(type)
      ? await findByIndex(table, 'remote.salesforce.id', rows.map((r) => r.Id))
      : (await table.bulkGet(rows.map((r) => memory.localIdOf(r.Id)).filter((id): id is string => id !== undefined))).filter((r) => r !== undefined);
    for (const record of byLink) if (linkOf(record)?.id) found.locals.set(linkOf(record)!.id!, { type, record });
    const unlinked = rows.filter((r) => !found.locals.has(r.Id) && isRecordId(r[EXTERNAL_ID_FIELD]));
    const byExternal = await table.bulkGet(unlinked.map((r) => r[EXTERNAL_ID_FIELD] as string));
    unlinked.forEach((row, i) => {
      const record = byExternal[i];
      if (!record) return;
      const linkedId = linkOf(record)?.id;
      if (!linkedId || linkedId === row.Id) found.locals.set(row.Id, { type, record });
      else if (sobject === 'Contact' && sobjectOfId(linkedId) === 'Lead') {
        found.locals.set(row.Id, { type, record });
        found.converted.add(row.Id);
      } else found.clashing.add(record.id);
    });
  }
  return found;
}

/**
 * Rows no local record is linked to may still be a record made here and not yet pushed (a capture
 * inside its undo window): people by email, accounts by website domain then name. Only unlinked
 * records, and only a single candidate, count. Such a link has no last-synced values yet, so the
 * merge fills gaps from Salesforce and asks the rep about any field the two hold differently.
 */
async function matchUnlinked(ctx: SyncContext, sobject: SObjectType, rows: readonly SObjectRecord[], found: Map<string, Local>, memory: PullMemory): Promise<Set<string>> {
  const matched = new Set<string>();
  if (sobject !== 'Account' && sobject !== 'Contact' && sobject !== 'Lead') return matched;
  if (!memory.mayHaveUnlinked(localTypeOf(sobject, { Id: '' }))) return matched;
  const fresh = rows.filter((row) => !found.has(row.Id) && row.IsDeleted !== true);
  if (fresh.length === 0) return matched;
  const taken = new Set([...found.values()].map((l) => l.record.id));
  const unlinked = (r: AnyRecord) => !linkOf(r)?.id && !taken.has(r.id);
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  // One look-up per index for the whole page, not one per row.
  const domainOf = (row: SObjectRecord) => (text(row.Website) ? registrableDomain(String(row.Website)) : null);
  const nameOf = (row: SObjectRecord) => (text(row.Name) ? normalizeAccountName(String(row.Name)) : null);
  const emailOf = (row: SObjectRecord) => text(row.Email)?.toLowerCase() ?? null;
  const keys = (of: (row: SObjectRecord) => string | null) => fresh.map(of).filter((k): k is string => k !== null);
  const candidates: Array<(row: SObjectRecord) => AnyRecord[]> = [];
  if (sobject === 'Account') {
    const [byDomain, byName] = await Promise.all([
      findByIndex(ctx.db.accounts, 'domains', keys(domainOf)), findByIndex(ctx.db.accounts, 'normalizedName', keys(nameOf)),
    ]);
    candidates.push((row) => byDomain.filter((a) => a.domains.includes(domainOf(row) ?? '')));
    candidates.push((row) => byName.filter((a) => a.normalizedName === nameOf(row)));
  } else {
    const byEmail = await findByIndex(ctx.db.contacts, 'emails', keys(emailOf));
    candidates.push((row) => byEmail.filter((c) => c.emails.includes(emailOf(row) ?? '')));
  }
  for (const row of fresh) {
    const found1 = candidates.map((pick) => pick(row).filter(unlinked)).find((list) => list.length > 0) ?? [];
    if (found1.length !== 1) continue;
    found.set(row.Id, { type: localTypeOf(sobject, row), record: found1[0]! });
    taken.add(found1[0]!.id);
    matched.add(row.Id);
  }
  return matched;
}

/** Salesforce Ids the rows refer to (AccountId, WhoId, WhatId) → local ids; undefined when not here. */
async function referenceResolver(ctx: SyncContext, rows: readonly SObjectRecord[], memory: PullMemory) {
  const wanted = [...new Set(rows.flatMap((r) => [r.AccountId, r.WhoId, r.WhatId]).filter((v): v is string => typeof v === 'string' && v !== ''))];
  const local = new Map<string, string>();
  for (const type of ['account', 'contact', 'opportunity'] as const) {
    // Only Ids of that table's object (by prefix), only those this pull has not linked itself.
    const ids = wanted.filter((id) => memory.localIdOf(id) === undefined && localTypeOf((sobjectOfId(id) ?? '') as SObjectType, { Id: id }) === type);
    if (ids.length === 0 || !memory.mayHaveLinked(type)) continue;
    for (const record of await findByIndex(tableFor(ctx.db, type), 'remote.salesforce.id', ids)) local.set(linkOf(record)!.id!, record.id);
  }
  return (remoteId: string | null): string | null | undefined => (remoteId === null ? null : memory.localIdOf(remoteId) ?? local.get(remoteId));
}

/**
 * Merge one page of pulled rows into the store, in one transaction: new rows become records,
 * changed ones merge three-way against the last-synced values, deleted ones go (or, when edited
 * here since, are unlinked and shown in the error centre). Nothing here queues an outbox entry:
 * what came from Salesforce need not go back.
 */
export async function applyPulledRows(
  ctx: SyncContext, sobject: SObjectType, rows: readonly SObjectRecord[], summary: PullSummary, memory = PullMemory.none(), counted = true,
): Promise<void> {
  if (rows.length === 0) return;
  const { db, settings } = ctx;
  if (counted) summary.pulled[sobject] = (summary.pulled[sobject] ?? 0) + rows.length;
  // Every look-up of the page in one read transaction: IndexedDB pipelines the requests (lib/db/lookup.ts).
  const { locals, converted, clashing, firstLinks, localIdOf, records, refs } = await db.transaction('r', SyncedRecordType.options.map((t) => tableFor(db, t)), async () => {
    const found = await findLocals(ctx, sobject, rows, memory);
    const first = await matchUnlinked(ctx, sobject, rows, found.locals, memory);
    // A converted lead becomes a contact here too; like a first link, every difference is the rep's to settle.
    for (const id of found.converted) first.add(id);
    const resolver = await referenceResolver(ctx, rows, memory);
    const linked = [...found.locals.values()].map((l) => l.record);
    const related = await loadRemoteRefs(db, {
      account: linked.flatMap((r) => ['accountId' in r ? r.accountId : null]),
      contact: linked.flatMap((r) => ('contactIds' in r ? r.contactIds : 'contactId' in r ? [r.contactId] : [])),
      opportunity: linked.flatMap((r) => ['opportunityId' in r ? r.opportunityId : null]),
    });
    return { ...found, firstLinks: first, localIdOf: resolver, records: linked, refs: related };
  });
  const localIds = records.map((r) => r.id);
  const tables = [...new Set(tablesFor(sobject))].map((t) => tableFor(db, t));

  await db.transaction('rw', [...tables, db.conflicts, db.syncIssues, db.outbox], async () => {
    const now = ctx.now();
    // Keys only: one import's entry names thousands of records, and must not be read once per record.
    const pending = new Set([...(await primaryKeysByIndex(db.outbox, 'recordIds', localIds))].filter(([, keys]) => keys.length > 0).map(([id]) => id));
    const open = new Map((await findByIndex(db.conflicts, 'recordId', localIds)).map((c) => [`${c.recordId}:${c.field}`, c]));
    const created = new Map<SyncedRecordType, AnyRecord[]>();
    // Deleted here, its delete not yet pushed: a row for it must not bring it back.
    const externalIds = rows.map((r) => r[EXTERNAL_ID_FIELD]).filter(isRecordId);
    const entryIds = [...new Set([...(await primaryKeysByIndex(db.outbox, 'recordIds', externalIds)).values()].flat())];
    const deletedHere = new Set((await db.outbox.bulkGet(entryIds)).filter((e) => e?.op === 'delete')
      .flatMap((e) => [...e!.recordIds, ...(e!.remoteIds.salesforce ? [e!.remoteIds.salesforce] : [])]));
    // Read again inside the transaction: an edit the rep made since the look-ups above is merged, never overwritten.
    const fresh = new Map<string, AnyRecord | undefined>();
    for (const type of new Set([...locals.values()].map((l) => l.type))) {
      const ids = [...locals.values()].filter((l) => l.type === type).map((l) => l.record.id);
      (await tableFor(db, type).bulkGet(ids)).forEach((record, i) => fresh.set(`${type}:${ids[i]!}`, record));
    }

    for (const row of rows) {
      const stale = locals.get(row.Id);
      const current = stale && fresh.get(`${stale.type}:${stale.record.id}`);
      if (stale && !current) continue; // deleted here meanwhile: its delete entry speaks for it
      const found = stale && current ? { type: stale.type, record: current } : undefined;
      if (!found && (deletedHere.has(row.Id) || deletedHere.has(String(row[EXTERNAL_ID_FIELD])))) { summary.skipped += 1; continue; }
      if (row.IsDeleted === true) {
        if (found) await removeDeleted(ctx, found, pending.has(found.record.id), now);
        if (found) summary.deleted += 1;
        continue;
      }
      if (!found && !worthAdding(sobject, row, settings, now)) { summary.skipped += 1; continue; }
      if (!found) {
        const type = localTypeOf(sobject, row);
        const record = recordFromRemote(type, sobject, row, refs, localIdOf, settings, () => newId(now), now, !clashing.has(String(row[EXTERNAL_ID_FIELD])));
        if (record) {
          appendTo(created, type, record);
          memory.remember(row.Id, record.id);
          summary.created += 1;
        } else summary.skipped += 1;
        continue;
      }

      const { type } = found;
      const record = converted.has(row.Id) ? { ...found.record, kind: 'contact', company: null } as AnyRecord : found.record;
      const table = tableFor(db, type);
      const link = linkOf(record);
      const local = toRemote(type, record, refs, settings);
      const fields = Object.keys(local);
      const remote = remoteValues(row, fields);
      // Matched here for the first time: no common past, so every difference is the rep's to settle.
      // Found by External ID only: Salesforce holds what this device sent; treat it as synced.
      const base = firstLinks.has(row.Id) ? {} : link?.id ? link.base as Record<string, typeof remote[string]> : remote;
      const merged = threeWayMerge(base, local, remote, fields);
      let patch = fromRemote(type, row, merged.takeRemote, record as unknown as Record<string, unknown>, localIdOf, settings);
      if (type === 'account' && Object.keys(patch).length) patch = deriveAccountFields({ ...patch, domains: (record as RecordOf<'account'>).domains });
      let next: AnyRecord = record;
      try {
        next = applyPatch(type, record, patch, now).record;
      } catch (error) {
        if (!(error instanceof RepositoryError)) throw error;
        summary.skipped += 1; // Salesforce holds a value Sidecar cannot (an over-long name): keep ours.
        continue;
      }
      for (const c of merged.conflicts) {
        const key = `${record.id}:${c.field}`;
        const existing = open.get(key);
        if (!existing) summary.conflicts += 1;
        const conflict: Conflict = {
          id: existing?.id ?? newId(now), crm: 'salesforce', recordType: type, recordId: record.id, field: c.field,
          base: json(c.base), local: json(c.local), remote: json(c.remote), createdAt: existing?.createdAt ?? now,
        };
        await db.conflicts.put(conflict);
        open.delete(key);
      }
      // A conflict both sides have since settled the same way is gone.
      const settled = [...open.values()].filter((c) => c.recordId === record.id && merged.base[c.field] === remote[c.field] && local[c.field] === remote[c.field]);
      await db.conflicts.bulkDelete(settled.map((c) => c.id));
      const nextLink: RemoteLink = {
        id: row.Id, syncedAt: now,
        base: { ...merged.base, [TYPE_KEY]: (link?.base[TYPE_KEY] as string | undefined) ?? sobject, [EXTERNAL_ID_FIELD]: json(row[EXTERNAL_ID_FIELD] ?? link?.base[EXTERNAL_ID_FIELD]) },
      };
      await table.put({ ...next, remote: { ...next.remote, salesforce: nextLink } } as AnyRecord);
      memory.remember(row.Id, record.id);
      if (next !== record) summary.updated += 1;
    }
    for (const [type, records] of created) await tableFor(db, type).bulkAdd(records);
  });
}

/**
 * Whether a row no local record is linked to should become one. Later pulls read every change in
 * scope, so they also see closed deals, converted leads and old activities; those update records
 * Sidecar has, but are not added: the rep's browser holds open work, not the org's history.
 * (A converted lead lives on as the Contact Salesforce made of it, which comes in its own pull.)
 */
function worthAdding(sobject: SObjectType, row: SObjectRecord, settings: SyncContext['settings'], now: number): boolean {
  if (sobject === 'Lead') return row.IsConverted !== true;
  if (sobject === 'Opportunity') return row.IsClosed !== true;
  if (sobject === 'Task') {
    const date = typeof row.ActivityDate === 'string' ? Date.parse(`${row.ActivityDate}T23:59:59Z`) : NaN;
    return Number.isNaN(date) || date >= now - settings.activityDays * 86_400_000;
  }
  return true;
}

/**
 * A record deleted in Salesforce. Untouched here: it goes here too. Edited here since the last
 * sync: the edit is not thrown away; the record is unlinked, its pending changes wait, and the
 * error centre asks the rep whether to push it again as new or delete it.
 */
async function removeDeleted(ctx: SyncContext, { type, record }: Local, editedHere: boolean, now: number): Promise<void> {
  const { db } = ctx;
  const table = tableFor(db, type);
  if (!editedHere) {
    await table.delete(record.id);
    await db.conflicts.where('recordId').equals(record.id).delete();
    await db.syncIssues.delete(issueId(type, record.id));
    return;
  }
  const { salesforce: _gone, ...otherLinks } = record.remote as Record<string, RemoteLink>;
  void _gone;
  await table.put({ ...record, remote: otherLinks } as AnyRecord);
  await db.conflicts.where('recordId').equals(record.id).delete();
  // Only this record leaves its entries, parked with its issue; the others in them go on.
  const issue: SyncIssue = {
    id: issueId(type, record.id), crm: 'salesforce', recordType: type, recordId: record.id, kind: 'deleted-remotely',
    message: 'Deleted in Salesforce after you edited it here: push it again as a new record, or delete it here too',
    errorCode: null, fields: [], candidates: [], createdAt: now,
  };
  const entries = await db.outbox.where('recordIds').equals(record.id).toArray();
  await settleRecords(db, entries, new Map([[record.id, { kind: 'parked', issue }]]), now);
}

/**
 * Full reconciliation by Id, for a checkpoint older than deleted rows stay visible: every linked
 * local record the fresh pull did not see is looked up; the ones Salesforce no longer has (or has
 * in its recycle bin) are handled as deletions. Out-of-scope records that still exist stay.
 */
export async function reconcileMissing(ctx: SyncContext, sobject: SObjectType, seen: ReadonlySet<string>, summary: PullSummary): Promise<void> {
  const linked: string[] = [];
  for (const type of tablesFor(sobject)) {
    const ids = await tableFor(ctx.db, type).where('remote.salesforce.id').above('').keys();
    for (const id of ids) if (typeof id === 'string' && !seen.has(id) && sobjectOfId(id) === sobject) linked.push(id);
  }
  for (const ids of chunk(linked, 200)) {
    const alive = new Set<string>();
    for await (const page of ctx.client.query(`SELECT Id, IsDeleted FROM ${sobject} WHERE Id IN ${soqlList(ids)}`, { all: true })) {
      for (const row of page) if (row.IsDeleted !== true) alive.add(row.Id);
    }
    const gone = ids.filter((id) => !alive.has(id)).map((Id) => ({ attributes: { type: sobject }, Id, IsDeleted: true }));
    await applyPulledRows(ctx, sobject, gone, summary, PullMemory.none(), false);
  }
}

