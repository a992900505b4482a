import { describe, expect, it } from 'vitest';
import type { Describe, DescribeField } from '../schemas';
import { mappableFields } from './mappable-fields';

const field = (name: string, type: string, extra: Partial<DescribeField> = {}): DescribeField => ({
  name, label: name.replace(/__c$/, '').replace(/_/g, ' '), type, nillable: true, createable: true, updateable: true,
  defaultedOnCreate: false, picklistValues: [], ...extra,
});
const describeOf = (name: string, fields: DescribeField[]): Describe => ({ name, fields });

describe('mappableFields', () => {
  it('offers url fields and custom text fields that both Contact and Lead have, urls first', () => {
    const shared = [
      field('LinkedIn_URL__c', 'url'), field('Profile_Handle__c', 'string'), field('Title', 'string'),
      field('Sidecar_Id__c', 'string', { externalId: true }), field('Legacy__c', 'string', { updateable: false }),
    ];
    const contact = describeOf('Contact', [...shared, field('Contact_Only__c', 'url')]);
    const lead = describeOf('Lead', [...shared, field('Lead_Only__c', 'url')]);
    expect(mappableFields(contact, lead).map((f) => f.name)).toEqual(['LinkedIn_URL__c', 'Profile_Handle__c']);
  });

  it('skips a field whose type differs between the two objects', () => {
    const contact = describeOf('Contact', [field('Social__c', 'url')]);
    const lead = describeOf('Lead', [field('Social__c', 'string')]);
    expect(mappableFields(contact, lead)).toEqual([]);
  });
});
