/**
 * The one place Salesforce's API version, Sidecar's org-side names and the documented limits the
 * client keeps are set. Every URL the client builds, and every batch it packs, read them from here.
 * (The emulator keeps its own table, written from the same documents: it must not share these.)
 */

/** Salesforce REST API version Sidecar is written and tested against (Winter '25). */
export const SALESFORCE_API_VERSION = 'v62.0';

/**
 * The custom External ID field an admin adds to each synced object (Text(26), External ID, Unique):
 * it holds Sidecar's ULID, so a retried upsert updates the record it created instead of adding one.
 */
export const EXTERNAL_ID_FIELD = 'Sidecar_Id__c';

/** sObject Collections accept at most this many records per call (REST API Developer Guide, "sObject Collections"). */
export const COLLECTION_LIMIT = 200;

/** A Composite request carries at most 25 sub-requests and counts as one API call (REST API Developer Guide, "Composite"). */
export const COMPOSITE_LIMIT = 25;

/**
 * Of a Composite request's sub-requests, at most 5 may be Query, QueryAll or sObject Collections
 * operations (REST API Developer Guide, "Composite", limits). Past it the org refuses the whole call.
 */
export const COMPOSITE_QUERY_LIMIT = 5;

/** A SOQL statement is at most 100,000 characters (Salesforce Limits Quick Reference, "SOQL and SOSL Limits"). */
export const SOQL_MAX_LENGTH = 100_000;

/** Each string in a SOQL WHERE clause is at most 4,000 characters (the same table). */
export const SOQL_MAX_STRING = 4_000;
