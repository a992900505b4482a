/**
 * Salesforce-style ids and timestamps. An id is a 3-character key prefix, 12 characters that
 * differ per record, and a 3-character suffix that encodes which of the first 15 are upper case
 * (so an 18-character id survives case-insensitive systems).
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The case-checksum suffix for a 15-character id. */
export function checksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') flags |= 1 << i;
    }
    suffix += SUFFIX.charAt(flags);
  }
  return suffix;
}

/** `prefix` + a per-org pod marker + a counter in base 62, with the checksum: always 18 characters. */
export function makeId(prefix: string, counter: number, pod = '8c'): string {
  let digits = '';
  let n = counter;
  do {
    digits = BASE62.charAt(n % 62) + digits;
    n = Math.floor(n / 62);
  } while (n > 0);
  const id15 = `${prefix}${pod}${digits.padStart(12 - pod.length, '0')}`.slice(0, 15);
  return id15 + checksum(id15);
}

/** 15 or 18 alphanumeric characters: the shape Salesforce accepts before it looks anything up. */
export function isIdFormat(value: unknown): value is string {
  return typeof value === 'string' && /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value);
}

/** The 18-character form of a 15- or 18-character id. */
export function to18(id: string): string {
  return id.length === 15 ? id + checksum(id) : id;
}

/** Two ids name the same record when their first 15 characters match exactly. */
export function sameId(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}

/** `2026-12-04T10:11:12.000+0000`, the form Salesforce writes datetimes in. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Parses `...Z`, `...+0000` and `...+00:00` datetimes; null when not a datetime. */
export function parseDateTime(value: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)(Z|[+-]\d{2}:?\d{2})$/.exec(value.trim());
  if (!match) return null;
  const zone = match[2] === 'Z' ? 'Z' : `${match[2]!.slice(0, 3)}:${match[2]!.slice(-2)}`;
  const ms = Date.parse(`${match[1]}${zone}`);
  return Number.isNaN(ms) ? null : ms;
}

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}
