/**
 * Every limit and documented behaviour the emulator enforces, one row each, with the Salesforce
 * document it comes from. Written from Salesforce's published documentation (read December 2026,
 * REST API Developer Guide v68.0 unless a row says otherwise), not from Sidecar's client: the
 * emulator shares no constants with the code it tests. Where a document states a limit but not
 * the error a real org answers with, the row says so and names the emulator's choice.
 */

export const LIMITS = {
  // ---- API versions -------------------------------------------------------------------------
  /** Newest version a production org serves in December 2026: Winter '27 = 68.0.
   *  "SOQL and SOSL Reference Previous PDF Versions" (68.0 Winter '27, 67.0 Summer '26, …) and the
   *  Apex Reference Guide's release list, "Winter '27 (API version 68.0)". */
  newestApiVersion: 68,
  /** Versions 21.0–30.0 were retired in Summer '25 (7.0–20.0 in Summer '22), so 31.0 is the oldest
   *  one served. Help article 000354473, "Salesforce Platform API Versions 21.0 through 30.0
   *  Retirement" (updated March 2026); "API End-of-Life Policy", REST API Developer Guide. */
  oldestApiVersion: 31,
  /** A retired version answers HTTP 410 GONE. Same help article: "REST API returns 410: GONE";
   *  "API End-of-Life Policy": "REST API returns the 410:GONE error code". A version that never
   *  existed (above the newest) is an unknown resource: 404 NOT_FOUND ("Status Codes and Error
   *  Responses": 404 "The requested resource couldn't be found"). */
  retiredVersionStatus: 410,
  /** Versions 7.0 and up have existed; anything lower (or not a number) is simply not found. */
  firstEverApiVersion: 7,

  // ---- Composite ----------------------------------------------------------------------------
  /** "Send Multiple Requests Using Composite", REST API Developer Guide: up to 25 subrequests in a
   *  single call. The docs don't show the refusal; the emulator answers it like the 5-query rule. */
  compositeSubrequests: 25,
  /** Same document (and "Composite", REST API Developer Guide v41.0 in Japanese: "up to 5 of these
   *  may be query operations: Query, QueryAll and 'Query More' requests"); newer editions add
   *  sObject Collections. Refused whole: HTTP 200, one compositeResponse entry, referenceId null,
   *  LIMIT_EXCEEDED, nothing executed. */
  compositeQueryOps: 5,
  /** "Composite Request Body", allOrNone: "If the value is true, the entire composite request is
   *  rolled back … In either case, the top-level request returns HTTP 200"; "Composite Subrequest
   *  Result": with allOrNone and one error "all other subrequests return the 400 HTTP status code".
   *  With allOrNone false, "dependent subrequests aren't executed". */
  compositeAllOrNoneRollsBack: true,

  // ---- sObject Collections ------------------------------------------------------------------
  /** "Create Records Using sObject Collections" (and the update, upsert and delete pages): "The
   *  list can contain up to 200 objects". Over it: 400 EXCEEDED_ID_LIMIT (error text as orgs send
   *  it; the docs give no example). */
  collectionRecords: 200,
  /** "sObject Collections": "This resource is available in API version 42.0 and later." */
  collectionsSince: 42,
  /** "Upsert Records Using sObject Collections": available in API version 46.0 and later. */
  collectionUpsertSince: 46,

  // ---- Query --------------------------------------------------------------------------------
  /** "Query Options Header": batchSize "The default is 2,000; the minimum is 200, and the maximum
   *  is 2,000. There is no guarantee that the requested batch size is the actual batch size." No
   *  error is documented for a value outside the range, so the emulator clamps it into 200–2,000. */
  queryBatchDefault: 2000,
  queryBatchMin: 200,
  queryBatchMax: 2000,
  /** "API Query Cursor Limits", Developer Limits Quick Reference: "Cursors and their related query
   *  results are available for 2 days" and, since API v56.0, "There isn't a limit on the number of
   *  open cursors" (the older 10 per user and 15 minutes of inactivity are gone). A locator used
   *  after that answers INVALID_QUERY_LOCATOR (help article 000384958). */
  queryCursorLifetimeMs: 2 * 24 * 60 * 60_000,
  /** "SOQL and SOSL Limits for Search Queries", Salesforce Developer Limits and Allocations Quick
   *  Reference: "Maximum length of SOQL statements: By default, 100,000 characters." The error code
   *  is not documented (QUERY_TOO_COMPLICATED is documented for statements under the limit that
   *  expand internally); the emulator answers 400 MALFORMED_QUERY. */
  soqlStatementChars: 100_000,
  /** Same page: "Strings in SOQL WHERE clauses: 4,000 characters for each string within a WHERE
   *  clause." Error code not documented; the emulator answers 400 MALFORMED_QUERY. */
  soqlWhereStringChars: 4_000,

  // ---- Upsert by external id ----------------------------------------------------------------
  /** "Insert or Update (Upsert) a Record Using an External ID": 201 when created; "In API version
   *  46.0 and later, the HTTP status code is 200 (OK)" with a body when updated, "In API version
   *  45.0 and earlier, the HTTP status code is 204 (No Content)" with none; "The created parameter
   *  is present in the response in API version 46.0 and later"; matched several times: 300 with
   *  the list of matching records ("Status Codes and Error Responses", 300). */
  upsertBodyOnUpdateSince: 46,

  // ---- Replication --------------------------------------------------------------------------
  /** "sObject Get Deleted" (REST API v29.0+): "Results are returned for no more than 15 days
   *  previous to the day the call is executed". */
  getDeletedDays: 15,
  /** "sObject Get Updated" (REST API v31.0+): "no more than 30 days previous". */
  getUpdatedDays: 30,
  /** Both pages: "There is a limit of 600,000 IDs … EXCEEDED_ID_LIMIT is returned." */
  replicationIds: 600_000,

  // ---- Sessions and allowance ---------------------------------------------------------------
  /** "Status Codes and Error Responses": 401 "The session ID or OAuth token used has expired or is
   *  invalid" (errorCode INVALID_SESSION_ID); 403 "If the error code is REQUEST_LIMIT_EXCEEDED,
   *  you've exceeded API request limits in your org". */
  invalidSessionStatus: 401,
  requestLimitStatus: 403,
  /** "Limit Info Header": Sforce-Limit-Info "is returned in each request to REST API (except for
   *  calls to the Versions URI, /, which do not count towards your org's limit)". Only the
   *  versions list is exempt, so a describe answered 304 Not Modified still counts as a call. */
  versionsListCounts: false,
  notModifiedCounts: true,
  /** Developer Edition's daily allowance, the emulator's default ("API Request Limits and
   *  Allocations", Developer Limits Quick Reference). */
  defaultDailyRequests: 15_000,

  // ---- Describe -----------------------------------------------------------------------------
  /** "sObject Describe" and "Get Object Metadata Changes": with If-Modified-Since, "if the
   *  metadata has not been modified since the provided date, a 304 Not Modified status code is
   *  returned, with no response body". "Get a List of Objects If Metadata Has Changed": the same
   *  for Describe Global when no object's metadata changed. */
  describeHonoursIfModifiedSince: true,
  /** "Describe Global": maxBatchSize in its answer. */
  describeGlobalMaxBatchSize: 200,
} as const;

/** Error texts the emulator answers with, by the rule above that triggers them. */
export const MESSAGES = {
  notFound: 'The requested resource does not exist',
  compositeTooMany: `Exceeded max limit of subrequests allowed: ${LIMITS.compositeSubrequests}`,
  compositeTooManyQueries: `Exceeded max limit of ${LIMITS.compositeQueryOps} Query, QueryAll, Query More or sObject Collections subrequests in one composite request`,
  collectionTooMany: `record limit reached. cannot submit more than ${LIMITS.collectionRecords} records into this call`,
  soqlTooLong: `SOQL statements cannot be longer than ${LIMITS.soqlStatementChars} characters`,
  soqlStringTooLong: `A string in a WHERE clause cannot be longer than ${LIMITS.soqlWhereStringChars} characters`,
  sessionInvalid: 'Session expired or invalid',
  requestLimit: 'TotalRequests Limit exceeded.',
  processingHalted: 'The transaction was rolled back since another operation in the same transaction failed.',
} as const;
