import { useEffect, useId, useRef, useState } from 'react';
import { clock, spokenDuration } from '../../lib/practice.js';

/** The current time, ticking while `running`. */
export function useNow(running: boolean, everyMs = 500): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const t = setInterval(() => {
      setNow(Date.now());
    }, everyMs);
    return () => {
      clearInterval(t);
    };
  }, [running, everyMs]);
  return now;
}

/** Moments worth saying out loud: the screen-reader announcement is polite and happens once each. */
const MARKS = [300, 60, 0] as const;

/**
 * The interview clock: counts down the question's time budget, then counts the time over. The visible clock is a
 * role="timer" (not announced every second); reaching five minutes, one minute and zero is announced once each.
 * Running out does not block submitting: interviewers let you finish your sentence.
 */
export function Countdown({ budgetSeconds, startedAt, stoppedAt }: {
  budgetSeconds: number;
  /** Date.now() when the question was shown. */
  startedAt: number;
  /** Date.now() when the answer was sent: the clock stops there. */
  stoppedAt: number | null;
}) {
  const labelId = useId();
  const stopped = stoppedAt !== null;
  // Only the clock re-renders every tick, not the form around it.
  const now = useNow(!stopped);
  const elapsedSeconds = Math.max(0, Math.floor(((stoppedAt ?? now) - startedAt) / 1000));
  const remaining = budgetSeconds - elapsedSeconds;
  const over = remaining < 0;
  const [announcement, setAnnouncement] = useState('');
  const said = useRef(new Set<number>());

  useEffect(() => {
    if (stopped) {
      setAnnouncement('');
      return;
    }
    for (const mark of MARKS) {
      // Only marks that fall inside the budget (a 4-minute question has no five-minute warning).
      if (mark >= budgetSeconds || said.current.has(mark) || remaining > mark) continue;
      said.current.add(mark);
      setAnnouncement(mark === 0 ? 'Time is up. Finish your point and submit.' : `${spokenDuration(mark)} left.`);
    }
  }, [remaining, budgetSeconds, stopped]);

  const used = Math.min(1, Math.max(0, elapsedSeconds / Math.max(1, budgetSeconds)));
  const state = over ? 'over' : remaining <= 60 ? 'low' : 'ok';
  return (
    <div className={`countdown countdown--${state}${stopped ? ' countdown--stopped' : ''}`}>
      <svg className="countdown__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="13" r="8" />
        <path d="M12 9v4l2.5 2.5M9.5 2.5h5" />
      </svg>
      <div className="countdown__text">
        <span id={labelId} className="countdown__label">
          {stopped ? 'Answered in' : over ? 'Over time' : 'Time left'}
        </span>
        <span role="timer" aria-labelledby={labelId} className="countdown__clock">
          {stopped ? clock(elapsedSeconds) : over ? `+${clock(-remaining)}` : clock(remaining)}
        </span>
      </div>
      <div className="countdown__bar" aria-hidden="true">
        <span style={{ width: `${String(Math.round(used * 100))}%` }} />
      </div>
      <span className="countdown__budget">of {spokenDuration(budgetSeconds)}</span>
      <p className="sr-only" role="status">
        {announcement}
      </p>
    </div>
  );
}
