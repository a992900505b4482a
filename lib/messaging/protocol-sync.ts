/** Messages about sync: status, "Sync now", the conflict centre and the error centre. */
export const SYNC_MESSAGES = {} as const;
