import type { z } from 'zod';
import type { BuyingRole, JobFunction as JobFunctionSchema, Seniority as SenioritySchema } from '../model/contact';

export type Seniority = z.infer<typeof SenioritySchema>;
export type JobFunction = z.infer<typeof JobFunctionSchema>;
/** The classifier only suggests these three; 'champion' and 'blocker' are the rep's call. */
export type ClassifiedBuyingRole = Extract<BuyingRole, 'decision-maker' | 'influencer' | 'end-user'>;

/** What one table entry says about a title. Every field is optional. */
export interface Signal {
  /** The level this word names ('unknown' is never a signal). */
  seniority?: Exclude<Seniority, 'unknown'>;
  /** Counts only when no other word names a level (Partner, Gesellschafter, Delägare). */
  weak?: boolean;
  fn?: JobFunction;
  /** Function strength: 4 an explicit C-level office, 3 a department, 2 a technical area, 1 generic. Default 3. */
  weight?: 1 | 2 | 3 | 4;
  /** An individual contributor with this word shapes the deal: influencer, not end-user. */
  influencer?: boolean;
  /** Board or advisory seat: never decision-maker. */
  advisory?: boolean;
  /** Assistant / secretary: the levels of the person assisted do not count. */
  assistant?: boolean;
  /** Deputy / stellvertretender / adjoint / vice: a C-level word becomes VP. */
  deputy?: boolean;
  /** Names the executive office (Geschäftsführung, direction, executive) for the assistant rule. */
  principal?: boolean;
}

export interface TitleClassification {
  seniority: Seniority;
  function: JobFunction;
  buyingRole: ClassifiedBuyingRole;
  /** The table entries and rules that fired, e.g. `word:ceo`, `stem:-leiter`, `rule:assistant`. */
  matched: string[];
}
