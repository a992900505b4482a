import type { RemoteFields } from '../crm/salesforce/mapping';
import type { Describe } from '../crm/salesforce/schemas';

/**
 * A field Salesforce would refuse, found before the push: a field the org does not have (a field
 * mapping that names a missing field), a missing required value or a picklist value the org does not allow.
 */
export interface FieldProblem {
  field: string;
  errorCode: 'INVALID_FIELD' | 'REQUIRED_FIELD_MISSING' | 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST';
  message: string;
}

/**
 * Check a payload against the object's describe. `creating`: the record does not exist in
 * Salesforce yet, so every required field must be there.
 */
export function checkAgainstDescribe(describe: Describe, payload: RemoteFields, creating: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(describe.fields.map((f) => f.name));
  for (const name of Object.keys(payload)) {
    if (!known.has(name)) problems.push({ field: name, errorCode: 'INVALID_FIELD', message: `The org has no field ${name}: check Settings → Salesforce → Field mapping` });
  }
  for (const field of describe.fields) {
    const has = Object.hasOwn(payload, field.name);
    const value = payload[field.name];
    const required = field.createable && !field.nillable && !field.defaultedOnCreate && field.type !== 'boolean';
    if (required && (creating ? value === null || value === undefined || value === '' : has && (value === null || value === ''))) {
      problems.push({ field: field.name, errorCode: 'REQUIRED_FIELD_MISSING', message: `Salesforce requires ${field.label ?? field.name}` });
    }
    if (field.restrictedPicklist && has && typeof value === 'string' && value !== '') {
      const allowed = field.picklistValues.filter((p) => p.active).map((p) => p.value);
      if (!allowed.includes(value)) {
        problems.push({
          field: field.name, errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          message: `${field.label ?? field.name} must be one of the org's values (${allowed.slice(0, 12).join(', ')}${allowed.length > 12 ? ', …' : ''})`,
        });
      }
    }
  }
  return problems;
}
