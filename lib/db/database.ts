import { Dexie, type EntityTable } from 'dexie';
import type {
  Account, CachedDescribe, Activity, Conflict, Contact, Note, Opportunity, OutboxEntry, SyncCheckpoint, SyncIssue, Task, Territory,
} from '../model';
import { SCHEMA_VERSIONS } from './schema';

export const DATABASE_NAME = 'sidecar';

/** The one local store. Lives in the extension's origin; only the background writes to it. */
export class SidecarDb extends Dexie {
  accounts!: EntityTable<Account, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  opportunities!: EntityTable<Opportunity, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  tasks!: EntityTable<Task, 'id'>;
  territories!: EntityTable<Territory, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  checkpoints!: EntityTable<SyncCheckpoint, 'id'>;
  conflicts!: EntityTable<Conflict, 'id'>;
  syncIssues!: EntityTable<SyncIssue, 'id'>;
  /** CRM secrets (the refresh token), keyed by CRM name. Only the background reads it. */
  secrets!: EntityTable<{ id: string; value: string }, 'id'>;
  /** CRM describes per org (only the background and sync:once read it). */
  describes!: EntityTable<CachedDescribe, 'id'>;

  constructor(name: string = DATABASE_NAME, upToVersion = Number.POSITIVE_INFINITY) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      if (version > upToVersion) continue;
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

let shared: SidecarDb | undefined;

/** The store every context opens: the background to write, extension pages to read live. */
export function getDb(): SidecarDb {
  shared ??= new SidecarDb();
  return shared;
}
