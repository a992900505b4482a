import { z } from 'zod';
import { IsoDate, RecordId, SyncedRecordBase, Text, Timestamp } from './common';

export const Task = SyncedRecordBase.extend({
  subject: Text(255),
  dueDate: IsoDate.nullable().default(null),
  reminderAt: Timestamp.nullable().default(null),
  done: z.boolean().default(false),
  contactId: RecordId.nullable().default(null),
  accountId: RecordId.nullable().default(null),
  opportunityId: RecordId.nullable().default(null),
});
export type Task = z.infer<typeof Task>;
