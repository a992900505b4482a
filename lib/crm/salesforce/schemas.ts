import { z } from 'zod';

/**
 * The shapes of Salesforce's responses that Sidecar reads, checked on arrival. Objects are loose
 * (`z.looseObject`): Salesforce adds keys across versions, and unknown keys are not errors.
 */

/** `[{message, errorCode, fields?}]`: every top-level REST error. */
export const ErrorList = z.array(z.looseObject({ message: z.string(), errorCode: z.string(), fields: z.array(z.string()).optional() }));

/** The first error of an answer's error list, or undefined when the body is not one. */
export function firstError(body: unknown): z.infer<typeof ErrorList>[number] | undefined {
  const list = ErrorList.safeParse(body);
  return list.success ? list.data[0] : undefined;
}

/** OAuth token response. Salesforce sends no `expires_in`: expiry is learned from a 401. */
export const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  instance_url: z.url(),
  id: z.url(),
  token_type: z.string().optional(),
  issued_at: z.string(),
  signature: z.string().optional(),
  scope: z.string().optional(),
  refresh_token: z.string().min(1).optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const OAuthError = z.looseObject({ error: z.string(), error_description: z.string().optional() });

export const UserInfo = z.looseObject({
  user_id: z.string(),
  organization_id: z.string(),
  preferred_username: z.string().optional(),
  name: z.string().optional(),
});
export type UserInfo = z.infer<typeof UserInfo>;

/** One record's outcome in an sObject Collections call. */
export const SaveResult = z.looseObject({
  id: z.string().nullable().optional(),
  success: z.boolean(),
  created: z.boolean().optional(),
  errors: z.array(z.looseObject({
    statusCode: z.string(),
    message: z.string(),
    fields: z.array(z.string()).default([]),
    duplicateResult: z.looseObject({
      matchResults: z.array(z.looseObject({
        matchRecords: z.array(z.looseObject({ record: z.looseObject({ Id: z.string().optional() }) })).default([]),
      })).default([]),
    }).optional(),
  })).default([]),
});
export type SaveResult = z.infer<typeof SaveResult>;

export const CreateResult = z.looseObject({ id: z.string(), success: z.boolean() });

export const SObjectRecord = z.looseObject({
  attributes: z.looseObject({ type: z.string(), url: z.string().optional() }).optional(),
  Id: z.string(),
});
export type SObjectRecord = z.infer<typeof SObjectRecord>;

export const QueryPage = z.looseObject({
  totalSize: z.number().int(),
  done: z.boolean(),
  nextRecordsUrl: z.string().optional(),
  records: z.array(SObjectRecord),
});
export type QueryPage = z.infer<typeof QueryPage>;

export const DeletedResult = z.looseObject({
  deletedRecords: z.array(z.looseObject({ id: z.string(), deletedDate: z.string() })),
  earliestDateAvailable: z.string().optional(),
  latestDateCovered: z.string().optional(),
});

export const DescribeField = z.looseObject({
  name: z.string(),
  label: z.string().optional(),
  type: z.string(),
  nillable: z.boolean(),
  createable: z.boolean(),
  updateable: z.boolean(),
  defaultedOnCreate: z.boolean(),
  externalId: z.boolean().optional(),
  restrictedPicklist: z.boolean().optional(),
  picklistValues: z.array(z.looseObject({ value: z.string(), active: z.boolean() })).default([]),
});
export type DescribeField = z.infer<typeof DescribeField>;

export const Describe = z.looseObject({ name: z.string(), fields: z.array(DescribeField) });
export type Describe = z.infer<typeof Describe>;

/** A Composite answer. A `null` referenceId is an entry about the whole call (refused before any sub-request ran). */
export const CompositeResponse = z.looseObject({
  compositeResponse: z.array(z.looseObject({
    body: z.unknown(),
    httpStatusCode: z.number().int(),
    referenceId: z.string().nullable(),
    httpHeaders: z.record(z.string(), z.string()).optional(),
  })),
});

/** `GET /services/data`: the API versions the org serves. */
export const Versions = z.array(z.looseObject({ version: z.string(), url: z.string() }));
