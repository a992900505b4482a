import type { Transaction } from 'dexie';

/**
 * Every version of Sidecar's IndexedDB schema, oldest first. Versions are only ever appended:
 * a user's browser may hold any of them, and Dexie upgrades it in order.
 * Index notes: `*` is multi-entry; booleans are not IndexedDB keys, so nothing indexes them.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Rewrites rows whose shape changed; runs once, inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      accounts: 'id, *domains, normalizedName, linkedinUrl, territoryId, type, updatedAt',
      contacts: 'id, *emails, linkedinUrl, accountId, updatedAt',
      opportunities: 'id, accountId, closeDate, updatedAt',
      activities: 'id, *contactIds, accountId, opportunityId, occurredAt, messageId, threadId',
      notes: 'id, contactId, accountId, opportunityId, updatedAt',
      tasks: 'id, dueDate, contactId, accountId, opportunityId',
      territories: 'id, name',
      outbox: 'id, state, nextAttemptAt, recordId',
      checkpoints: 'id',
    },
  },
  {
    // v2: an account's timeline reads newest-first without sorting in memory; the conflict centre;
    // outbox entries may cover many created records (one write per import batch, not one per
    // record), and the drain asks for "pending and due" in one index range.
    version: 2,
    stores: {
      activities: 'id, *contactIds, accountId, opportunityId, occurredAt, messageId, threadId, [accountId+occurredAt]',
      conflicts: 'id, recordId, createdAt',
      outbox: 'id, *recordIds, [state+nextAttemptAt]',
    },
    upgrade: (tx) =>
      tx.table('outbox').toCollection().modify((entry: Record<string, unknown>) => {
        entry.recordIds = [entry.recordId];
        delete entry.recordId;
        entry.op = entry.op === 'delete' ? 'delete' : entry.fields && (entry.fields as unknown[]).length ? 'update' : 'create';
        entry.payloadVersion = 2;
      }),
  },
  {
    // v3: a person not yet matched by email or LinkedIn URL is looked for by name plus company.
    version: 3,
    stores: {
      contacts: 'id, *emails, linkedinUrl, accountId, updatedAt, lastName',
    },
  },
  {
    // v4: Salesforce sync. Each synced table finds a record by its Salesforce Id (a pull merges
    // into it); `syncIssues` is the error centre; `secrets` holds the CRM refresh token, which
    // must stay out of `storage.local` (content scripts can read that).
    version: 4,
    stores: {
      accounts: 'id, *domains, normalizedName, linkedinUrl, territoryId, type, updatedAt, remote.salesforce.id',
      contacts: 'id, *emails, linkedinUrl, accountId, updatedAt, lastName, remote.salesforce.id',
      opportunities: 'id, accountId, closeDate, updatedAt, remote.salesforce.id',
      activities: 'id, *contactIds, accountId, opportunityId, occurredAt, messageId, threadId, [accountId+occurredAt], remote.salesforce.id',
      notes: 'id, contactId, accountId, opportunityId, updatedAt, remote.salesforce.id',
      tasks: 'id, dueDate, contactId, accountId, opportunityId, remote.salesforce.id',
      syncIssues: 'id, recordId, createdAt',
      secrets: 'id',
    },
  },
  {
    // v5: CRM describes kept per org, so a sync with nothing new asks for none (lib/sync/describes.ts).
    version: 5,
    stores: {
      describes: 'id',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
