import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { watchPageContext } from '../lib/background/page-contexts';
import { sendToBackground } from '../lib/messaging/client';

/**
 * What the background knows of a tab's page: the sidebar frame's own tab (`tabId` null) or the tab
 * the side panel follows. Re-reads when the content script reports a new page (SPA navigation).
 */
export function usePageContext(tabId: number | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['page-context', tabId],
    queryFn: () => sendToBackground('page.get', { tabId }),
  });
  const resolvedTab = query.data?.tabId ?? null;
  useEffect(() => {
    if (resolvedTab === null) return;
    return watchPageContext(resolvedTab, () => void queryClient.invalidateQueries({ queryKey: ['page-context', tabId] }));
  }, [resolvedTab, tabId, queryClient]);
  return query;
}
