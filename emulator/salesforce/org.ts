import { dataPath, requestVersion } from './api-version';
import { coerceRecord, type Fields } from './coerce';
import { RequestError, recordError, type SfError } from './errors';
import { formatDateTime, isIdFormat, makeId, sameId } from './ids';
import { LIMITS } from './limits';
import { Schema, STAGES, type FieldDef, type SObjectDef } from './schema';
import { validateWrite } from './validate';

/** One stored record: every field of its object, by canonical name. */
export type Rec = Record<string, unknown>;

export type WriteResult = { ok: true; record: Rec } | { ok: false; errors: SfError[] };

/**
 * The org's in-memory data: one table per object, an org-wide clock that makes every write's
 * SystemModstamp strictly later than the last, and the rule switches faults can flip.
 */
export class Org {
  readonly schema: Schema;
  readonly orgId: string;
  readonly userId = makeId('005', 1, '5g');
  readonly duplicateRules = new Map<string, string>();
  readonly restrictedPicklists = new Map<string, string[]>();
  private tables = new Map<string, Map<string, Rec>>();
  private counter = 1000;
  private lastStamp = 0;

  /**
   * `serial`: which org this is, so two emulators can be two different orgs. `newestVersion`: the
   * newest API version it serves, used for URLs built outside a request (the programmatic API).
   */
  constructor(readonly sharedActivities: boolean, serial = 1, readonly newestVersion: number = LIMITS.newestApiVersion) {
    this.orgId = makeId('00D', serial, '5g');
    this.schema = new Schema(sharedActivities);
    const now = this.tick();
    this.table('User').set(this.userId, {
      Id: this.userId, IsDeleted: false, CreatedDate: now, CreatedById: this.userId, LastModifiedDate: now,
      LastModifiedById: this.userId, SystemModstamp: now, Username: 'rep@sidecar-demo.example', FirstName: 'Demo',
      LastName: 'Rep', Name: 'Demo Rep', Email: 'rep@sidecar-demo.example', IsActive: true,
    });
  }

  /** Now, or 1 ms after the last write when the wall clock has not moved on. */
  tick(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return formatDateTime(this.lastStamp);
  }

  table(object: string): Map<string, Rec> {
    let table = this.tables.get(object);
    if (!table) this.tables.set(object, (table = new Map()));
    return table;
  }

  /** `/services/data/vNN.0` at the version of the request being answered. */
  dataPath(): string {
    return dataPath(requestVersion(this.newestVersion));
  }

  recordUrl(object: string, id: string): string {
    return `${this.dataPath()}/sobjects/${object}/${id}`;
  }

  /** A record by 15- or 18-character id, deleted or not. */
  get(object: string, id: string): Rec | undefined {
    if (!isIdFormat(id)) return undefined;
    const table = this.table(object);
    return table.get(id) ?? [...table.values()].find((r) => sameId(String(r.Id), id));
  }

  /** Live records whose `field` equals `value`, by the field's case rule. */
  findBy(object: string, field: FieldDef, value: unknown): Rec[] {
    const found = this.valueIndex(object, field).get(indexed(field, value));
    return found ? [...found].filter((r) => !r.IsDeleted && r[field.name] != null) : [];
  }

  /**
   * Records by a field's value (by its case rule), built on first use and kept in step with every
   * write: an upsert or a uniqueness check reads one entry, not the whole table, so an org of
   * 100,000 records answers a 200-record upsert as fast as an empty one.
   */
  private valueIndexes = new Map<string, { object: string; field: FieldDef; byValue: Map<string, Set<Rec>> }>();

  private valueIndex(object: string, field: FieldDef): Map<string, Set<Rec>> {
    const key = `${object}|${field.name}|${field.caseSensitive ? 'cs' : 'ci'}`;
    let index = this.valueIndexes.get(key);
    if (!index) {
      index = { object, field, byValue: new Map() };
      for (const record of this.table(object).values()) addTo(index.byValue, field, record);
      this.valueIndexes.set(key, index);
    }
    return index.byValue;
  }

  /** Keep the value indexes in step with a write: `before` is the record's values before it (null for a create). */
  private reindex(object: string, record: Rec, before: Rec | null): void {
    for (const index of this.valueIndexes.values()) {
      if (index.object !== object) continue;
      if (before) index.byValue.get(indexed(index.field, before[index.field.name]))?.delete(record);
      addTo(index.byValue, index.field, record);
    }
  }

  /** The picklist values a write must use, or null when the picklist is open. */
  restrictedValues(object: string, field: FieldDef): string[] | null {
    return this.restrictedPicklists.get(`${object}.${field.name}`) ?? (field.restrictedPicklist ? field.picklist ?? [] : null);
  }

  objectOrThrow(name: string): SObjectDef {
    const object = this.schema.object(name);
    if (!object) throw new RequestError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return object;
  }

