import { describe, expect, it } from 'vitest';
import type { Describe } from '../crm/salesforce/schemas';
import { checkAgainstDescribe } from './validate';

const describeOpportunity: Describe = {
  name: 'Opportunity',
  fields: [
    { name: 'Name', label: 'Name', type: 'string', nillable: false, createable: true, updateable: true, defaultedOnCreate: false, picklistValues: [] },
    { name: 'IsPrivate', type: 'boolean', nillable: false, createable: true, updateable: true, defaultedOnCreate: true, picklistValues: [] },
    { name: 'OwnerId', type: 'reference', nillable: false, createable: true, updateable: true, defaultedOnCreate: true, picklistValues: [] },
    {
      name: 'StageName', label: 'Stage', type: 'picklist', nillable: false, createable: true, updateable: true, defaultedOnCreate: false, restrictedPicklist: true,
      picklistValues: [{ value: 'Prospecting', active: true }, { value: 'Closed Won', active: true }, { value: 'Old', active: false }],
    },
  ],
};

describe('checkAgainstDescribe', () => {
  it('flags a required field missing on create, and a stage the restricted picklist does not hold', () => {
    const problems = checkAgainstDescribe(describeOpportunity, { Name: null, StageName: 'Demo booked' }, true);
    expect(problems.map((p) => [p.field, p.errorCode])).toEqual([
      ['Name', 'REQUIRED_FIELD_MISSING'], ['StageName', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'],
    ]);
    expect(problems[1]!.message).toContain('Prospecting');
  });

  it('refuses an inactive picklist value, and on update only checks the fields sent', () => {
    expect(checkAgainstDescribe(describeOpportunity, { StageName: 'Old' }, false).map((p) => p.field)).toEqual(['StageName']);
    expect(checkAgainstDescribe(describeOpportunity, { StageName: 'Closed Won' }, false)).toEqual([]);
  });

  it('passes a complete record; defaulted and boolean fields are never required', () => {
    expect(checkAgainstDescribe(describeOpportunity, { Name: 'Renewal', StageName: 'Prospecting' }, true)).toEqual([]);
  });
});
