import { packComposite, type SubRequest } from '../crm/salesforce/composite';
import { ApiError, WholeCallRefusedError } from '../crm/salesforce/errors';
import type { SObjectRecord } from '../crm/salesforce/schemas';
import type { SyncContext } from './context';

type Tagged = SubRequest & { group: number | null };

/**
 * Groups of queries, and the describes that are due a check, packed into as few Composite calls as
 * Salesforce allows (25 sub-requests, at most 5 of them queries: describes ride along for free).
 * Each group comes back as all its rows, every page read, or as the refusal that stopped it: a
 * refused query, or a whole call the org refused. Other errors (network, limits, auth) throw.
 */
export async function runShared(ctx: SyncContext, describeFor: readonly string[], groups: ReadonlyArray<readonly string[]>): Promise<Array<SObjectRecord[] | ApiError>> {
  const describes = await ctx.describes.plan(describeFor);
  const subs: Tagged[] = [
    ...describes.map((d) => ({ ...d, group: null })),
    ...groups.flatMap((soqls, group) => soqls.map((soql) => ({ kind: 'query' as const, soql, group }))),
  ];
  const results: Array<SObjectRecord[] | ApiError> = groups.map(() => []);
  const fail = (group: number, error: ApiError) => { results[group] = error; };
  for (const call of packComposite(subs)) {
    const live = call.filter((s) => s.group === null || !(results[s.group] instanceof ApiError));
    if (live.length === 0) continue;
    let answers;
    try {
      answers = await ctx.client.composite(live);
    } catch (error) {
      if (!(error instanceof WholeCallRefusedError)) throw error;
      const hit = live.filter((s) => s.group !== null);
      if (hit.length === 0) throw error; // describes alone: nothing to park, the run reports it
      for (const s of hit) fail(s.group!, error);
      continue;
    }
    await ctx.describes.accept(live, answers);
    for (const [i, sub] of live.entries()) {
      if (sub.group === null) continue;
      const answer = answers[i]!;
      const rows = results[sub.group]!;
      if (rows instanceof ApiError) continue;
      if (answer.kind === 'refused') {
        fail(sub.group, answer.error);
        const sobject = sub.kind === 'query' ? /\bFROM\s+(\w+)/i.exec(sub.soql)?.[1] : undefined;
        if (answer.error.errorCode === 'INVALID_FIELD' && sobject) await ctx.describes.stale(sobject);
      }
      else if (answer.kind === 'page') {
        rows.push(...answer.page.records);
        for await (const page of ctx.client.morePages(answer.page)) rows.push(...page);
      }
    }
  }
  return results;
}
