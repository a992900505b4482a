import { z } from 'zod';
import { RecordId, SyncedRecordBase, Text, Timestamp } from './common';

export const ActivityType = z.enum(['email', 'call', 'meeting', 'linkedin', 'note']);
export const Direction = z.enum(['inbound', 'outbound']);

export const Participant = z.object({
  name: z.string().trim().max(255).nullable().default(null),
  email: z.email().nullable().default(null),
});

export const Activity = SyncedRecordBase.extend({
  type: ActivityType,
  subject: Text(255),
  /** A short excerpt the rep chose to keep; never the whole message. */
  excerpt: z.string().max(1000).nullable().default(null),
  occurredAt: Timestamp,
  direction: Direction.nullable().default(null),
  participants: z.array(Participant).default([]),
  /** Gmail's RFC 822 Message-ID and thread id: what makes "log once, never twice" checkable. */
  messageId: z.string().nullable().default(null),
  threadId: z.string().nullable().default(null),
  contactIds: z.array(RecordId).default([]),
  accountId: RecordId.nullable().default(null),
  opportunityId: RecordId.nullable().default(null),
});
export type Activity = z.infer<typeof Activity>;
