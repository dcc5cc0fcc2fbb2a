import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, type AttemptRecord, type SessionRecord } from '../api.js';
import { Breadcrumb } from '../components/common/Breadcrumb.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { QuestionRunner } from '../components/practice/QuestionRunner.js';
import { Scorecard } from '../components/practice/Scorecard.js';
import { levelLabel, roleLabel } from '../lib/format.js';
import { modeLabel } from '../lib/practice.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

const TITLES: Record<SessionRecord['mode'], string> = { practice: 'Practice session', interview: 'Interview session', mock: 'Mock loop' };

type Item = SessionRecord['items'][number];

/** The first question after `from` still to answer (not answered, not skipped). */
function nextOpen(items: readonly Item[], from: number, skipped: ReadonlySet<string>): number {
  for (let i = from + 1; i < items.length; i++) {
    const item = items[i];
    if (item && item.attemptId === null && !skipped.has(item.questionId)) return i;
  }
  return -1;
}

function SessionQuestion({ session, index, focus, onRecorded, onNext, onSkip }: {
  session: SessionRecord;
  index: number;
  focus: boolean;
  onRecorded: (attempt: AttemptRecord) => void;
  onNext: () => void;
  onSkip: () => void;
}) {
  const item = session.items[index];
  const question = useApi(item ? `question:${item.questionId}` : null, (signal) => api.getQuestion(item?.questionId ?? '', signal));
  if (!item) return null;
  if (question.status === 'error') {
    return (
      <ErrorMessage error={question.error} title={`Could not load “${item.title}”`} onRetry={question.reload}>
        <button type="button" className="button button--small button--quiet" onClick={onSkip}>
          Skip this question
        </button>
      </ErrorMessage>
    );
  }
  if (question.status !== 'success') return <Loading>Loading the question…</Loading>;
  const last = nextOpen(session.items, index, new Set()) === -1;
  const stageText = session.mode === 'mock' ? `Stage ${String(index + 1)} of ${String(session.items.length)}` : `Question ${String(index + 1)} of ${String(session.items.length)}`;
  return (
    <QuestionRunner
      key={item.questionId}
      question={question.data}
      mode={session.mode}
      level={session.level}
      sessionId={session.id}
      titleLevel={2}
      focusOnMount={focus}
      context={
        <>
          {stageText} · {item.stageName}
        </>
      }
      onRecorded={onRecorded}
      after={() => (
        <div className="runner__next">
          <button type="button" className="button button--large" onClick={onNext}>
            {last ? (session.mode === 'mock' ? 'See the scorecard' : 'Finish the session') : session.mode === 'mock' ? 'Next stage' : 'Next question'}
          </button>
        </div>
      )}
    />
  );
}

