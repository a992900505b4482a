import { RequestError } from './errors';
import { LIMITS, MESSAGES } from './limits';

/**
 * The documented size limits on a SOQL statement, checked before it is parsed: the whole statement
 * (LIMITS.soqlStatementChars) and each string literal in its WHERE clause
 * (LIMITS.soqlWhereStringChars, counted after unescaping, as the value Salesforce compares).
 */

interface Literal {
  at: number;
  end: number;
  value: string;
}

/** The statement's quoted string literals, with `\'`-style escapes undone. */
function literals(soql: string): Literal[] {
  const found: Literal[] = [];
  const pattern = /'((?:\\.|[^'\\])*)'/g;
  for (let match = pattern.exec(soql); match; match = pattern.exec(soql)) {
    found.push({ at: match.index, end: match.index + match[0].length, value: (match[1] ?? '').replace(/\\(.)/g, '$1') });
  }
  return found;
}

/** Where the WHERE keyword starts, outside string literals; -1 when there is none. */
function whereAt(soql: string, strings: Literal[]): number {
  const pattern = /\bWHERE\b/gi;
  for (let match = pattern.exec(soql); match; match = pattern.exec(soql)) {
    const at = match.index;
    const inside = strings.some((s) => at > s.at && at < s.end);
    if (!inside) return at;
  }
  return -1;
}

export function checkSoqlLimits(soql: string): void {
  if (soql.length > LIMITS.soqlStatementChars) throw new RequestError(400, 'MALFORMED_QUERY', MESSAGES.soqlTooLong);
  const strings = literals(soql);
  const where = whereAt(soql, strings);
  if (where < 0) return;
  const long = strings.find((s) => s.at > where && s.value.length > LIMITS.soqlWhereStringChars);
  if (long) throw new RequestError(400, 'MALFORMED_QUERY', MESSAGES.soqlStringTooLong);
}
