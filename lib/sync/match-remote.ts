import { COMPOSITE_LIMIT, EXTERNAL_ID_FIELD } from '../crm/salesforce/config';
import { pulledFields, sobjectFor, type SObjectType } from '../crm/salesforce/mapping';
import type { SObjectRecord } from '../crm/salesforce/schemas';
import { normalizeAccountName, normalizeLinkedInUrl, registrableDomain } from '../match/normalize';
import type { Account, Contact, SyncedRecordType } from '../model';
import { sobjectOfId } from './remote-refs';
import type { SyncContext } from './context';
import { chunk, soqlList, soqlString } from './soql';

/** What the org already holds for a record Sidecar is about to push for the first time. */
export type RemoteMatch =
  | { kind: 'none' }
  | { kind: 'link'; sobject: SObjectType; row: SObjectRecord }
  | { kind: 'ambiguous'; sobject: SObjectType; rows: SObjectRecord[] };

/**
 * Values per query. The queries travel in a Composite body, where SOQL's own 100,000-character
 * limit applies (not a URL's 16 KB): 1,000 emails or names stay near 40,000 characters. LIKE
 * conditions are heavier for the database, so domains go 200 to a query.
 */
const VALUES_PER_QUERY = 1000;
const DOMAINS_PER_QUERY = 200;

async function runQueries(ctx: SyncContext, soqls: string[]): Promise<SObjectRecord[]> {
  const rows: SObjectRecord[] = [];
  for (const group of chunk(soqls, COMPOSITE_LIMIT)) rows.push(...(await ctx.client.queryMany(group)).flat());
  return rows;
}

function decide(sobjectOf: (row: SObjectRecord) => SObjectType, localId: string, rows: SObjectRecord[]): RemoteMatch {
  const unique = [...new Map(rows.map((r) => [r.Id, r])).values()];
  const own = unique.find((r) => r[EXTERNAL_ID_FIELD] === localId);
  if (own) return { kind: 'link', sobject: sobjectOf(own), row: own };
  if (unique.length === 1) return { kind: 'link', sobject: sobjectOf(unique[0]!), row: unique[0]! };
  if (unique.length > 1) return { kind: 'ambiguous', sobject: sobjectOf(unique[0]!), rows: unique };
  return { kind: 'none' };
}

const typeOf = (row: SObjectRecord) => (row.attributes?.type ?? 'Contact') as SObjectType;

/** People: by email in Contacts and open Leads, then by LinkedIn URL (when the org maps one). */
export async function matchPeople(ctx: SyncContext, people: readonly Contact[]): Promise<Map<string, RemoteMatch>> {
  const result = new Map<string, RemoteMatch>();
  if (people.length === 0) return result;
  // Only fields the org has: a mapping that names a missing field must not fail every look-up.
  // Without a mapped field every field read is standard, and no describe is needed.
  const mapped = ctx.settings.linkedinUrlField;
  const fieldsOf = async (o: 'Contact' | 'Lead') => (mapped ? new Set((await ctx.describe(o)).fields.map((f) => f.name)) : null);
  const known = { Contact: await fieldsOf('Contact'), Lead: await fieldsOf('Lead') };
  const select = (sobject: 'Contact' | 'Lead') => `SELECT ${pulledFields(sobject, ctx.settings).filter((f) => known[sobject]?.has(f) ?? true).join(', ')} FROM ${sobject}`;
  const emails = [...new Set(people.flatMap((p) => p.emails))];
  const soqls: string[] = [];
  for (const part of chunk(emails, VALUES_PER_QUERY)) {
    soqls.push(`${select('Contact')} WHERE Email IN ${soqlList(part)}`, `${select('Lead')} WHERE Email IN ${soqlList(part)} AND IsConverted = false`);
  }
  const linkedinField = mapped && known.Contact?.has(mapped) && known.Lead?.has(mapped) ? mapped : null;
  const urls = linkedinField ? [...new Set(people.filter((p) => p.emails.length === 0 && p.linkedinUrl).map((p) => p.linkedinUrl!))] : [];
  for (const part of chunk(urls, VALUES_PER_QUERY)) {
    const variants = part.flatMap((u) => [u, `${u}/`]);
    soqls.push(`${select('Contact')} WHERE ${linkedinField} IN ${soqlList(variants)}`, `${select('Lead')} WHERE ${linkedinField} IN ${soqlList(variants)} AND IsConverted = false`);
  }
  const rows = await runQueries(ctx, soqls);
  for (const person of people) {
    const byEmail = rows.filter((r) => typeof r.Email === 'string' && person.emails.includes(r.Email.toLowerCase()));
    const byUrl = byEmail.length || !linkedinField || !person.linkedinUrl ? [] : rows.filter((r) => {
      const url = r[linkedinField];
      return typeof url === 'string' && normalizeLinkedInUrl(url) === person.linkedinUrl;
    });
    result.set(person.id, decide(typeOf, person.id, byEmail.length ? byEmail : byUrl));
  }
  return result;
}

