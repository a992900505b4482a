import { useEffect } from 'react';
import { sendToBackground } from '../lib/messaging/client';
import type { PageContext } from '../lib/model';
import { DemoOffer } from './demo-offer';
import { CompanyPanel } from './sidebar/company-panel';
import { ProfilePanel } from './sidebar/profile-panel';
import { CannotReadPage, NothingRecognised } from './page-state';
import { SyncStatusLine } from './sync/sync-status-line';
import { useSyncStatus } from './sync/use-sync-status';
import { usePageContext } from './use-page-context';
import { useSend } from './use-send';
import { useStoreQuery } from './use-store-query';

const SUMMARY_KEY = ['store.summary'];

function PageView({ context }: { context: PageContext | null }) {
  if (!context || (context.kind === 'unknown' && context.reason === 'loading')) {
    return <p className="muted" role="status">Reading this page…</p>;
  }
  if (context.kind === 'linkedin-profile') return <ProfilePanel key={context.person.profileUrl} person={context.person} />;
  if (context.kind === 'linkedin-company') return <CompanyPanel key={context.company.linkedinUrl} company={context.company} />;
  return <NothingRecognised context={context} />;
}

/**
 * The in-page sidebar: Sidecar's page in an iframe beside Gmail or LinkedIn. Chromium gives an
 * extension frame inside a third-party page no IndexedDB, so it reads through the background.
 */
export function SidebarApp() {
  const page = usePageContext(null);
  const close = useSend('sidebar.set-open');
  const counts = useStoreQuery(SUMMARY_KEY, () => sendToBackground('store.summary', {})).data;
  const sync = useSyncStatus().data;
  // Escape closes the sidebar from anywhere inside it, like the shortcut.
  const closeSidebar = close.mutate;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeSidebar({ open: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closeSidebar]);
  return (
    <>
      <header className="app-header">
        <h1>Sidecar</h1>
        <span className="spacer" />
        <button type="button" aria-label="Close Sidecar" title="Close (Alt+Shift+S)" onClick={() => close.mutate({ open: false })}>
          ✕
        </button>
      </header>
      <main className="app-body">
        {page.isPending ? <p className="muted" role="status">Reading this page…</p> : null}
        {page.isError ? <CannotReadPage reason="the background did not answer" /> : null}
        {page.data ? <PageView context={page.data.context} /> : null}
        <DemoOffer accounts={counts?.accounts} />
        {counts ? (
          <p className="muted">
            In Sidecar: {counts.accounts} accounts · {counts.contacts} people · {counts.activities} activities
          </p>
        ) : null}
        <SyncStatusLine status={sync} />
      </main>
    </>
  );
}
