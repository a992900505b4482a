import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sendToBackground } from '../../lib/messaging/client';
import { syncStatusItem } from '../../lib/sync/sync-status-store';
import { useSend } from '../use-send';
import { useStoreQuery } from '../use-store-query';

export const SYNC_STATUS_KEY = ['sync.status'];

/**
 * The sync status as the background computes it (connection, counts, last run). Refreshes when a
 * run ends (the status item), when the store changes, and each minute so "5 minutes ago" moves on.
 */
export function useSyncStatus() {
  const queryClient = useQueryClient();
  useEffect(() => syncStatusItem.watch(() => void queryClient.invalidateQueries({ queryKey: SYNC_STATUS_KEY })), [queryClient]);
  const query = useStoreQuery(SYNC_STATUS_KEY, () => sendToBackground('sync.status', {}));
  useEffect(() => {
    const tick = setInterval(() => void queryClient.invalidateQueries({ queryKey: SYNC_STATUS_KEY }), 60_000);
    return () => clearInterval(tick);
  }, [queryClient]);
  return query;
}

/** "Sync now": the status refreshes when it is done. */
export function useSyncNow() {
  const queryClient = useQueryClient();
  const send = useSend('sync.now');
  return {
    ...send,
    run: () => send.mutate({}, { onSettled: () => void queryClient.invalidateQueries({ queryKey: SYNC_STATUS_KEY }) }),
  };
}
