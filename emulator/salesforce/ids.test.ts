import { describe, expect, it } from 'vitest';
import { checksum, formatDateTime, makeId, parseDateTime, to18 } from './ids';

describe('ids', () => {
  it('computes the case checksum Salesforce appends', () => {
    // Documented example pair: 001A0000006Vm9r ↔ 001A0000006Vm9rIAC.
    expect(checksum('001A0000006Vm9r')).toBe('IAC');
    expect(to18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
  });

  it('makes distinct 18-character ids with the key prefix and a valid checksum', () => {
    const a = makeId('003', 1000);
    const b = makeId('003', 1001);
    expect(a).toMatch(/^003[a-zA-Z0-9]{15}$/);
    expect(a).not.toBe(b);
    expect(to18(a.slice(0, 15))).toBe(a);
  });

  it('reads Z, +0000 and +00:00 datetimes and writes +0000', () => {
    const ms = Date.UTC(2026, 11, 4, 10, 11, 12);
    for (const text of ['2026-12-04T10:11:12.000Z', '2026-12-04T10:11:12.000+0000', '2026-12-04T11:11:12+01:00']) expect(parseDateTime(text)).toBe(ms);
    expect(formatDateTime(ms)).toBe('2026-12-04T10:11:12.000+0000');
    expect(parseDateTime('yesterday')).toBeNull();
  });
});
