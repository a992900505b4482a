import type { RemoteFields } from '../crm/salesforce/mapping';

type Value = RemoteFields[string] | undefined;

/** Empty strings and missing values are the same as null; strings compare trimmed. */
function same(a: Value, b: Value): boolean {
  const norm = (v: Value) => (v === undefined || v === '' ? null : typeof v === 'string' ? v.trim() : v);
  return norm(a) === norm(b);
}

export interface FieldConflict {
  field: string;
  base: Value;
  local: Value;
  remote: Value;
}

export interface MergeResult {
  /** Fields Salesforce changed and Sidecar did not: the local record takes them. */
  takeRemote: string[];
  /** Fields Sidecar changed and Salesforce did not: they stay, and the next push sends them. */
  keepLocal: string[];
  /** Fields both sides changed to different values: the rep picks. */
  conflicts: FieldConflict[];
  /** The new last-synced values: agreed or taken fields move on; local-only and conflicting ones keep their base. */
  base: RemoteFields;
}

/**
 * Three-way merge per field against the last-synced value. It never compares clocks: a side
 * "changed" a field when its value differs from the base, and that is all it looks at.
 */
export function threeWayMerge(base: RemoteFields, local: RemoteFields, remote: RemoteFields, fields: readonly string[]): MergeResult {
  const result: MergeResult = { takeRemote: [], keepLocal: [], conflicts: [], base: { ...base } };
  for (const field of fields) {
    const b = base[field];
    const l = local[field];
    const r = remote[field];
    if (same(l, r)) {
      result.base[field] = r ?? null;
    } else if (same(l, b)) {
      result.takeRemote.push(field);
      result.base[field] = r ?? null;
    } else if (same(r, b)) {
      result.keepLocal.push(field);
    } else {
      result.conflicts.push({ field, base: b, local: l, remote: r });
    }
  }
  return result;
}