  /** Validates and saves a new record. `input` is already coerced (see coerceRecord). */
  create(object: SObjectDef, input: Fields, trusted = false): WriteResult {
    if (!object.createable && !trusted) return { ok: false, errors: [recordError('INVALID_TYPE_FOR_OPERATION', `entity type ${object.name} does not support create`)] };
    const errors = validateWrite({ org: this, object, input, trusted });
    if (errors.length) return { ok: false, errors };
    const now = this.tick();
    const record: Rec = {};
    for (const field of object.fields) {
      record[field.name] = field.defaultValue ?? (field.type === 'boolean' ? false : null);
    }
    Object.assign(record, {
      OwnerId: object.fields.some((f) => f.name === 'OwnerId') ? this.userId : undefined,
      TaskSubtype: object.name === 'Task' ? 'Task' : undefined,
    }, input, {
      Id: makeId(object.keyPrefix, this.counter++), IsDeleted: false, CreatedDate: now, CreatedById: this.userId,
      LastModifiedDate: now, LastModifiedById: this.userId, SystemModstamp: now,
    });
    for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
    derive(object.name, record, input);
    this.table(object.name).set(String(record.Id), record);
    this.reindex(object.name, record, null);
    return { ok: true, record };
  }

  /** Validates and applies changes to a live record. */
  update(object: SObjectDef, id: string, input: Fields, trusted = false): WriteResult {
    const existing = this.get(object.name, id);
    if (!existing) return { ok: false, errors: [recordError(isIdFormat(id) ? 'INVALID_CROSS_REFERENCE_KEY' : 'MALFORMED_ID', isIdFormat(id) ? 'invalid cross reference id' : `malformed id ${id}`)] };
    if (existing.IsDeleted) return { ok: false, errors: [recordError('ENTITY_IS_DELETED', 'entity is deleted')] };
    const errors = validateWrite({ org: this, object, input, existing, trusted });
    if (errors.length) return { ok: false, errors };
    const now = this.tick();
    const before = { ...existing };
    Object.assign(existing, input, { LastModifiedDate: now, LastModifiedById: this.userId, SystemModstamp: now });
    derive(object.name, existing, input);
    this.reindex(object.name, existing, before);
    return { ok: true, record: existing };
  }

  /** Soft delete: the record stays for queryAll and getDeleted with IsDeleted true. */
  remove(object: SObjectDef, id: string): SfError | null {
    const existing = this.get(object.name, id);
    if (!existing) return recordError(isIdFormat(id) ? 'INVALID_CROSS_REFERENCE_KEY' : 'MALFORMED_ID', isIdFormat(id) ? 'invalid cross reference id' : `malformed id ${id}`);
    if (existing.IsDeleted) return recordError('ENTITY_IS_DELETED', 'entity is deleted');
    const now = this.tick();
    Object.assign(existing, { IsDeleted: true, LastModifiedDate: now, SystemModstamp: now });
    return null;
  }

  /** A copy of every table, to put back when an allOrNone call fails. */
  snapshot(): () => void {
    const saved = new Map([...this.tables].map(([name, table]) => [name, new Map([...table].map(([id, r]) => [id, { ...r }]))]));
    return () => {
      this.tables = saved;
      this.valueIndexes.clear(); // they point at the records replaced; built again on first use
    };
  }

  /** For the emulator's own API: coerce, then save, throwing on what the API would refuse. */
  coerce(objectName: string, body: Record<string, unknown>): { object: SObjectDef; input: Fields } {
    const object = this.objectOrThrow(objectName);
    return { object, input: coerceRecord(this.schema, object, body) };
  }
}

/** A value as a value index keys it: by the field's case rule; null and missing values are not kept. */
function indexed(field: FieldDef, value: unknown): string {
  const text = String(value);
  return field.caseSensitive ? text : text.toLowerCase();
}

function addTo(byValue: Map<string, Set<Rec>>, field: FieldDef, record: Rec): void {
  const value = record[field.name];
  if (value === null || value === undefined) return;
  const key = indexed(field, value);
  const set = byValue.get(key);
  if (set) set.add(record);
  else byValue.set(key, new Set([record]));
}

/** Fields Salesforce computes: names, the opportunity's stage consequences, task closure, note previews. */
function derive(object: string, record: Rec, input: Fields): void {
  if (object === 'Contact' || object === 'Lead') {
    record.Name = [record.FirstName, record.LastName].filter((p) => typeof p === 'string' && p !== '').join(' ');
  }
  if (object === 'Opportunity' && typeof record.StageName === 'string') {
    const [probability, category] = STAGES[record.StageName] ?? [null, 'Pipeline'];
    if ('StageName' in input && !('Probability' in input)) record.Probability = probability;
    if ('StageName' in input && !('ForecastCategoryName' in input)) record.ForecastCategoryName = category;
    record.IsClosed = record.StageName.startsWith('Closed');
    record.IsWon = record.StageName === 'Closed Won';
  }
  if (object === 'Task') record.IsClosed = record.Status === 'Completed';
  if (object === 'ContentNote' && 'Content' in input) {
    const content = typeof record.Content === 'string' ? Buffer.from(record.Content, 'base64').toString('utf8') : '';
    record.TextPreview = content.replace(/<[^>]*>/g, '').slice(0, 300);
  }
}
