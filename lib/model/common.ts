import { z } from 'zod';

// Extension pages forbid eval (MV3 CSP); zod must never try its `new Function` fast path.
z.config({ jitless: true });

/** Crockford base32 ULID: 48 bits of time then 80 random bits, so ids sort by creation time. */
export const RecordId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not a record id');
export type RecordId = z.infer<typeof RecordId>;

/** Milliseconds since the epoch, as recorded by this device. */
export const Timestamp = z.number().int().nonnegative();

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

export const CrmName = z.enum(['salesforce', 'hubspot']);
export type CrmName = z.infer<typeof CrmName>;

/** JSON-safe values, for the last-synced copy of a field. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

/**
 * How one record is linked to one CRM. `base` keeps the value each synced field had when it was
 * last synced, so a later merge can tell which side changed it (three-way, no clock comparison).
 */
export const RemoteLink = z.object({
  id: z.string().min(1).nullable(),
  syncedAt: Timestamp.nullable(),
  base: z.record(z.string(), JsonValue),
});
export type RemoteLink = z.infer<typeof RemoteLink>;

/** Fields every stored record carries. */
export const RecordBase = z.object({
  id: RecordId,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** Fields every record that syncs to a CRM carries. */
export const SyncedRecordBase = RecordBase.extend({
  remote: z.partialRecord(CrmName, RemoteLink).default({}),
  /** Sample data (the demo territory): lives in this browser only and never syncs to a CRM. */
  sample: z.boolean().default(false),
});

export const Location = z.object({
  /** The place as a page showed it ("Greater Stockholm Metropolitan Area"), when it is not split. */
  label: z.string().max(300).nullable().default(null),
  city: z.string().nullable().default(null),
  region: z.string().nullable().default(null),
  country: z.string().nullable().default(null),
  postalCode: z.string().nullable().default(null),
});
export type Location = z.infer<typeof Location>;

/** An http(s) address. Plain `z.url()` would also take `javascript:` URLs, which must never become links. */
export const WebUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

/** Text a person typed or a page showed: trimmed, bounded, never empty. */
export const Text = (max: number) => z.string().trim().min(1).max(max);
