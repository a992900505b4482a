import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme.css';

/** Mount one of Sidecar's pages (sidebar frame, side panel, options) with the shared providers. */
export function renderApp(app: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from the page');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 5_000 } } });
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>{app}</QueryClientProvider>
    </StrictMode>,
  );
}
