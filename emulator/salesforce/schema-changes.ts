import type { FieldDef, FieldType } from './schema';

/** A custom field as an admin adds it in Setup: the programmatic API's and `/__emulator`'s shape. */
export interface NewField {
  /** API name; custom fields end in `__c`. */
  name: string;
  label?: string;
  /** Default 'string' (Text). */
  type?: FieldType;
  /** Text length; default 255 for text types. */
  length?: number;
  externalId?: boolean;
  unique?: boolean;
  caseSensitive?: boolean;
  picklist?: string[];
  required?: boolean;
}

const TEXT: ReadonlySet<FieldType> = new Set(['string', 'email', 'phone', 'url', 'textarea', 'picklist']);

export function newField(field: NewField): FieldDef {
  if (!/^[A-Za-z][A-Za-z0-9_]*__c$/.test(field.name) || field.name.includes('___')) {
    throw new Error(`A custom field's API name ends in __c and holds letters, digits and single underscores: ${field.name}`);
  }
  const type = field.type ?? 'string';
  return {
    name: field.name,
    label: field.label ?? field.name.replace(/__c$/, '').replace(/_/g, ' '),
    type,
    ...(TEXT.has(type) ? { length: field.length ?? 255 } : {}),
    createable: true,
    updateable: true,
    custom: true,
    ...(field.externalId ? { externalId: true } : {}),
    ...(field.unique ? { unique: true } : {}),
    ...(field.caseSensitive ? { caseSensitive: true } : {}),
    ...(field.picklist ? { picklist: field.picklist } : {}),
    ...(field.required ? { required: true } : {}),
  };
}
