import { z } from 'zod';
import { RepositoryError } from '../db/errors';
import { Envelope, type Rejection, type Reply } from './envelope';
import { BACKGROUND_MESSAGES, type MessageType, type ParsedRequestOf, type ResponseOf } from './protocol';
import { classifySender, type MessageSenderLike, type SenderKind } from './senders';

export interface HandlerContext {
  sender: MessageSenderLike;
  senderKind: SenderKind;
}

export type Handlers = {
  [T in MessageType]: (request: ParsedRequestOf<T>, context: HandlerContext) => Promise<ResponseOf<T>>;
};

const reject = (code: Rejection['code'], message: string, details?: unknown): Rejection => ({ ok: false, code, message, details });

function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(BACKGROUND_MESSAGES, type);
}

/** Paths and issue codes only, never the values: payloads carry names and emails. */
function describeIssues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
}

/**
 * The background's one entry point for runtime messages. Every message is parsed on arrival: an
 * unknown type, a disallowed sender or a malformed payload gets a typed rejection and reaches no
 * handler, so it changes nothing.
 */
export function createRouter(handlers: Handlers, extensionId: string, afterWrite: () => Promise<void> = async () => {}) {
  return async function route(raw: unknown, sender: MessageSenderLike): Promise<Reply> {
    const envelope = Envelope.safeParse(raw);
    if (!envelope.success) return reject('malformed', 'not a Sidecar message');
    const { type, payload } = envelope.data;
    if (!isMessageType(type)) return reject('unknown-type', `unknown message type: ${type}`);
    const spec = BACKGROUND_MESSAGES[type];
    const senderKind = classifySender(sender, extensionId);
    if (!senderKind || !(spec.senders as readonly SenderKind[]).includes(senderKind)) {
      return reject('sender-not-allowed', `${type} is not accepted from ${senderKind ?? 'an unknown sender'}`);
    }
    const request = spec.request.safeParse(payload);
    if (!request.success) return reject('invalid-payload', `${type}: payload does not match`, describeIssues(request.error));
    try {
      const handler = handlers[type] as (req: unknown, ctx: HandlerContext) => Promise<unknown>;
      const data = spec.response.parse(await handler(request.data, { sender, senderKind }));
      if ('writes' in spec && spec.writes) await afterWrite();
      return { ok: true, data };
    } catch (error) {
      if (error instanceof RepositoryError) return reject(error.code, error.message, error.details);
      return reject('failed', error instanceof Error ? `${type} failed: ${error.name}` : `${type} failed`);
    }
  };
}
