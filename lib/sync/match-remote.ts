import { EXTERNAL_ID_FIELD } from '../crm/salesforce/config';
import { ApiError } from '../crm/salesforce/errors';
import { pulledFields, sobjectFor, type SObjectType } from '../crm/salesforce/mapping';
import type { SObjectRecord } from '../crm/salesforce/schemas';
import { normalizeAccountName, normalizeLinkedInUrl, registrableDomain } from '../match/normalize';
import type { Account, Contact, SyncedRecordType } from '../model';
import type { SyncContext } from './context';
import { sobjectOfId } from './remote-refs';
import { runShared } from './run-shared';
import { packQueries, soqlString } from './soql';
import { appendTo } from './append-to';

/** What the org already holds for a record Sidecar is about to push for the first time. */
export type RemoteMatch =
  | { kind: 'none' }
  | { kind: 'link'; sobject: SObjectType; row: SObjectRecord }
  | { kind: 'ambiguous'; sobject: SObjectType; rows: SObjectRecord[] }
  /** The look-up itself was refused (a whole Composite call, or its query): the record waits in the error centre. */
  | { kind: 'refused'; error: ApiError };

/**
 * The look-ups for a set of records, and how their rows decide each record. Plans of every record
 * type share Composite calls (up to 5 queries each): matching 12,000 people and 2,000 accounts costs
 * a handful of requests, not one per type and batch.
 */
export interface MatchPlan {
  /** The records it looks up: each gets a decision, or the refusal that stopped the look-up. */
  ids: string[];
  soqls: string[];
  decide(rows: SObjectRecord[]): Map<string, RemoteMatch>;
}

function decide(sobjectOf: (row: SObjectRecord) => SObjectType, localId: string, rows: SObjectRecord[]): RemoteMatch {
  const unique = [...new Map(rows.map((r) => [r.Id, r])).values()];
  const own = unique.find((r) => r[EXTERNAL_ID_FIELD] === localId);
  if (own) return { kind: 'link', sobject: sobjectOf(own), row: own };
  if (unique.length === 1) return { kind: 'link', sobject: sobjectOf(unique[0]!), row: unique[0]! };
  if (unique.length > 1) return { kind: 'ambiguous', sobject: sobjectOf(unique[0]!), rows: unique };
  return { kind: 'none' };
}

/**
 * A `Website LIKE '%domain%'` term cannot use an index, so each costs the org a pass over the
 * accounts' websites: at most 1,000 to a statement keeps one query's work bounded (a choice: no
 * number is documented; a query that still runs too long answers QUERY_TIMEOUT, which is retried,
 * not parked). 2,400 domains take 3 queries.
 */
const LIKE_TERMS_PER_QUERY = 1_000;

const typeOf = (row: SObjectRecord) => (row.attributes?.type ?? 'Contact') as SObjectType;
const inList = (head: string, values: readonly string[], tail = '') => packQueries(`${head} IN (`, values, soqlString, ', ', `)${tail}`);

/** Rows grouped by a key, so each record looks only at its own candidates. */
function indexBy(rows: readonly SObjectRecord[], key: (row: SObjectRecord) => string | null): Map<string, SObjectRecord[]> {
  const index = new Map<string, SObjectRecord[]>();
  for (const row of rows) {
    const k = key(row);
    if (k !== null) appendTo(index, k, row);
  }
  return index;
}

/**
 * People: by email in Contacts and open Leads, then by LinkedIn URL (when the org maps one and has
 * it: a mapping that names a missing field must not fail every look-up; without one, every field
 * read is standard and no describe is needed).
 */
export async function planPeople(ctx: SyncContext, people: readonly Contact[]): Promise<MatchPlan | null> {
  if (people.length === 0) return null;
  const mapped = ctx.settings.linkedinUrlField;
  const fieldsOf = async (o: 'Contact' | 'Lead') => (mapped ? new Set((await ctx.describes.get(o)).fields.map((f) => f.name)) : null);
  const known = { Contact: await fieldsOf('Contact'), Lead: await fieldsOf('Lead') };
  const select = (sobject: 'Contact' | 'Lead') => `SELECT ${pulledFields(sobject, ctx.settings).filter((f) => known[sobject]?.has(f) ?? true).join(', ')} FROM ${sobject}`;
  const emails = [...new Set(people.flatMap((p) => p.emails))];
  const linkedinField = mapped && known.Contact?.has(mapped) && known.Lead?.has(mapped) ? mapped : null;
  const urls = linkedinField ? [...new Set(people.filter((p) => p.emails.length === 0 && p.linkedinUrl).map((p) => p.linkedinUrl!))] : [];
  const variants = urls.flatMap((u) => [u, `${u}/`]);
  const soqls = [
    ...inList(`${select('Contact')} WHERE Email`, emails),
    ...inList(`${select('Lead')} WHERE Email`, emails, ' AND IsConverted = false'),
    ...(linkedinField ? inList(`${select('Contact')} WHERE ${linkedinField}`, variants) : []),
    ...(linkedinField ? inList(`${select('Lead')} WHERE ${linkedinField}`, variants, ' AND IsConverted = false') : []),
  ];
  return {
    ids: people.map((p) => p.id),
    soqls,
    decide(rows) {
      const byEmail = indexBy(rows, (r) => (typeof r.Email === 'string' ? r.Email.toLowerCase() : null));
      const byUrl = linkedinField ? indexBy(rows, (r) => (typeof r[linkedinField] === 'string' ? normalizeLinkedInUrl(r[linkedinField] as string) : null)) : new Map<string, SObjectRecord[]>();
      const result = new Map<string, RemoteMatch>();
      for (const person of people) {
        const emailRows = person.emails.flatMap((e) => byEmail.get(e) ?? []);
        const urlRows = emailRows.length || !person.linkedinUrl ? [] : byUrl.get(person.linkedinUrl) ?? [];
        result.set(person.id, decide(typeOf, person.id, emailRows.length ? emailRows : urlRows));
      }
      return result;
    },
  };
}

