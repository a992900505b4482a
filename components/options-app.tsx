import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../lib/db/database';
import { storeCounts } from '../lib/db/queries';
import { hasSampleData } from '../lib/db/sample-data';
import { OPTIONAL_ALL_SITES } from '../lib/platform/manifest';
import { browser } from '../lib/platform/browser';
import { captureSettings, sidebarOpenBySite } from '../lib/settings/items';
import { SalesforceSection } from './options/salesforce-section';
import { useSalesforceStatus } from './options/use-salesforce';
import { useSend } from './use-send';
import { useStoredValue } from './use-stored-value';

const CLEAR_PHRASE = 'delete everything';
const SITE_LABEL: Record<string, string> = { gmail: 'Gmail', linkedin: 'LinkedIn' };

export function OptionsApp() {
  return (
    <div className="options">
      <header className="app-header">
        <h1>Sidecar settings</h1>
      </header>
      <main className="app-body">
        <CrmSection />
        <SalesforceSection />
        <CaptureSection />
        <WebsitesSection />
        <SidebarSection />
        <DataSection />
      </main>
    </div>
  );
}

function CrmSection() {
  const status = useSalesforceStatus();
  const state = status.data?.state;
  return (
    <section className="card" aria-labelledby="crm-heading">
      <h2 id="crm-heading">CRM</h2>
      {state === 'connected' || state === 'reconnect' ? (
        <p>
          <strong>Salesforce.</strong> Sidecar keeps everything in this browser first and syncs it with your org in the
          background{state === 'reconnect' ? ', once you connect again' : ''}.
        </p>
      ) : (
        <p>
          <strong>Local mode.</strong> No CRM is connected: Sidecar is a complete CRM in this browser, and works offline.
          When you connect Salesforce, everything you captured syncs after matching what already exists there.
        </p>
      )}
    </section>
  );
}

function CaptureSection() {
  const settings = useStoredValue(captureSettings);
  const choose = (newCompany: 'lead' | 'create-account') => void captureSettings.setValue({ newCompany });
  return (
    <section className="card" aria-labelledby="capture-heading">
      <h2 id="capture-heading">Capture from LinkedIn</h2>
      <p>When the person’s company is not one of your accounts yet:</p>
      <fieldset className="choices">
        <label>
          <input type="radio" name="newCompany" checked={settings?.newCompany !== 'create-account'} onChange={() => choose('lead')} />
          {' '}Capture them as a lead, with the company name
        </label>
        <label>
          <input type="radio" name="newCompany" checked={settings?.newCompany === 'create-account'} onChange={() => choose('create-account')} />
          {' '}Create the account, and capture them as its contact
        </label>
      </fieldset>
    </section>
  );
}

function WebsitesSection() {
  const granted = useQuery({
    queryKey: ['permission', OPTIONAL_ALL_SITES],
    queryFn: () => browser.permissions.contains({ origins: [OPTIONAL_ALL_SITES] }),
  });
  const [error, setError] = useState<string | null>(null);
  const request = async () => {
    setError(null);
    try {
      await browser.permissions.request({ origins: [OPTIONAL_ALL_SITES] });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The browser refused the request.');
    }
    await granted.refetch();
  };
  const revoke = async () => {
    await browser.permissions.remove({ origins: [OPTIONAL_ALL_SITES] });
    await granted.refetch();
  };
  return (
    <section className="card" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Prospects’ websites</h2>
      <p>
        Sidecar can recognise your accounts’ own websites and show their context as you browse. That needs access to the
        sites you visit. Sidecar reads a page only to match its domain to your accounts, and sends nothing anywhere.
      </p>
      <div className="row">
        {granted.data ? (
          <>
            <span className="badge customer">Allowed on all sites</span>
            <button type="button" onClick={() => void revoke()}>Turn off</button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => void request()}>Allow on all sites…</button>
        )}
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </section>
  );
}

function SidebarSection() {
  const sites = useStoredValue(sidebarOpenBySite);
  const shortcut = useQuery({
    queryKey: ['commands'],
    queryFn: async () => (await browser.commands.getAll()).find((c) => c.name === 'toggle-sidebar')?.shortcut ?? '',
  });
  const entries = Object.entries(sites ?? {});
  return (
    <section className="card" aria-labelledby="sidebar-heading">
      <h2 id="sidebar-heading">Sidebar</h2>
      <p>
        Show or hide the sidebar with <kbd>{shortcut.data || 'no shortcut set'}</kbd>. Change it in your browser’s
        extension shortcuts page.
      </p>
      {entries.length ? (
        <>
          <p className="muted">Sidecar remembers whether you left the sidebar open on each site:</p>
          <ul className="list">
            {entries.map(([site, open]) => (
              <li key={site}>
                <span>{SITE_LABEL[site] ?? site}</span>
                <span className="muted">{open ? 'open' : 'closed'}</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void sidebarOpenBySite.setValue({})}>Forget these</button>
        </>
      ) : null}
    </section>
  );
}

function DataSection() {
  const counts = useLiveQuery(() => storeCounts(getDb()), []);
  const usage = useQuery({ queryKey: ['storage-estimate'], queryFn: () => navigator.storage.estimate() });
  const hasDemo = useLiveQuery(() => hasSampleData(getDb()), []);
  const loadDemo = useSend('demo.load');
  const removeDemo = useSend('demo.remove');
  const clear = useSend('data.clear');
  const queryClient = useQueryClient();
  const [phrase, setPhrase] = useState('');
  return (
    <section className="card" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      {counts ? (
        <dl className="stats">
          {Object.entries(counts).map(([name, n]) => (
            <div key={name}>
              <dt>{name === 'pending' ? 'waiting to sync' : name}</dt>
              <dd>{n.toLocaleString('en')}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {usage.data?.usage !== undefined ? (
        <p className="muted">Storage used: {(usage.data.usage / 1_048_576).toFixed(1)} MB</p>
      ) : null}
      <h2>Demo territory</h2>
      {hasDemo ? (
        <div className="row">
          <span className="muted">The demo territory is loaded. It stays in this browser and never syncs to a CRM.</span>
          <button type="button" disabled={removeDemo.isPending} onClick={() => removeDemo.mutate({})}>Remove demo territory</button>
        </div>
      ) : (
        <div className="row">
          <span className="muted">Sample accounts, people and deals to explore Sidecar with. They never sync to a CRM.</span>
          <button type="button" disabled={loadDemo.isPending} onClick={() => loadDemo.mutate({})}>Load demo territory</button>
        </div>
      )}
      {loadDemo.error ?? removeDemo.error ? <p className="error" role="alert">{(loadDemo.error ?? removeDemo.error)?.message}</p> : null}
      <h2>Delete all local data</h2>
      <p className="muted">Removes every account, contact, note and activity from this browser. Type “{CLEAR_PHRASE}” to confirm.</p>
      <div className="row">
        <input type="text" aria-label="Confirmation" value={phrase} onChange={(e) => setPhrase(e.target.value)} style={{ maxWidth: 220 }} />
        <button type="button" className="danger" disabled={phrase !== CLEAR_PHRASE || clear.isPending}
          onClick={() => clear.mutate({ confirm: CLEAR_PHRASE }, {
            onSuccess: () => {
              setPhrase('');
              // Deleting everything disconnects Salesforce first.
              void queryClient.invalidateQueries({ queryKey: ['salesforce'] });
            },
          })}>
          Delete everything
        </button>
      </div>
    </section>
  );
}
