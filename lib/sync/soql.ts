import { SOQL_MAX_LENGTH, SOQL_MAX_STRING } from '../crm/salesforce/config';

/** A SOQL string literal: backslashes and quotes escaped, as SOQL requires. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function soqlList(values: readonly string[]): string {
  return `(${values.map(soqlString).join(', ')})`;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * SOQL statements `head + values.map(render).join(separator) + tail`, each with as many values as fit
 * in SOQL's 100,000 characters (less a margin for how an org counts). A value longer than SOQL allows
 * for a string in a WHERE clause (4,000 characters) is left out: no record can hold it anyway.
 */
export function packQueries(
  head: string, values: readonly string[], render: (value: string) => string, separator: string, tail: string,
  { maxLength = SOQL_MAX_LENGTH - SOQL_MARGIN, maxValues = Number.POSITIVE_INFINITY } = {},
): string[] {
  const queries: string[] = [];
  let part: string[] = [];
  let length = 0;
  for (const value of values) {
    // Room for the `%…%` a LIKE pattern adds around the value.
    if (value.length > SOQL_MAX_STRING - 2) continue;
    const fragment = render(value);
    if (head.length + tail.length + fragment.length > maxLength) continue;
    if (part.length && (part.length >= maxValues || head.length + tail.length + length + separator.length + fragment.length > maxLength)) {
      queries.push(head + part.join(separator) + tail);
      part = [];
      length = 0;
    }
    length += fragment.length + (part.length ? separator.length : 0);
    part.push(fragment);
  }
  if (part.length) queries.push(head + part.join(separator) + tail);
  return queries;
}

/** Room left under SOQL's limit, so a statement counted in other units (code points, bytes of a name) stays under. */
const SOQL_MARGIN = 2_000;