/** Accounts: by website domain, then by name. */
export async function matchAccounts(ctx: SyncContext, accounts: readonly Account[]): Promise<Map<string, RemoteMatch>> {
  const result = new Map<string, RemoteMatch>();
  if (accounts.length === 0) return result;
  const select = `SELECT ${pulledFields('Account', ctx.settings).join(', ')} FROM Account`;
  const domains = [...new Set(accounts.flatMap((a) => a.domains))];
  const names = [...new Set(accounts.map((a) => a.name))];
  const soqls = [
    ...chunk(domains, DOMAINS_PER_QUERY).map((part) => `${select} WHERE ${part.map((d) => `Website LIKE ${soqlString(`%${d}%`)}`).join(' OR ')}`),
    ...chunk(names, VALUES_PER_QUERY).map((part) => `${select} WHERE Name IN ${soqlList(part)}`),
  ];
  const rows = await runQueries(ctx, soqls);
  for (const account of accounts) {
    const byDomain = rows.filter((r) => {
      const domain = typeof r.Website === 'string' ? registrableDomain(r.Website) : null;
      return domain !== null && account.domains.includes(domain);
    });
    const byName = byDomain.length ? [] : rows.filter((r) => typeof r.Name === 'string' && normalizeAccountName(r.Name) === account.normalizedName);
    result.set(account.id, decide(() => 'Account', account.id, byDomain.length ? byDomain : byName));
  }
  return result;
}

/** The Salesforce records the rep chose to link records to (error centre), read by Id in Composite calls. */
export async function readChosen(ctx: SyncContext, type: SyncedRecordType, records: ReadonlyArray<{ id: string; remote: { salesforce?: { id: string | null } } }>): Promise<Map<string, RemoteMatch>> {
  const result = new Map<string, RemoteMatch>();
  const bySObject = new Map<SObjectType, Array<{ localId: string; remoteId: string }>>();
  for (const record of records) {
    const remoteId = record.remote.salesforce?.id;
    const sobject = remoteId ? (sobjectOfId(remoteId) as SObjectType | null) ?? sobjectFor(type, {}) : null;
    if (remoteId && sobject) bySObject.set(sobject, [...(bySObject.get(sobject) ?? []), { localId: record.id, remoteId }]);
  }
  const soqls = [...bySObject].flatMap(([sobject, list]) =>
    chunk(list.map((l) => l.remoteId), VALUES_PER_QUERY).map((ids) => `SELECT ${pulledFields(sobject, ctx.settings).join(', ')} FROM ${sobject} WHERE Id IN ${soqlList(ids)}`));
  const rows = new Map((await runQueries(ctx, soqls)).map((row) => [row.Id, row]));
  for (const [sobject, list] of bySObject) {
    for (const { localId, remoteId } of list) {
      const row = rows.get(remoteId);
      if (row) result.set(localId, { kind: 'link', sobject, row });
    }
  }
  return result;
}
