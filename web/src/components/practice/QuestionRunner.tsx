import { useEffect, useId, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import type { QuestionDetail } from '../../../../src/shared/contracts/questions.js';
import { ApiError, api, type AttemptRecord, type PracticeMode } from '../../api.js';
import { duration, type Level } from '../../lib/format.js';
import { modeLabel, newIdempotencyKey, wordCount } from '../../lib/practice.js';
import { DifficultyBadge } from '../common/Badges.js';
import { SourceBadge } from '../common/SourceBadge.js';
import { Disclosure } from '../common/Disclosure.js';
import { Heading, deeper, type HeadingLevel } from '../common/Heading.js';
import { Hints } from '../question/Hints.js';
import { Countdown } from './Countdown.js';
import { Feedback } from './Feedback.js';

/** The answer being sent: kept after a failure so a retry of the same answer reuses its idempotency key. */
interface Pending {
  key: string;
  answer: string;
  durationSeconds: number;
}

const MAX_CHARS = 20_000;

/** Practice mode's aids, each revealed only when asked for. */
function PracticeAids({ question, level }: { question: QuestionDetail; level: HeadingLevel }) {
  return (
    <div className="practice-aids">
      <Hints hints={question.hints} level={level} />
      <Disclosure title="Answer framework" level={level} className="practice-aids__framework">
        <ol className="steps">
          {question.approach.map((s) => (
            <li key={s.step}>
              <p className="steps__title">{s.step}</p>
              <p>{s.detail}</p>
            </li>
          ))}
        </ol>
      </Disclosure>
    </div>
  );
}

/**
 * One question, start to finish: the prompt (with hints and the framework in practice mode, a countdown in interview
 * and mock modes), the answer form, and once the answer is recorded, the feedback and `after` (the next step).
 */
export function QuestionRunner({ question, mode, level, sessionId, context, titleLevel, focusOnMount = false, onRecorded, after }: {
  question: QuestionDetail;
  mode: PracticeMode;
  level: Level;
  sessionId?: string;
  /** A line above the title, e.g. "Question 2 of 5 · System design". */
  context?: ReactNode;
  titleLevel: HeadingLevel;
  focusOnMount?: boolean;
  onRecorded?: (attempt: AttemptRecord) => void;
  /** Rendered under the feedback: next question, try again… */
  after?: (attempt: AttemptRecord) => ReactNode;
}) {
  const ids = { title: useId(), text: useId(), hint: useId(), error: useId() };
  const timed = mode !== 'practice';
  const [startedAt] = useState(() => Date.now());
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState<AttemptRecord | null>(null);
  const [stoppedAt, setStoppedAt] = useState<number | null>(null);
  const pending = useRef<Pending | null>(null);
  const controller = useRef<AbortController | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const feedbackRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusOnMount) titleRef.current?.focus();
  }, [focusOnMount]);

  useEffect(() => {
    if (!attempt) return;
    feedbackRef.current?.focus({ preventScroll: true });
    feedbackRef.current?.scrollIntoView({ block: 'start' });
  }, [attempt]);

  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );

  // Closing or reloading the tab with an unsent answer asks first.
  useEffect(() => {
    if (attempt || !answer.trim()) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
    };
  }, [answer, attempt]);

  const fail = (message: string) => {
    setError(message);
    textRef.current?.focus();
  };

  const submit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    if (!answer.trim()) {
      fail('Write your answer first: the way you would say it in the interview, in full sentences.');
      return;
    }
    if (answer.length > MAX_CHARS) {
      fail(`The answer is ${String(answer.length)} characters long; the most that can be scored is ${String(MAX_CHARS)}.`);
      return;
    }
    // A new answer gets a new key; sending the same answer again after a failure reuses it, so it is recorded once.
    if (pending.current?.answer !== answer) {
      pending.current = { key: newIdempotencyKey(), answer, durationSeconds: Math.max(0, Math.round((Date.now() - startedAt) / 1000)) };
    }
    const send = pending.current;
    setBusy(true);
    setError(undefined);
    const abort = new AbortController();
    controller.current = abort;
    try {
      const record = await api.createAttempt(
        { questionId: question.id, answer: send.answer, mode, level, sessionId, durationSeconds: send.durationSeconds },
        send.key,
        abort.signal,
      );
      pending.current = null;
      setStoppedAt(startedAt + send.durationSeconds * 1000);
      setAttempt(record);
      onRecorded?.(record);
    } catch (err) {
      if (abort.signal.aborted) return;
      // A conflict means the key is spent: the next press sends the answer under a new one.
      if (err instanceof ApiError && err.status === 409) pending.current = null;
      const message = err instanceof Error ? err.message : String(err);
      fail(`${message} Your answer is still here: press “Submit answer” to try again.`);
    } finally {
      if (!abort.signal.aborted) setBusy(false);
    }
  };

  const sub = deeper(titleLevel);
  const words = wordCount(answer);
  return (
    <article className="runner" aria-labelledby={ids.title}>
      <header className="runner__header">
        {context && <p className="runner__context">{context}</p>}
        <Heading level={titleLevel} id={ids.title} ref={titleRef} tabIndex={-1} className="runner__title">
          {question.title}
        </Heading>
        <div className="q-item__meta runner__meta">
          <SourceBadge source={question.source} />
          <DifficultyBadge difficulty={question.difficulty} />
          <span className="meta-text">Time budget: {duration(question.timeBudgetMinutes)}</span>
          <span className={`tag tag--mode tag--mode-${mode}`}>{modeLabel(mode)} mode</span>
        </div>
      </header>

      {timed && <Countdown budgetSeconds={question.timeBudgetMinutes * 60} startedAt={startedAt} stoppedAt={stoppedAt} />}

      <section className="detail-section runner__prompt">
        <Heading level={sub}>The question</Heading>
        <blockquote className="prompt">
          <p>{question.prompt}</p>
        </blockquote>
        {timed && !attempt && (
          <p className="muted runner__rules">
            {mode === 'mock' ? 'Mock loop' : 'Interview mode'}: no hints and no framework, as in the room. The clock is a guide: you can still
            submit after it runs out. The model answer comes after you submit.
          </p>
        )}
      </section>

      {mode === 'practice' && !attempt && <PracticeAids question={question} level={sub} />}

      {!attempt ? (
        <form className="answer-form" noValidate aria-busy={busy} onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor={ids.text}>Your answer</label>
            <p id={ids.hint} className="field__hint">
              Write it the way you would say it: lead with your approach, give your reasons and the trade-offs, and use full sentences.
            </p>
            <textarea
              id={ids.text}
              ref={textRef}
              className="input answer-form__text"
              rows={12}
              value={answer}
              aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                setAnswer(e.target.value);
                if (error) setError(undefined);
              }}
            />
            <p className={`field__hint answer-form__count${answer.length > MAX_CHARS ? ' answer-form__count--over' : ''}`}>
              {words} {words === 1 ? 'word' : 'words'}
              {answer.length > MAX_CHARS * 0.9 && ` · ${String(answer.length)} of ${String(MAX_CHARS)} characters`}
            </p>
          </div>
          <div role="alert" className="answer-form__alert">
            {error && (
              <div className="status status--error answer-form__error">
                <p className="status__title">Your answer was not recorded</p>
                <p className="status__message" id={ids.error}>
                  {error}
                </p>
              </div>
            )}
          </div>
          <div className="answer-form__actions">
            <button type="submit" className="button button--large" aria-disabled={busy || undefined}>
              {busy && <span className="spinner spinner--light" aria-hidden="true" />}
              {busy ? 'Scoring your answer…' : 'Submit answer'}
            </button>
            <p role="status" className="answer-form__status">
              {busy ? 'Scoring your answer against the key points…' : ''}
            </p>
          </div>
        </form>
      ) : (
        <>
          <Feedback attempt={attempt} level={sub} titleRef={feedbackRef} />
          {after?.(attempt)}
        </>
      )}
    </article>
  );
}
