import type { Condition, WhereClause } from '@jetstreamapp/soql-parser-js';
import { RequestError } from './errors';
import { isIdFormat, parseDateTime, sameId } from './ids';
import type { FieldDef } from './schema';

/**
 * WHERE evaluation. The parser hands back a right-leaning chain with parenthesis counts on the
 * conditions, not a tree; this file turns that chain into tokens and parses them again with
 * NOT > AND > OR precedence.
 */

type Token = { kind: '(' | ')' | 'AND' | 'OR' | 'NOT' } | { kind: 'cond'; cond: Condition };
export type Predicate = (row: (field: string) => unknown) => boolean;
/** Resolves a name in the query to its field (throws INVALID_FIELD for an unknown one). */
export type FieldLookup = (name: string) => FieldDef;

function tokens(where: WhereClause | undefined, out: Token[] = []): Token[] {
  if (!where) return out;
  if (where.left) {
    const cond = where.left as Condition & { openParen?: number; closeParen?: number };
    for (let i = 0; i < (cond.openParen ?? 0); i++) out.push({ kind: '(' });
    // Before a NOT the parser leaves a placeholder that holds only the parentheses opened there.
    if (Object.keys(cond).some((key) => key !== 'openParen' && key !== 'closeParen')) out.push({ kind: 'cond', cond });
    for (let i = 0; i < (cond.closeParen ?? 0); i++) out.push({ kind: ')' });
  }
  if ('operator' in where && where.operator) out.push({ kind: where.operator });
  if ('right' in where && where.right) tokens(where.right, out);
  return out;
}

const malformed = (message: string) => new RequestError(400, 'MALFORMED_QUERY', message);

/** Literal → comparable value for this field's type; null for NULL. */
function literal(field: FieldDef, type: string, raw: string): unknown {
  if (type === 'NULL') return null;
  const isTime = field.type === 'datetime' || field.type === 'date';
  if (type === 'STRING') {
    if (isTime || field.type === 'boolean' || ['int', 'double', 'currency'].includes(field.type)) {
      throw new RequestError(400, 'INVALID_FIELD', `value of filter criterion for field '${field.name}' must be of type ${field.type === 'datetime' ? 'dateTime' : field.type} and should not be enclosed in quotes`);
    }
    return raw.slice(1, -1).replace(/\\(.)/g, (_m, ch: string) => ({ n: '\n', t: '\t', r: '\r' })[ch] ?? ch);
  }
  if (type === 'BOOLEAN') return raw.toUpperCase() === 'TRUE';
  if (type === 'INTEGER' || type === 'DECIMAL') return Number(raw);
  if (type === 'DATETIME') {
    const ms = parseDateTime(raw);
    if (ms === null) throw malformed(`line 1:0 no viable alternative at character '${raw}'`);
    return field.type === 'date' ? new Date(ms).toISOString().slice(0, 10) : ms;
  }
  if (type === 'DATE') return field.type === 'datetime' ? Date.parse(`${raw}T00:00:00Z`) : raw;
  if (type === 'DATE_LITERAL' && ['TODAY', 'YESTERDAY', 'TOMORROW'].includes(raw.toUpperCase())) {
    const day = new Date(Date.now() + { TODAY: 0, YESTERDAY: -1, TOMORROW: 1 }[raw.toUpperCase() as 'TODAY'] * 86_400_000).toISOString().slice(0, 10);
    return field.type === 'datetime' ? Date.parse(`${day}T00:00:00Z`) : day;
  }
  throw malformed(`The emulator does not support ${type} literals (${raw})`);
}

/** Stored value → comparable (datetimes as epoch ms). */
export function comparable(field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === 'datetime' && typeof value === 'string') return parseDateTime(value);
  return value;
}

