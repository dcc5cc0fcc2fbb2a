import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { formatDate, questionPath } from '../lib/format.js';
import { useSaved, type SavedQuestion } from '../lib/saved.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

function SavedItem({ item, onRemoved }: { item: SavedQuestion; onRemoved: (title: string) => void }) {
  const saved = useSaved();
  const noteId = useId();
  const [note, setNote] = useState(item.note);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | undefined>();
  const title = item.title ?? item.questionId;
  const dirty = note !== item.note;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setMessage('');
    try {
      await action();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="saved-item card" data-question-id={item.questionId}>
      <h2 className="saved-item__title">
        {item.title ? <Link to={questionPath(item.questionId)}>{item.title}</Link> : <span>{item.questionId}</span>}
      </h2>
      {!item.title && <p className="inline-error">This question is no longer in the content. You can still remove it.</p>}
      <p className="muted">
        Saved <time dateTime={item.savedAt}>{formatDate(item.savedAt)}</time>
      </p>
      <form
        className="saved-item__note"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await saved.save(item.questionId, note.trim());
            setMessage('Note saved.');
          });
        }}
      >
        <label htmlFor={noteId}>Your note</label>
        <textarea
          id={noteId}
          className="input"
          rows={2}
          maxLength={2000}
          value={note}
          placeholder="What to practise, where you got stuck…"
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
        <div className="saved-item__actions">
          <button type="submit" className="button button--small" disabled={busy || !dirty || !item.title}>
            Save note
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            disabled={busy}
            onClick={() => {
              void run(async () => {
                await saved.remove(item.questionId);
                onRemoved(title);
              });
            }}
          >
            Remove<span className="sr-only">: {title}</span>
          </button>
          <span role="status" className="save-toggle__status">
            {message}
          </span>
        </div>
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </li>
  );
}

export function SavedPage() {
  useDocumentTitle('Saved questions');
  const saved = useSaved();
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');

  return (
    <div className="saved-page">
      <header className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          Saved questions
        </h1>
        <p className="lede">Questions you saved for practice, with your notes. They are stored on this machine.</p>
      </header>
      <p className="sr-only" role="status">
        {announcement}
      </p>
      {saved.status === 'loading' && saved.items.length === 0 && <Loading>Loading your saved questions…</Loading>}
      {saved.status === 'error' && <ErrorMessage error={saved.error ?? new Error('Unknown error')} title="Could not load your saved questions" onRetry={saved.reload} />}
      {saved.status === 'ready' && saved.items.length === 0 && (
        <div className="empty">
          <p>Nothing saved yet. Open a question in a role guide and press “Save for practice” to keep it here.</p>
          <p>
            <Link to="/">Browse the role guides</Link>
          </p>
        </div>
      )}
      {saved.items.length > 0 && (
        <ul className="saved-list" aria-label="Saved questions">
          {saved.items.map((item) => (
            <SavedItem
              key={item.questionId}
              item={item}
              onRemoved={(title) => {
                setAnnouncement(`Removed “${title}” from your saved questions.`);
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
