import { z } from 'zod';
import { IsoDate, RecordBase, Text } from './common';

export const QuotaPeriod = z.enum(['month', 'quarter', 'year']);

export const Quota = z.object({
  period: QuotaPeriod,
  /** First day of the period. */
  start: IsoDate,
  amount: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

/** Which accounts fall in a rep's patch: any rule that matches claims the account. */
export const TerritoryRules = z.object({
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  regions: z.array(z.string().min(1)).default([]),
  postalPrefixes: z.array(z.string().min(1)).default([]),
});

export const Territory = RecordBase.extend({
  name: Text(120),
  rules: TerritoryRules,
  quotas: z.array(Quota).default([]),
});
export type Territory = z.infer<typeof Territory>;
