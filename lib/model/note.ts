import { z } from 'zod';
import { RecordId, SyncedRecordBase, Text } from './common';

/** A note sits on exactly one record: a contact, an account or an opportunity. */
export const NoteFields = SyncedRecordBase.extend({
  body: Text(32_000),
  pinned: z.boolean().default(false),
  contactId: RecordId.nullable().default(null),
  accountId: RecordId.nullable().default(null),
  opportunityId: RecordId.nullable().default(null),
});

export const noteHasOneParent = (n: { contactId: string | null; accountId: string | null; opportunityId: string | null }) =>
  [n.contactId, n.accountId, n.opportunityId].filter(Boolean).length === 1;

export const Note = NoteFields.refine(noteHasOneParent, {
  message: 'a note belongs to exactly one contact, account or opportunity',
});
export type Note = z.infer<typeof Note>;
