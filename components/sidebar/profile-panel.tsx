import { useCallback, useState } from 'react';
import { sendToBackground } from '../../lib/messaging/client';
import { fullName, UNDO_WINDOW_MS, type Account, type BuyingRole, type LinkedInPerson } from '../../lib/model';
import { BUYING_ROLE_LABEL, timeAgo } from '../format';
import { NotesPanel } from '../notes/notes-panel';
import { SalesforceLink } from '../sync/salesforce-link';
import { useSyncStatus } from '../sync/use-sync-status';
import { UndoBar } from '../undo-bar';
import { useSend } from '../use-send';
import { useStoreQuery } from '../use-store-query';

/** The sidebar on a LinkedIn profile: the contact card for a known person, or one-click Capture. */
export function ProfilePanel({ person }: { person: LinkedInPerson }) {
  const view = useStoreQuery(['profile.view', person], () => sendToBackground('profile.view', { person }));
  const capture = useSend('profile.capture');
  const update = useSend('profile.update');
  const undo = useSend('capture.undo');
  const [undoable, setUndoable] = useState<{ contactId: string; createdAccountId: string | null } | null>(null);
  const [candidates, setCandidates] = useState<Account[] | null>(null);
  const endUndo = useCallback(() => setUndoable(null), []);
  const instanceUrl = useSyncStatus().data?.instanceUrl;

  const doCapture = (accountId?: string) =>
    capture.mutate({ person, accountId }, {
      onSuccess: (result) => {
        if ('ambiguous' in result) return setCandidates(result.ambiguous);
        setCandidates(null);
        if (result.createdContact) setUndoable({ contactId: result.contactId, createdAccountId: result.createdAccountId });
      },
    });

  const data = view.data;
  const contact = data?.contact ?? null;
  return (
    <>
      <div className="person">
        <span className="name">{person.fullName ?? 'Name not shown'}</span>
        {person.title || person.company ? <span>{[person.title, person.company].filter(Boolean).join(' · ')}</span> : null}
        {person.location ? <span className="muted">{person.location}</span> : null}
      </div>
      {view.isPending ? <p className="muted" role="status">Looking this person up…</p> : null}
      {view.isError ? <p className="error" role="alert">Sidecar could not look this person up: {view.error.message}</p> : null}
      {data && !contact ? (
        <section aria-label="Capture">
          <p className="muted">Not in Sidecar yet.</p>
          <button type="button" className="primary" disabled={capture.isPending} onClick={() => doCapture()}>
            {capture.isPending ? 'Capturing…' : 'Capture'}
          </button>
          {candidates ? (
            <div className="banner" role="group" aria-label="Which account?">
              <p>Several accounts match {person.company}. Which one is meant?</p>
              {candidates.map((a) => (
                <button key={a.id} type="button" onClick={() => doCapture(a.id)}>{a.name} ({a.domains[0] ?? 'no domain'})</button>
              ))}
            </div>
          ) : null}
        </section>
      ) : null}
      {capture.error ? <p className="error" role="alert">Capture failed: {capture.error.message}</p> : null}
      {contact && data ? (
        <section aria-label="Contact">
          <div className="row">
            <strong>{fullName(contact)}</strong>
            {contact.kind === 'lead' ? <span className="badge lead">Lead</span> : null}
            {contact.buyingRole ? <span className="badge role">{BUYING_ROLE_LABEL[contact.buyingRole]}</span> : null}
          </div>
          <RolePicker contactId={contact.id} role={contact.buyingRole} overridden={contact.buyingRoleOverridden} />
          <div className="secondary-line">{[contact.title, data.account?.name ?? contact.company].filter(Boolean).join(' · ')}</div>
          <SalesforceLink instanceUrl={instanceUrl} id={contact.remote.salesforce?.id} />
          <div className="secondary-line">
            {data.lastActivity ? `Last activity: ${data.lastActivity.subject}, ${timeAgo(data.lastActivity.occurredAt)}` : 'No activity yet'}
          </div>
          {data.jobChange ? (
            <p className="banner" role="note">Job change: {data.jobChange.from} → {data.jobChange.to}. Updating moves them; {data.jobChange.from} keeps the history.</p>
          ) : null}
          {data.changes.length || data.jobChange ? (
            <div>
              <p>LinkedIn shows something new:</p>
              <ul className="changes" aria-label="Changes on LinkedIn">
                {data.changes.map((c) => <li key={c.field}>{c.label}: {c.from ?? '—'} → {c.to ?? '—'}</li>)}
                {data.jobChange ? <li>Company: {data.jobChange.from} → {data.jobChange.to}</li> : null}
              </ul>
              <button type="button" disabled={update.isPending} onClick={() => update.mutate({ contactId: contact.id, person })}>Update from LinkedIn</button>
            </div>
          ) : null}
          <NotesPanel parent={{ contactId: contact.id }} notes={data.notes} label="Notes" />
        </section>
      ) : null}
      {undoable ? (
        <UndoBar message="Captured." ms={UNDO_WINDOW_MS} onDone={endUndo}
          onUndo={() => undo.mutate({ contactId: undoable.contactId, createdAccountId: undoable.createdAccountId }, { onSuccess: endUndo })} />
      ) : null}
    </>
  );
}

/** The rep's own call on the buying role: it sticks through every later update from LinkedIn. */
function RolePicker({ contactId, role, overridden }: { contactId: string; role: BuyingRole | null; overridden: boolean }) {
  const save = useSend('contact.save');
  return (
    <label className="secondary-line">
      Buying role{overridden ? ' (set by you)' : ' (suggested from the title)'}:{' '}
      <select
        aria-label="Buying role" value={role ?? ''} disabled={save.isPending}
        onChange={(e) => save.mutate({ id: contactId, fields: { buyingRole: (e.target.value || null) as BuyingRole | null, buyingRoleOverridden: true } })}
      >
        <option value="">Not set</option>
        {Object.entries(BUYING_ROLE_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
    </label>
  );
}
