import { useEffect, useRef, useState } from 'react';
import { Heading, type HeadingLevel } from '../common/Heading.js';

/** Hints go from gentle to specific, so they are revealed one at a time. */
export function Hints({ hints, level }: { hints: readonly string[]; level: HeadingLevel }) {
  const [shown, setShown] = useState(0);
  const latest = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (shown > 0) latest.current?.focus();
  }, [shown]);

  return (
    <section className="detail-section">
      <Heading level={level}>Hints</Heading>
      <p className="muted">
        {hints.length === 1 ? 'One hint' : `${String(hints.length)} hints`}, from a gentle nudge to a specific pointer. Reveal them one
        at a time when you are stuck.
      </p>
      {shown > 0 && (
        <ol className="hints">
          {hints.slice(0, shown).map((hint, i) => (
            <li key={hint} ref={i === shown - 1 ? latest : undefined} tabIndex={-1}>
              {hint}
            </li>
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setShown((n) => n + 1);
          }}
        >
          {shown === 0 ? 'Show a hint' : 'Show the next hint'} ({shown + 1} of {hints.length})
        </button>
      )}
    </section>
  );
}
