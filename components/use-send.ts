import { useMutation } from '@tanstack/react-query';
import { sendToBackground } from '../lib/messaging/client';
import type { MessageType, RequestOf, ResponseOf } from '../lib/messaging/protocol';

/** A write, sent to the background (the one writer) as a typed message, with its pending and error state. */
export function useSend<T extends MessageType>(type: T) {
  return useMutation<ResponseOf<T>, Error, RequestOf<T>>({ mutationFn: (payload) => sendToBackground(type, payload) });
}
