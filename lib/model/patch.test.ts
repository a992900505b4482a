import { describe, expect, it } from 'vitest';
import { Account } from './account';
import { patchSchema } from './patch';

describe('patchSchema', () => {
  const AccountPatch = patchSchema(Account.omit({ id: true, createdAt: true, updatedAt: true, remote: true }));

  it('keeps only the keys the sender set: no defaults filled in', () => {
    expect(AccountPatch.parse({ industry: 'Software' })).toEqual({ industry: 'Software' });
    expect(AccountPatch.parse({})).toEqual({});
  });

  it('still validates the keys it has', () => {
    expect(AccountPatch.safeParse({ type: 'friend' }).success).toBe(false);
    expect(AccountPatch.safeParse({ website: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('refuses keys the record does not have', () => {
    expect(AccountPatch.safeParse({ industry: 'x', isAdmin: true }).success).toBe(false);
  });
});
