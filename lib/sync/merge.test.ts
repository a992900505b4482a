import { describe, expect, it } from 'vitest';
import { threeWayMerge } from './merge';

describe('threeWayMerge', () => {
  const base = { Title: 'CTO', Phone: '1', Email: 'a@x.se', City: null };

  it('takes a field only Salesforce changed, keeps one only Sidecar changed, and moves the base for taken fields', () => {
    const local = { ...base, Phone: '2' };
    const remote = { ...base, Title: 'CEO' };
    const merged = threeWayMerge(base, local, remote, Object.keys(base));
    expect(merged.takeRemote).toEqual(['Title']);
    expect(merged.keepLocal).toEqual(['Phone']);
    expect(merged.conflicts).toEqual([]);
    expect(merged.base).toEqual({ ...base, Title: 'CEO', Phone: '1' });
  });

  it('makes a conflict of a field both sides changed differently, and keeps its base', () => {
    const merged = threeWayMerge(base, { ...base, Title: 'VP Sales' }, { ...base, Title: 'CEO' }, ['Title']);
    expect(merged.conflicts).toEqual([{ field: 'Title', base: 'CTO', local: 'VP Sales', remote: 'CEO' }]);
    expect(merged.base.Title).toBe('CTO');
    expect(merged.takeRemote).toEqual([]);
  });

  it('agrees when both sides made the same change, and treats empty and missing as null', () => {
    const merged = threeWayMerge(base, { ...base, Title: 'CEO', City: '' }, { ...base, Title: 'CEO ' }, ['Title', 'City']);
    expect(merged.conflicts).toEqual([]);
    expect(merged.takeRemote).toEqual([]);
    expect(merged.base.Title).toBe('CEO ');
  });

  it('with no base (a record never synced) any difference is a conflict, never a clock race', () => {
    const merged = threeWayMerge({}, { Title: 'A' }, { Title: 'B' }, ['Title']);
    expect(merged.conflicts.map((c) => c.field)).toEqual(['Title']);
  });
});
