import Markdown from 'react-markdown';

/** Light markdown only: paragraphs, bold, italics, lists, links. Raw HTML is dropped, never rendered. */
const ALLOWED = ['p', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'br'];

export default function MarkdownNote({ body }: { body: string }) {
  return (
    <div className="note-body">
      <Markdown
        allowedElements={ALLOWED}
        unwrapDisallowed
        skipHtml
        components={{ a: ({ href, children }) => <a href={href} target="_blank" rel="noopener noreferrer">{children}</a> }}
      >
        {body}
      </Markdown>
    </div>
  );
}
