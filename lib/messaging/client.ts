import { browser } from '../platform/browser';
import { MessageRejectedError, Reply } from './envelope';
import { BACKGROUND_MESSAGES, type MessageType, type RequestOf, type ResponseOf } from './protocol';

/**
 * Send a typed message to the background and parse its reply. A rejection throws
 * `MessageRejectedError` with the background's code; a reply that fails its schema throws too.
 */
export async function sendToBackground<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const raw: unknown = await browser.runtime.sendMessage({ type, payload });
  const reply = Reply.safeParse(raw);
  if (!reply.success) throw new MessageRejectedError('failed', `${type}: the background sent no valid reply`);
  if (!reply.data.ok) throw new MessageRejectedError(reply.data.code, reply.data.message, reply.data.details);
  return BACKGROUND_MESSAGES[type].response.parse(reply.data.data) as ResponseOf<T>;
}
