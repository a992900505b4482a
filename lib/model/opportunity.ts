import { z } from 'zod';
import { IsoDate, RecordId, SyncedRecordBase, Text } from './common';

export const ForecastCategory = z.enum(['pipeline', 'best-case', 'commit', 'closed', 'omitted']);

export const Opportunity = SyncedRecordBase.extend({
  accountId: RecordId,
  name: Text(120),
  /** Free text: each org names its own stages (checked against the CRM's picklist at sync). */
  stage: Text(80),
  amount: z.number().nonnegative().nullable().default(null),
  currency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  closeDate: IsoDate.nullable().default(null),
  forecastCategory: ForecastCategory.default('pipeline'),
  isClosed: z.boolean().default(false),
  partnerAccountId: RecordId.nullable().default(null),
});
export type Opportunity = z.infer<typeof Opportunity>;
