import { useState } from 'react';
import { Link } from 'react-router';
import { useSaved } from '../../lib/saved.js';

/** "Save for practice": a toggle button (aria-pressed) backed by PUT/DELETE /api/saved/:id. */
export function SaveToggle({ id }: { id: string }) {
  const saved = useSaved();
  const isSaved = saved.isSaved(id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState('');

  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (isSaved) {
        await saved.remove(id);
        setMessage('Removed from your saved questions.');
      } else {
        await saved.save(id);
        setMessage('Saved for practice.');
      }
    } catch (err) {
      setMessage('');
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="save-toggle">
      <button
        type="button"
        className="button button--toggle"
        aria-pressed={isSaved}
        disabled={busy || saved.status === 'loading'}
        onClick={() => {
          void toggle();
        }}
      >
        <svg className="save-toggle__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6 3h12a1 1 0 0 1 1 1v17l-7-4.5L5 21V4a1 1 0 0 1 1-1z" />
        </svg>
        Save for practice
      </button>
      <span className="save-toggle__status" role="status">
        {message}
        {isSaved && message && (
          <>
            {' '}
            <Link to="/saved">View saved</Link>
          </>
        )}
      </span>
      {error && (
        <p className="inline-error" role="alert">
          Could not update your saved questions: {error}
        </p>
      )}
    </div>
  );
}
