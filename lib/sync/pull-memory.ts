import type { SidecarDb } from '../db/database';
import { tableFor } from '../db/records';
import { SyncedRecordType } from '../model';

/**
 * What one pull knows about the store without asking it again: which tables held linked or
 * unlinked records when it began, and every Salesforce Id it has linked since. A first pull into a
 * fresh store then reads no index per row (each look-up is an IndexedDB request, and a 50,000-row
 * pull made a million of them); later pulls, into a store with links, look records up as before.
 */
export class PullMemory {
  private readonly linked = new Map<string, string>();

  private constructor(private readonly withLinks: ReadonlySet<SyncedRecordType>, private readonly withUnlinked: ReadonlySet<SyncedRecordType>) {}

  static async read(db: SidecarDb): Promise<PullMemory> {
    const withLinks = new Set<SyncedRecordType>();
    const withUnlinked = new Set<SyncedRecordType>();
    for (const type of SyncedRecordType.options) {
      const table = tableFor(db, type);
      const [all, linked] = await Promise.all([table.count(), table.where('remote.salesforce.id').above('').count()]);
      if (linked > 0) withLinks.add(type);
      if (all > linked) withUnlinked.add(type);
    }
    return new PullMemory(withLinks, withUnlinked);
  }

  /** Knows nothing: every look-up goes to the store. */
  static none(): PullMemory {
    const all = new Set(SyncedRecordType.options);
    return new PullMemory(all, all);
  }

  /** Whether a table may hold records linked before this pull (else only `localIdOf` can find one). */
  mayHaveLinked(type: SyncedRecordType): boolean {
    return this.withLinks.has(type);
  }

  /** Whether a table may hold records not linked to Salesforce (made here, not yet pushed). */
  mayHaveUnlinked(type: SyncedRecordType): boolean {
    return this.withUnlinked.has(type);
  }

  remember(remoteId: string, localId: string): void {
    this.linked.set(remoteId, localId);
  }

  localIdOf(remoteId: string): string | undefined {
    return this.linked.get(remoteId);
  }
}