/** Accounts: by website domain, then by name. */
export function planAccounts(ctx: SyncContext, accounts: readonly Account[]): MatchPlan | null {
  if (accounts.length === 0) return null;
  const select = `SELECT ${pulledFields('Account', ctx.settings).join(', ')} FROM Account`;
  const domains = [...new Set(accounts.flatMap((a) => a.domains))];
  const names = [...new Set(accounts.map((a) => a.name))];
  const soqls = [
    ...packQueries(`${select} WHERE `, domains, (d) => `Website LIKE ${soqlString(`%${d}%`)}`, ' OR ', '', { maxValues: LIKE_TERMS_PER_QUERY }),
    ...inList(`${select} WHERE Name`, names),
  ];
  return {
    ids: accounts.map((a) => a.id),
    soqls,
    decide(rows) {
      const byDomain = indexBy(rows, (r) => (typeof r.Website === 'string' ? registrableDomain(r.Website) : null));
      const byName = indexBy(rows, (r) => (typeof r.Name === 'string' ? normalizeAccountName(r.Name) : null));
      const result = new Map<string, RemoteMatch>();
      for (const account of accounts) {
        const domainRows = account.domains.flatMap((d) => byDomain.get(d) ?? []);
        const nameRows = domainRows.length ? [] : byName.get(account.normalizedName) ?? [];
        result.set(account.id, decide(() => 'Account', account.id, domainRows.length ? domainRows : nameRows));
      }
      return result;
    },
  };
}

/**
 * Records with nothing else to match by (activities, to-dos, opportunities): by Sidecar's own
 * External ID, so a first push whose answer was lost, or a store rebuilt with the same ids, links
 * what Salesforce already holds and sends only what differs, instead of re-sending every record.
 */
export function planByExternalId(ctx: SyncContext, type: SyncedRecordType, records: ReadonlyArray<{ id: string; kind?: string }>): MatchPlan | null {
  if (records.length === 0) return null;
  const sobjects = [...new Set(records.map((r) => sobjectFor(type, r)))];
  const soqls = sobjects.flatMap((sobject) => inList(
    `SELECT ${pulledFields(sobject, ctx.settings).join(', ')} FROM ${sobject} WHERE ${EXTERNAL_ID_FIELD}`,
    records.filter((r) => sobjectFor(type, r) === sobject).map((r) => r.id),
  ));
  return {
    ids: records.map((r) => r.id),
    soqls,
    decide(rows) {
      const byId = new Map(rows.map((row) => [row[EXTERNAL_ID_FIELD], row]));
      return new Map(records.map((r) => {
        const row = byId.get(r.id);
        return [r.id, row ? { kind: 'link', sobject: typeOf(row), row } : { kind: 'none' }];
      }));
    },
  };
}

/** The Salesforce records the rep chose to link records to (error centre), read by Id. */
export function planChosen(ctx: SyncContext, type: SyncedRecordType, records: ReadonlyArray<{ id: string; remote: { salesforce?: { id: string | null } } }>): MatchPlan | null {
  const bySObject = new Map<SObjectType, Array<{ localId: string; remoteId: string }>>();
  for (const record of records) {
    const remoteId = record.remote.salesforce?.id;
    const sobject = remoteId ? (sobjectOfId(remoteId) as SObjectType | null) ?? sobjectFor(type, {}) : null;
    if (remoteId && sobject) appendTo(bySObject, sobject, { localId: record.id, remoteId });
  }
  if (bySObject.size === 0) return null;
  const soqls = [...bySObject].flatMap(([sobject, list]) => inList(`SELECT ${pulledFields(sobject, ctx.settings).join(', ')} FROM ${sobject} WHERE Id`, list.map((l) => l.remoteId)));
  return {
    ids: [...bySObject.values()].flatMap((list) => list.map((l) => l.localId)),
    soqls,
    decide(rows) {
      const byId = new Map(rows.map((row) => [row.Id, row]));
      const result = new Map<string, RemoteMatch>();
      for (const [sobject, list] of bySObject) {
        for (const { localId, remoteId } of list) {
          const row = byId.get(remoteId);
          if (row) result.set(localId, { kind: 'link', sobject, row });
        }
      }
      return result;
    },
  };
}

/**
 * Run plans together, with the describes `describeFor` names riding in the same Composite calls.
 * A refused look-up (the whole call, or one of its queries) decides each record of its plan as
 * `refused`, so those records wait in the error centre and the others go on.
 */
export async function runPlans(ctx: SyncContext, plans: ReadonlyArray<MatchPlan | null>, describeFor: readonly string[] = []): Promise<Map<string, RemoteMatch>> {
  const live = plans.filter((p): p is MatchPlan => p !== null);
  const result = new Map<string, RemoteMatch>();
  const outcome = await runShared(ctx, describeFor, live.map((p) => p.soqls));
  live.forEach((plan, i) => {
    const rows = outcome[i]!;
    if (rows instanceof ApiError) {
      for (const id of plan.ids) result.set(id, { kind: 'refused', error: rows });
    } else for (const [id, match] of plan.decide(rows)) result.set(id, match);
  });
  return result;
}
