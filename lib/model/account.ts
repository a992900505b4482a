import { z } from 'zod';
import { Location, WebUrl, RecordId, SyncedRecordBase, Text } from './common';

export const AccountType = z.enum(['prospect', 'customer', 'partner', 'competitor']);
export type AccountType = z.infer<typeof AccountType>;

export const Account = SyncedRecordBase.extend({
  name: Text(255),
  /** Lower-cased name without punctuation or legal suffixes; indexed for matching. */
  normalizedName: z.string(),
  /** Registrable domains (public-suffix aware), lower-cased; indexed multi-entry. */
  domains: z.array(z.string().min(1)).default([]),
  website: WebUrl.nullable().default(null),
  linkedinUrl: WebUrl.nullable().default(null),
  industry: z.string().nullable().default(null),
  size: z.string().nullable().default(null),
  location: Location.nullable().default(null),
  territoryId: RecordId.nullable().default(null),
  type: AccountType.default('prospect'),
  owner: z.string().nullable().default(null),
  /** The channel partner that works this account with us, if any. */
  partnerAccountId: RecordId.nullable().default(null),
});
export type Account = z.infer<typeof Account>;
