import { z } from 'zod';

export const RejectionCode = z.enum([
  'malformed', // not an envelope at all
  'unknown-type', // no such message
  'sender-not-allowed', // this sender may not send this message
  'invalid-payload', // the payload failed its schema
  'invalid', // the repository refused the data
  'not-found',
  'duplicate',
  'failed', // the handler failed for another reason
]);
export type RejectionCode = z.infer<typeof RejectionCode>;

export const Rejection = z.object({
  ok: z.literal(false),
  code: RejectionCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type Rejection = z.infer<typeof Rejection>;

export const Envelope = z.object({ type: z.string().max(64), payload: z.unknown() });

export const Reply = z.union([z.object({ ok: z.literal(true), data: z.unknown() }), Rejection]);
export type Reply = z.infer<typeof Reply>;

/** What a sender sees when the background said no: the code tells the UI which state to show. */
export class MessageRejectedError extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'MessageRejectedError';
  }
}
