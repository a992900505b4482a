import { z } from 'zod';
import { SalesforceConnection } from '../crm/salesforce/auth/connection';
import { PAGES, message } from './message-spec';

/** The connection as the options page sees it: who and where, never a token. */
export const SalesforceStatus = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('disconnected'),
    /** The callback URL the admin registers on the External Client App. */
    redirectUrl: z.string(),
  }),
  SalesforceConnection.omit({ reconnect: true }).extend({
    /** `reconnect`: Salesforce refused the grant (revoked, expired, policy); local records are safe. */
    state: z.enum(['connected', 'reconnect']),
    redirectUrl: z.string(),
    /** Salesforce's error code when it refused the grant (`invalid_grant`). */
    reason: z.string().nullable(),
  }),
]);
export type SalesforceStatus = z.infer<typeof SalesforceStatus>;

export const MappableField = z.object({ name: z.string(), label: z.string(), type: z.string() });
export type MappableField = z.infer<typeof MappableField>;

/** Messages about the Salesforce connection (options page): connect, disconnect, settings. */
export const SALESFORCE_MESSAGES = {
  'salesforce.status': message({
    senders: PAGES,
    request: z.object({}),
    response: SalesforceStatus,
  }),
  /**
   * Sign in through the browser's web-auth window and store the grant. The page asks for the host
   * permissions first, from the rep's click (`connectOrigins`): the background cannot.
   */
  'salesforce.connect': message({
    senders: PAGES,
    writes: true,
    request: z.object({ loginHost: z.string().max(255), clientId: z.string().trim().min(1).max(255) }),
    response: SalesforceStatus,
  }),
  /** Revoke the grant and forget the tokens; local records stay. */
  'salesforce.disconnect': message({
    senders: PAGES,
    writes: true,
    request: z.object({}),
    response: z.object({ revoked: z.boolean() }),
  }),
  /** Fields that can hold a LinkedIn URL: url or custom text fields present on both Contact and Lead. */
  'salesforce.fields': message({
    senders: PAGES,
    request: z.object({}),
    response: z.object({ fields: z.array(MappableField) }),
  }),
} as const;
