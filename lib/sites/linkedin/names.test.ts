import { describe, expect, it } from 'vitest';
import { splitFullName } from './names';

describe('splitFullName (the documented last-word rule)', () => {
  it.each([
    ['Ada Example', 'Ada', 'Example'],
    ['Sri Lalitha Jeevanige', 'Sri Lalitha', 'Jeevanige'],
    ['Eduardo Alvarez Nowak', 'Eduardo Alvarez', 'Nowak'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['Maria de la Cruz', 'Maria', 'de la Cruz'],
    ['Julian (Beisenkötter) Amelung', 'Julian', 'Amelung'],
    ['Jane Doe, PhD', 'Jane', 'Doe'],
    ['  Jane   Doe  ', 'Jane', 'Doe'],
  ])('%s → %s / %s', (full, first, last) => {
    expect(splitFullName(full)).toEqual({ firstName: first, lastName: last });
  });

  it('a single word is a last name only (Salesforce requires LastName)', () => {
    expect(splitFullName('Madonna')).toEqual({ firstName: null, lastName: 'Madonna' });
  });

  it('nothing gives nothing', () => {
    expect(splitFullName(null)).toEqual({ firstName: null, lastName: null });
    expect(splitFullName('(   )')).toEqual({ firstName: null, lastName: null });
  });
});