/** -1/0/1 ordering of two non-null comparables; strings without regard to case, like SOQL. */
export function compare(field: FieldDef, a: unknown, b: unknown): number {
  if ((field.type === 'id' || field.type === 'reference') && typeof a === 'string' && typeof b === 'string') {
    return isIdFormat(b) && sameId(a, b) ? 0 : a < b ? -1 : 1;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  return String(a) === String(b) ? 0 : String(a) < String(b) ? -1 : 1;
}

/** Two comparables are equal by `compare` exactly when their keys are equal (null: equal to nothing). */
function equalityKey(field: FieldDef, value: unknown): string | null {
  if ((field.type === 'id' || field.type === 'reference') && typeof value === 'string') return isIdFormat(value) ? `id:${value.slice(0, 15)}` : null;
  if (typeof value === 'string') return `s:${value.toLowerCase()}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value}:${String(value)}`;
  return `s:${String(value)}`;
}

function likeRegex(pattern: string): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${body}$`, 'is');
}

function conditionPredicate(cond: Condition, lookup: FieldLookup): Predicate {
  if (!('field' in cond) || typeof cond.field !== 'string' || !('literalType' in cond)) {
    throw malformed('The emulator supports only field-to-literal conditions');
  }
  const field = lookup(cond.field);
  const types = Array.isArray(cond.literalType) ? cond.literalType : [cond.literalType];
  const raw = cond.value;
  const op = cond.operator;
  if (op === 'IN' || op === 'NOT IN') {
    const list = (Array.isArray(raw) ? raw : [raw]).map((v, i) => literal(field, String(types[i] ?? types[0]), String(v)));
    // A set of the values as `compare` equates them: a list of thousands is one look-up per row.
    const keys = new Set(list.filter((item) => item !== null).map((item) => equalityKey(field, item)).filter((k) => k !== null));
    return (row) => {
      const value = comparable(field, row(field.name));
      const key = value === null ? null : equalityKey(field, value);
      const hit = key !== null && keys.has(key);
      return op === 'IN' ? hit : !hit;
    };
  }
  const wanted = literal(field, String(types[0]), String(raw));
  if (op === 'LIKE') {
    const regex = likeRegex(String(wanted));
    return (row) => {
      const value = row(field.name);
      return typeof value === 'string' && regex.test(value);
    };
  }
  return (row) => {
    const value = comparable(field, row(field.name));
    if (wanted === null || value === null) {
      if (op === '=') return value === wanted;
      if (op === '!=') return value !== wanted;
      return false;
    }
    const order = compare(field, value, wanted);
    switch (op) {
      case '=': return order === 0;
      case '!=': return order !== 0;
      case '<': return order < 0;
      case '<=': return order <= 0;
      case '>': return order > 0;
      case '>=': return order >= 0;
      default: throw malformed(`The emulator does not support the ${op} operator`);
    }
  };
}

/** A predicate for the WHERE clause (always true without one). */
export function wherePredicate(where: WhereClause | undefined, lookup: FieldLookup): Predicate {
  const list = tokens(where);
  let at = 0;
  const peek = () => list[at];
  const orExpr = (): Predicate => {
    let left = andExpr();
    while (peek()?.kind === 'OR') {
      at++;
      const l = left, r = andExpr();
      left = (row) => l(row) || r(row);
    }
    return left;
  };
  const andExpr = (): Predicate => {
    let left = notExpr();
    while (peek()?.kind === 'AND') {
      at++;
      const l = left, r = notExpr();
      left = (row) => l(row) && r(row);
    }
    return left;
  };
  const notExpr = (): Predicate => {
    if (peek()?.kind === 'NOT') {
      at++;
      const inner = notExpr();
      return (row) => !inner(row);
    }
    return primary();
  };
  const primary = (): Predicate => {
    const token = list[at++];
    if (token?.kind === '(') {
      const inner = orExpr();
      if (list[at++]?.kind !== ')') throw malformed('unexpected token: missing )');
      return inner;
    }
    if (token?.kind === 'cond') return conditionPredicate(token.cond, lookup);
    throw malformed(`unexpected token: ${token?.kind ?? 'end of query'}`);
  };
  if (list.length === 0) return () => true;
  const predicate = orExpr();
  if (at !== list.length) throw malformed(`unexpected token: ${list[at]?.kind ?? ''}`);
  return predicate;
}
