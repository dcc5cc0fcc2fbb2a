import { Link, useParams } from 'react-router';
import { ApiError, api, type AttemptRecord } from '../api.js';
import { Breadcrumb } from '../components/common/Breadcrumb.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { Feedback } from '../components/practice/Feedback.js';
import { ScoreValue } from '../components/practice/Scorecard.js';
import { formatDateTime, levelLabel, questionPath } from '../lib/format.js';
import { attemptPath, modeLabel, practiseQuestionPath, spokenDuration } from '../lib/practice.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

/** Every recorded answer to the same question, this one marked, so progress on one question is visible. */
function OtherAttempts({ attempt }: { attempt: AttemptRecord }) {
  const list = useApi(`attempts:${attempt.questionId}`, (signal) => api.listAttempts({ questionId: attempt.questionId, limit: 50 }, signal));
  if (list.status !== 'success' || list.data.length < 2) return null;
  return (
    <section className="guide-section" aria-labelledby="history-heading">
      <h2 id="history-heading">All your answers to this question</h2>
      <ol className="attempt-list" reversed>
        {list.data.map((a) => (
          <li key={a.id} className="attempt-row">
            <ScoreValue score={a.score} />
            {a.id === attempt.id ? (
              <span aria-current="page" className="attempt-row__current">
                <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time> (this answer)
              </span>
            ) : (
              <Link to={attemptPath(a.id)}>
                <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
              </Link>
            )}
            <span className="muted">{modeLabel(a.mode)} mode</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function AttemptView({ attempt }: { attempt: AttemptRecord }) {
  return (
    <article className="attempt-page">
      <header className="page-header">
        <Breadcrumb trail={[{ to: '/progress', label: 'Progress' }]} current={attempt.questionTitle} />
        <h1>{attempt.questionTitle}</h1>
        <p className="lede">
          Answered <time dateTime={attempt.createdAt}>{formatDateTime(attempt.createdAt)}</time> in {modeLabel(attempt.mode).toLowerCase()} mode at the{' '}
          {levelLabel(attempt.level).toLowerCase()} level
          {attempt.durationSeconds !== null && `, in ${spokenDuration(attempt.durationSeconds)}`}.
        </p>
        <p className="hero__links">
          <Link className="button" to={practiseQuestionPath(attempt.questionId)}>
            Answer it again
          </Link>
          <Link className="button button--quiet" to={questionPath(attempt.questionId)}>
            Open the question
          </Link>
        </p>
      </header>
      <Feedback attempt={attempt} level={2} title="Feedback on this answer" />
      <OtherAttempts attempt={attempt} />
    </article>
  );
}

export function AttemptPage() {
  const { id = '' } = useParams();
  const attempt = useApi(`attempt:${id}`, (signal) => api.getAttempt(id, signal));
  useDocumentTitle(attempt.status === 'success' ? `Your answer: ${attempt.data.questionTitle}` : attempt.status === 'error' ? 'Answer not available' : 'Your answer');

  if (attempt.status === 'error') {
    const gone = attempt.error instanceof ApiError && (attempt.error.status === 404 || attempt.error.status === 400);
    return (
      <div className="page-state">
        <h1>This answer is not available</h1>
        <ErrorMessage error={attempt.error} title="Could not load the answer" onRetry={gone ? undefined : attempt.reload}>
          <Link to="/progress">See your progress</Link>
        </ErrorMessage>
      </div>
    );
  }
  if (attempt.status !== 'success') return <Loading>Loading your answer…</Loading>;
  return <AttemptView key={attempt.data.id} attempt={attempt.data} />;
}
