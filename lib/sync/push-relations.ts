import { ApiError } from '../crm/salesforce/errors';
import type { SalesforceClient } from '../crm/salesforce/client';
import type { Activity } from '../model';
import type { SyncContext } from './context';
import { loadRemoteRefs, sobjectOfId } from './remote-refs';
import { chunk, soqlList } from './soql';
import { COLLECTION_LIMIT } from '../crm/salesforce/config';

/** Salesforce relates a Task to at most 50 people (Contacts; a Lead only as its one WhoId). */
export const MAX_TASK_PEOPLE = 50;

const sharedActivities = new WeakMap<SalesforceClient, Promise<boolean>>();

/** Whether the org has Shared Activities: TaskRelation only exists where it is turned on. */
function hasSharedActivities(client: SalesforceClient): Promise<boolean> {
  let known = sharedActivities.get(client);
  if (!known) {
    known = client.describe('TaskRelation').then(() => true, (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return false;
      sharedActivities.delete(client);
      throw error;
    });
    sharedActivities.set(client, known);
  }
  return known;
}

/**
 * An email or meeting with several people: the Task's WhoId names the first, and TaskRelation rows
 * name the others, where the org has Shared Activities. TaskRelation has no External ID, so the
 * rows already there are read first and only missing ones are created: a re-sent push adds none
 * twice. Returns the number of relations created.
 */
export async function pushTaskRelations(ctx: SyncContext, activities: ReadonlyArray<{ activity: Activity; taskId: string }>): Promise<number> {
  const shared = activities.filter((a) => a.activity.contactIds.length > 1);
  if (shared.length === 0 || !(await hasSharedActivities(ctx.client))) return 0;
  const refs = await loadRemoteRefs(ctx.db, { contact: shared.flatMap((a) => a.activity.contactIds) });
  const wanted = new Map<string, string[]>();
  for (const { activity, taskId } of shared) {
    const people = activity.contactIds.map((id) => refs.remoteIdOf('contact', id)).filter((id): id is string => id !== null);
    // A Task whose WhoId is a Lead relates to no one else.
    if (people.length < 2 || sobjectOfId(people[0]!) === 'Lead') continue;
    wanted.set(taskId, people.slice(1, MAX_TASK_PEOPLE).filter((id) => sobjectOfId(id) === 'Contact'));
  }
  if (wanted.size === 0) return 0;
  const existing = new Set<string>();
  for (const ids of chunk([...wanted.keys()], COLLECTION_LIMIT)) {
    for await (const page of ctx.client.query(`SELECT Id, TaskId, RelationId FROM TaskRelation WHERE TaskId IN ${soqlList(ids)} AND IsWhat = false`)) {
      for (const row of page) existing.add(`${String(row.TaskId)}:${String(row.RelationId)}`);
    }
  }
  const missing = [...wanted].flatMap(([TaskId, people]) => people.filter((p) => !existing.has(`${TaskId}:${p}`)).map((RelationId) => ({ TaskId, RelationId, IsWhat: false })));
  let created = 0;
  for (const batch of chunk(missing, COLLECTION_LIMIT)) {
    created += (await ctx.client.createMany('TaskRelation', batch)).filter((r) => r.success).length;
  }
  return created;
}
