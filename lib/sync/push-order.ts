import type { SyncedRecordType } from '../model';

/** Parents before children: a contact needs its account's Salesforce Id, a Task its people's. */
export const PUSH_ORDER: readonly SyncedRecordType[] = ['account', 'contact', 'opportunity', 'activity', 'task', 'note'];
