import type { z } from 'zod';
import type { SenderKind } from './senders';

export interface MessageSpec<Req extends z.ZodType, Res extends z.ZodType> {
  senders: readonly SenderKind[];
  /** True when the handler writes the store: pages that read through the background then refresh. */
  writes?: boolean;
  request: Req;
  response: Res;
}

export function message<Req extends z.ZodType, Res extends z.ZodType>(spec: MessageSpec<Req, Res>) {
  return spec;
}

export const CONTENT_SCRIPTS = ['gmail-content', 'linkedin-content', 'website-content'] as const;
export const PAGES = ['extension-page'] as const;
