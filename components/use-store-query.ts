import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { watchStoreChanges } from '../lib/background/store-changes';

/**
 * Read store data through the background, for pages that cannot open IndexedDB themselves (the
 * in-page sidebar frame). Refreshes whenever the background announces a write.
 */
export function useStoreQuery<T>(queryKey: QueryKey, queryFn: () => Promise<T>) {
  const queryClient = useQueryClient();
  useEffect(() => watchStoreChanges(() => void queryClient.invalidateQueries({ queryKey })), [queryClient, queryKey]);
  return useQuery({ queryKey, queryFn });
}