function SessionView({ initial }: { initial: SessionRecord }) {
  const [session, setSession] = useState(initial);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(() => new Set());
  // A finished session opens on its scorecard; an active one on its first unanswered question.
  const [index, setIndex] = useState(() => (initial.status === 'finished' ? -1 : nextOpen(initial.items, -1, new Set())));
  const [focusQuestion, setFocusQuestion] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [finishError, setFinishError] = useState<Error | null>(null);
  const [summaryFocus, setSummaryFocus] = useState(false);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const showSummary = index === -1;
  const answered = session.items.filter((i) => i.attemptId !== null).length;
  const total = session.items.length;

  const finish = async () => {
    setFinishing(true);
    setFinishError(null);
    try {
      setSession(await api.finishSession(session.id));
    } catch (err) {
      setFinishError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setFinishing(false);
    }
  };

  // Reaching the end finishes the session on the server, which also returns the final scorecard.
  const finishRef = useRef(finish);
  useEffect(() => {
    finishRef.current = finish;
  });
  useEffect(() => {
    if (showSummary && session.status === 'active') void finishRef.current();
  }, [showSummary, session.status]);

  useEffect(() => {
    if (showSummary && summaryFocus) summaryRef.current?.focus();
  }, [showSummary, summaryFocus, session]);

  const goNext = (skip?: string) => {
    const nextSkipped = skip ? new Set([...skipped, skip]) : skipped;
    if (skip) setSkipped(nextSkipped);
    const next = nextOpen(session.items, index, nextSkipped);
    setFocusQuestion(true);
    setSummaryFocus(next === -1);
    setIndex(next);
  };

  const recorded = (attempt: AttemptRecord) => {
    setSession((s) => ({
      ...s,
      items: s.items.map((i) => (i.questionId === attempt.questionId ? { ...i, attemptId: attempt.id, score: attempt.score } : i)),
    }));
  };

  const current = session.items[index];
  const where = session.planId ? 'Your prep plan' : `${roleLabel(session.role ?? 'backend')} loop`;
  return (
    <div className="practice-session">
      <header className="page-header session-header">
        <Breadcrumb trail={[{ to: '/practice', label: 'Practice' }]} current={TITLES[session.mode]} />
        <h1>{TITLES[session.mode]}</h1>
        <p className="lede">
          {where}, {levelLabel(session.level)} level · {modeLabel(session.mode)} mode
          {session.planId && (
            <>
              {' '}
              · <Link to={`/plans/${encodeURIComponent(session.planId)}`}>open the plan</Link>
            </>
          )}
        </p>
        <div className="session-progress">
          <p className="session-progress__text">
            {answered} of {total} answered
          </p>
          <div className="bar session-progress__bar" aria-hidden="true">
            <span className="bar__fill" style={{ width: `${String(Math.round((answered / Math.max(1, total)) * 100))}%` }} />
          </div>
          {!showSummary && current && (
            <div className="session-progress__actions">
              {current.attemptId === null && (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => {
                    goNext(current.questionId);
                  }}
                >
                  Skip this question
                </button>
              )}
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => {
                  setSummaryFocus(true);
                  setIndex(-1);
                }}
              >
                End the session
              </button>
            </div>
          )}
        </div>
      </header>

      {showSummary ? (
        <>
          {/* The scorecard comes from the server once the session is finished: until then it would be stale. */}
          {finishing && <Loading>Finishing the session…</Loading>}
          {finishError && <ErrorMessage error={finishError} title="Could not finish the session" onRetry={() => void finish()} />}
          {session.status === 'finished' && <Scorecard session={session} level={2} titleRef={summaryRef} />}
          <div className="runner__next">
            <Link
              className="button"
              to={`/practice?${new URLSearchParams({ ...(session.planId ? { plan: session.planId } : { role: session.role ?? 'backend' }), mode: session.mode, level: session.level }).toString()}`}
            >
              Start another session
            </Link>
            <Link className="button button--quiet" to="/progress">
              See your progress
            </Link>
          </div>
        </>
      ) : (
        <SessionQuestion
          key={current?.questionId ?? index}
          session={session}
          index={index}
          focus={focusQuestion}
          onRecorded={recorded}
          onNext={() => {
            goNext();
          }}
          onSkip={() => {
            if (current) goNext(current.questionId);
          }}
        />
      )}
    </div>
  );
}

export function PracticeSessionPage() {
  const { id = '' } = useParams();
  const session = useApi(`session:${id}`, (signal) => api.getSession(id, signal));
  useDocumentTitle(session.status === 'success' ? TITLES[session.data.mode] : session.status === 'error' ? 'Session not available' : 'Practice');

  if (session.status === 'error') {
    const gone = session.error instanceof ApiError && (session.error.status === 404 || session.error.status === 400);
    return (
      <div className="page-state">
        <h1>This session is not available</h1>
        <ErrorMessage error={session.error} title="Could not load the session" onRetry={gone ? undefined : session.reload}>
          <Link to="/practice">Start a new session</Link>
        </ErrorMessage>
      </div>
    );
  }
  if (session.status !== 'success') return <Loading>Loading the session…</Loading>;
  return <SessionView key={session.data.id} initial={session.data} />;
}
