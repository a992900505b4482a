import type { SyncContext } from './context';

export interface PullSummary {
  /** Records read from Salesforce, per sObject. */
  pulled: Record<string, number>;
  created: number;
  updated: number;
  conflicts: number;
  deleted: number;
}

/** Pull what changed in Salesforce since each type's checkpoint and merge it into the store. */
export async function pullChanges(ctx: SyncContext): Promise<PullSummary> {
  void ctx;
  throw new Error('pull lands in the next commit');
}
