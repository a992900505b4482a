/**
 * The one place Salesforce's API version and Sidecar's org-side names are set. Every URL the client
 * builds, and the emulator's routes, read them from here.
 */

/** Salesforce REST API version Sidecar is written and tested against (Winter '25). */
export const SALESFORCE_API_VERSION = 'v62.0';

/**
 * The custom External ID field an admin adds to each synced object (Text(26), External ID, Unique):
 * it holds Sidecar's ULID, so a retried upsert updates the record it created instead of adding one.
 */
export const EXTERNAL_ID_FIELD = 'Sidecar_Id__c';

/** sObject Collections accept at most this many records per call. */
export const COLLECTION_LIMIT = 200;

/** A Composite request carries at most 25 sub-requests, and counts as one API call. */
export const COMPOSITE_LIMIT = 25;
