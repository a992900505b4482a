import { z } from 'zod';

/** Who connected which org, and through where. No token: those live apart (token-store.ts). */
export const SalesforceConnection = z.object({
  /** The login host's origin the rep connected through (`https://login.salesforce.com`). */
  loginUrl: z.string(),
  /** The External Client App's consumer key. Not a secret. */
  clientId: z.string(),
  instanceUrl: z.string(),
  orgId: z.string(),
  userId: z.string(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  connectedAt: z.number(),
  /** Set when Salesforce refused the grant: the rep must connect again. Salesforce's error code only. */
  reconnect: z.object({ reason: z.string(), at: z.number() }).nullable(),
});
export type SalesforceConnection = z.infer<typeof SalesforceConnection>;
