import { useState } from 'react';
import type { Note } from '../../lib/model';
import { timeAgo } from '../format';
import { useSend } from '../use-send';
import { NoteBody } from './note-body';

type Parent = { contactId: string } | { accountId: string };

/** Notes on a contact or an account: pinned first, then newest first; write, edit and pin in place. */
export function NotesPanel({ parent, notes, label }: { parent: Parent; notes: Note[]; label: string }) {
  const save = useSend('note.save');
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const add = () => {
    if (!draft.trim()) return;
    save.mutate({ fields: { ...parent, body: draft } }, { onSuccess: () => setDraft('') });
  };
  return (
    <section aria-label={label} className="notes">
      <h2>{label}</h2>
      <form onSubmit={(e) => { e.preventDefault(); add(); }}>
        <textarea
          aria-label="New note" placeholder="Write a note… (**bold**, - lists, [links](https://…))" value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) add(); }}
        />
        <button type="submit" className="primary" disabled={!draft.trim() || save.isPending}>Add note</button>
      </form>
      {save.error ? <p className="error" role="alert">{save.error.message}</p> : null}
      <ul className="list" aria-label={`${label}, newest first`}>
        {notes.map((note) => (
          <li key={note.id} className="note">
            {editing?.id === note.id ? (
              <form className="note-edit" onSubmit={(e) => {
                e.preventDefault();
                save.mutate({ id: note.id, fields: { body: editing.body } }, { onSuccess: () => setEditing(null) });
              }}>
                <textarea aria-label="Edit note" value={editing.body} onChange={(e) => setEditing({ id: note.id, body: e.target.value })} />
                <div className="row">
                  <button type="submit" className="primary" disabled={!editing.body.trim()}>Save</button>
                  <button type="button" onClick={() => setEditing(null)}>Cancel</button>
                </div>
              </form>
            ) : (
              <div>
                {note.pinned ? <span className="badge role">Pinned</span> : null}
                <NoteBody body={note.body} />
                <div className="row secondary-line">
                  <span>{timeAgo(note.updatedAt)}</span>
                  <button type="button" onClick={() => setEditing({ id: note.id, body: note.body })}>Edit</button>
                  <button type="button" aria-pressed={note.pinned} onClick={() => save.mutate({ id: note.id, fields: { pinned: !note.pinned } })}>
                    {note.pinned ? 'Unpin' : 'Pin'}
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
