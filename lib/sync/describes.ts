import type { SalesforceClient } from '../crm/salesforce/client';
import type { SubAnswer, SubRequest } from '../crm/salesforce/composite';
import type { Describe } from '../crm/salesforce/schemas';
import type { SidecarDb } from '../db/database';
import type { CachedDescribe } from '../model';

/**
 * Describes, kept in IndexedDB per org (by instance URL) so a sync with nothing new spends no
 * describe calls. The rule:
 * - A describe checked in the last 12 hours is used as it is: no call.
 * - Older, it is asked again with `If-Modified-Since`, inside a Composite call Sidecar makes anyway
 *   where it can: a 304 keeps it and costs no call of its own. The date sent is by the org's clock
 *   (its Last-Modified, else the answer's Date), so a browser clock ahead of Salesforce's cannot
 *   hide a change; only with neither is it the fetch time less 10 minutes.
 * - It is fetched whole at once, whatever its age, when Salesforce refused a field or value it
 *   vouched for (`stale`: a push's refusal, a pull or look-up refused with INVALID_FIELD), and when
 *   the rep opens the field mapping.
 */
export const DESCRIBE_FRESH_MS = 12 * 60 * 60_000;
const CLOCK_SKEW_MS = 10 * 60_000;

/** Only what Sidecar reads of a describe: a real org's Contact describe is hundreds of kB. */
function trimmed(describe: Describe): Describe {
  return {
    name: describe.name,
    fields: describe.fields.map((f) => ({
      name: f.name, label: f.label, type: f.type, nillable: f.nillable, createable: f.createable, updateable: f.updateable,
      defaultedOnCreate: f.defaultedOnCreate, externalId: f.externalId, restrictedPicklist: f.restrictedPicklist,
      picklistValues: f.picklistValues.map((v) => ({ value: v.value, active: v.active })),
    })),
  };
}

export class DescribeCache {
  private readonly memory = new Map<string, CachedDescribe>();

  constructor(private readonly db: SidecarDb, private readonly client: SalesforceClient, private readonly now: () => number) {}

  private id(sobject: string): string {
    return `salesforce|${this.client.instanceUrl}|${sobject}`;
  }

  private async cached(sobject: string): Promise<CachedDescribe | undefined> {
    const id = this.id(sobject);
    let found = this.memory.get(id);
    if (!found) {
      found = await this.db.describes.get(id);
      if (found) this.memory.set(id, found);
    }
    return found;
  }

  /** Sub-requests for the describes of these objects that are missing or due a check (none when all are fresh). */
  async plan(sobjects: readonly string[]): Promise<SubRequest[]> {
    const subs: SubRequest[] = [];
    for (const sobject of new Set(sobjects)) {
      const found = await this.cached(sobject);
      if (found && this.now() - found.checkedAt < DESCRIBE_FRESH_MS) continue;
      subs.push({ kind: 'describe', sobject, ...(found ? { ifModifiedSince: found.modifiedSince } : {}) });
    }
    return subs;
  }

  /** Store what came back for `plan`'s sub-requests. A refused describe throws its error. */
  async accept(subs: readonly SubRequest[], answers: readonly SubAnswer[]): Promise<void> {
    const at = this.now();
    for (const [i, sub] of subs.entries()) {
      if (sub.kind !== 'describe') continue;
      const answer = answers[i]!;
      const id = this.id(sub.sobject);
      if (answer.kind === 'refused') throw answer.error;
      let entry: CachedDescribe | undefined;
      if (answer.kind === 'describe') {
        const modifiedSince = answer.lastModified ?? new Date(at - CLOCK_SKEW_MS).toUTCString();
        entry = { id, describe: trimmed(answer.describe) as CachedDescribe['describe'], fetchedAt: at, checkedAt: at, modifiedSince };
      }
      else if (answer.kind === 'not-modified') {
        const found = await this.cached(sub.sobject);
        if (found) entry = { ...found, checkedAt: at };
      }
      if (!entry) continue;
      this.memory.set(id, entry);
      await this.db.describes.put(entry);
    }
  }

  /** These objects' describes: from the cache while fresh, the others checked or fetched in one call. */
  async load(sobjects: readonly string[]): Promise<Describe[]> {
    const subs = await this.plan(sobjects);
    if (subs.length) await this.accept(subs, await this.client.composite(subs));
    return Promise.all(sobjects.map(async (sobject) => {
      const found = await this.cached(sobject);
      if (!found) throw new Error(`no describe of ${sobject}`);
      return found.describe as Describe;
    }));
  }

  async get(sobject: string): Promise<Describe> {
    return (await this.load([sobject]))[0]!;
  }

  /**
   * Salesforce refused something this describe vouched for: fetch it whole on the next look (not a
   * conditional check: a field hidden from the user may not move the object's Last-Modified).
   */
  async stale(sobject: string): Promise<void> {
    const id = this.id(sobject);
    this.memory.delete(id);
    await this.db.describes.delete(id);
  }
}
