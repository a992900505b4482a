import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sendToBackground } from '../../lib/messaging/client';
import type { SalesforceStatus } from '../../lib/messaging/protocol-salesforce';

const STATUS_KEY = ['salesforce', 'status'] as const;
const FIELDS_KEY = ['salesforce', 'fields'] as const;

/** The connection as the background knows it (the page cannot read `db.secrets`). */
export function useSalesforceStatus() {
  return useQuery({ queryKey: STATUS_KEY, queryFn: () => sendToBackground('salesforce.status', {}), refetchOnWindowFocus: true });
}

/** Fields that can hold the LinkedIn URL; asked of the org only while connected. */
export function useMappableFields(connected: boolean) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: FIELDS_KEY,
    queryFn: async () => {
      try {
        return (await sendToBackground('salesforce.fields', {})).fields;
      } catch (error) {
        // Salesforce may have just refused the grant: the status then says "connect again".
        void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
        throw error;
      }
    },
    enabled: connected,
    staleTime: 60_000,
  });
}

export interface ConnectRequest {
  loginHost: string;
  clientId: string;
  /** The browser's answer to the host-permission request, asked for synchronously in the click. */
  allowed: Promise<boolean>;
}

export function useConnect() {
  const queryClient = useQueryClient();
  return useMutation<SalesforceStatus, Error, ConnectRequest>({
    mutationFn: async ({ loginHost, clientId, allowed }) => {
      if (!(await allowed)) throw new Error('Sidecar needs your permission to reach Salesforce. Nothing was changed.');
      return sendToBackground('salesforce.connect', { loginHost, clientId });
    },
    onSuccess: (status) => {
      queryClient.setQueryData(STATUS_KEY, status);
      void queryClient.invalidateQueries({ queryKey: FIELDS_KEY });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}

export function useDisconnect() {
  const queryClient = useQueryClient();
  return useMutation<{ revoked: boolean }, Error, void>({
    mutationFn: () => sendToBackground('salesforce.disconnect', {}),
    onSettled: async () => {
      queryClient.removeQueries({ queryKey: FIELDS_KEY });
      await queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });
}
