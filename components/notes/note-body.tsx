import { lazy, Suspense } from 'react';

/**
 * A note's text. The markdown renderer (~120 kB) loads only when a note is on screen, so the
 * sidebar frame opens without it; until then the note shows as plain text, never as HTML.
 */
const MarkdownNote = lazy(() => import('./markdown-note'));

export function NoteBody({ body }: { body: string }) {
  return (
    <Suspense fallback={<div className="note-body plain">{body}</div>}>
      <MarkdownNote body={body} />
    </Suspense>
  );
}
