/**
 * Every version of Sidecar's IndexedDB schema, oldest first. Versions are only ever appended:
 * a user's browser may hold any of them, and Dexie upgrades it in order.
 * Index notes: `*` is multi-entry; booleans are not IndexedDB keys, so nothing indexes them.
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{ version: number; stores: Record<string, string | null> }> = [
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
    // due outbox entries in one range.
    version: 2,
    stores: {
      activities: 'id, *contactIds, accountId, opportunityId, occurredAt, messageId, threadId, [accountId+occurredAt]',
      conflicts: 'id, recordId, createdAt',
      // The sync drain asks for "pending and due" in one index range.
      outbox: 'id, state, nextAttemptAt, recordId, [state+nextAttemptAt]',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
