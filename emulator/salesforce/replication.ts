import type { Context } from 'hono';
import { RequestError } from './errors';
import { json } from './http';
import { formatDateTime, parseDateTime } from './ids';
import { LIMITS } from './limits';
import type { Org } from './org';
import type { SObjectDef } from './schema';

/**
 * `sobjects/{T}/deleted` (getDeleted) and `sobjects/{T}/updated` (getUpdated): the ids deleted or
 * changed in `[start, end]`, within the window each keeps (LIMITS.getDeletedDays, getUpdatedDays),
 * at most LIMITS.replicationIds of them. `latestDateCovered` is `min(end, now)` rounded down to
 * the minute, so a poller can start its next window there and miss nothing.
 */

const DAY_MS = 86_400_000;
const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

interface Window {
  start: number;
  end: number;
  now: number;
  earliest: number;
}

function window(c: Context, days: number): Window {
  const start = parseDateTime(c.req.query('start') ?? '');
  const end = parseDateTime(c.req.query('end') ?? '');
  const now = Date.now();
  const earliest = minute(now - days * DAY_MS);
  if (start === null || end === null) throw new RequestError(400, 'INVALID_REPLICATION_DATE', 'start and end must be dateTime values such as 2026-12-04T10:11:12+00:00');
  if (start >= end) throw new RequestError(400, 'INVALID_REPLICATION_DATE', 'EndDate before StartDate');
  if (start < earliest) throw new RequestError(400, 'INVALID_REPLICATION_DATE', 'startDate before org replication enabled date');
  return { start, end, now, earliest };
}

function capped<T>(ids: T[]): T[] {
  if (ids.length > LIMITS.replicationIds) {
    throw new RequestError(400, 'EXCEEDED_ID_LIMIT', `The number of IDs exceeds the limit of ${LIMITS.replicationIds}. Choose start and end dates that are closer together.`);
  }
  return ids;
}

const stamp = (record: Record<string, unknown>) => parseDateTime(String(record.SystemModstamp));

export function getDeleted(c: Context, org: Org, object: SObjectDef): Response {
  const { start, end, now, earliest } = window(c, LIMITS.getDeletedDays);
  const records = [...org.table(object.name).values()].filter((r) => {
    const at = r.IsDeleted === true ? stamp(r) : null;
    return at !== null && at >= start && at <= end;
  });
  return json(c, 200, {
    deletedRecords: capped(records.map((r) => ({ id: r.Id, deletedDate: r.SystemModstamp }))),
    earliestDateAvailable: formatDateTime(earliest),
    latestDateCovered: formatDateTime(minute(Math.min(end, now))),
  });
}

/** Records added or changed in the window, by SystemModstamp ("sObject Get Updated"); live ones only. */
export function getUpdated(c: Context, org: Org, object: SObjectDef): Response {
  const { start, end, now } = window(c, LIMITS.getUpdatedDays);
  const ids = [...org.table(object.name).values()].filter((r) => {
    const at = r.IsDeleted === true ? null : stamp(r);
    return at !== null && at >= start && at <= end;
  }).map((r) => r.Id);
  return json(c, 200, { ids: capped(ids), latestDateCovered: formatDateTime(minute(Math.min(end, now))) });
}
