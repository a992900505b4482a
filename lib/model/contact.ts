import { z } from 'zod';
import { Location, WebUrl, RecordId, SyncedRecordBase, Text } from './common';

export const Seniority = z.enum(['c-level', 'vp', 'director', 'manager', 'individual', 'unknown']);
export const JobFunction = z.enum([
  'sales', 'marketing', 'it-engineering', 'finance', 'operations', 'hr', 'legal', 'executive', 'other',
]);
export const BuyingRole = z.enum(['decision-maker', 'influencer', 'champion', 'end-user', 'blocker']);
export type BuyingRole = z.infer<typeof BuyingRole>;

/** A lead is a person not yet tied to an account; a contact belongs to one. */
export const ContactKind = z.enum(['lead', 'contact']);

export const Contact = SyncedRecordBase.extend({
  kind: ContactKind,
  firstName: z.string().trim().max(80).nullable().default(null),
  /** Salesforce requires a last name, so every person has one. */
  lastName: Text(80),
  title: z.string().trim().max(255).nullable().default(null),
  /** The person's own one-line summary, as LinkedIn shows it. */
  headline: z.string().trim().max(400).nullable().default(null),
  seniority: Seniority.default('unknown'),
  function: JobFunction.default('other'),
  buyingRole: BuyingRole.nullable().default(null),
  /** True once the rep set the buying role by hand: later updates keep it. */
  buyingRoleOverridden: z.boolean().default(false),
  /** Lower-cased; indexed multi-entry. */
  emails: z.array(z.email()).default([]),
  phones: z.array(z.string().trim().min(1)).default([]),
  /** `https://www.linkedin.com/in/<slug>`, normalised; indexed. */
  linkedinUrl: WebUrl.nullable().default(null),
  accountId: RecordId.nullable().default(null),
  /** The company name as captured, for a lead that has no account yet. */
  company: z.string().trim().max(255).nullable().default(null),
  location: Location.nullable().default(null),
});
export type Contact = z.infer<typeof Contact>;

export function fullName(contact: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}
