/** Salesforce's error shapes: one record's error, and a whole-request refusal. */

/** One record's error, as it appears inside a collection result (`statusCode`). */
export interface SfError {
  statusCode: string;
  message: string;
  fields: string[];
  duplicateResult?: Record<string, unknown>;
}

/** A refusal of the whole request: `[{message, errorCode, fields?}]` with an HTTP status. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
  }

  body(): Array<Record<string, unknown>> {
    return [{ message: this.message, errorCode: this.errorCode, ...(this.fields ? { fields: this.fields } : {}) }];
  }
}

export const notFound = (): RequestError => new RequestError(404, 'NOT_FOUND', 'The requested resource does not exist');

/** A single-record call answers a record error top level, with `errorCode` instead of `statusCode`. */
export function topLevel(error: SfError): Record<string, unknown> {
  if (error.duplicateResult) return { duplicateResult: error.duplicateResult, errorCode: error.statusCode, message: error.message };
  return { message: error.message, errorCode: error.statusCode, fields: error.fields };
}

export const recordError = (statusCode: string, message: string, fields: string[] = []): SfError => ({ statusCode, message, fields });

export const ROLLED_BACK = recordError(
  'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  'Record rolled back because not all records were valid and the request was using AllOrNone header',
);
