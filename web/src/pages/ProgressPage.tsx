import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type DueReviews, type Progress } from '../api.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { ScoreValue } from '../components/practice/Scorecard.js';
import { MasteryChart, ReadinessChart, TrendChart } from '../components/progress/Charts.js';
import { formatDateTime, humanize, plural, questionPath, roleLabel } from '../lib/format.js';
import { attemptPath, practiseQuestionPath, relativeTime } from '../lib/practice.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

function RoleChooser({ role, onChange }: { role: string; onChange: (role: string) => void }) {
  const id = useId();
  const roles = useApi('roles', (signal) => api.listRoles(signal));
  return (
    <div className="field progress-role">
      <label htmlFor={id}>Readiness for the loop of</label>
      <select
        id={id}
        className="input"
        value={role}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        {roles.status === 'success' ? (
          roles.data.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))
        ) : (
          <option value={role}>{roleLabel(role)}</option>
        )}
      </select>
    </div>
  );
}

function DueSection({ progress }: { progress: Progress }) {
  const reviews = useApi('reviews:due', (signal) => api.dueReviews(signal));
  // The review queue has each question's last score and what comes up next; the progress summary is the fallback.
  const due: { questionId: string; title: string; due: string; overdueDays: number; lastScore?: number }[] =
    reviews.status === 'success' ? reviews.data.items : progress.due;
  const upcoming: DueReviews['upcoming'] = reviews.status === 'success' ? reviews.data.upcoming : [];
  return (
    <section className="guide-section progress-section" aria-labelledby="due-heading">
      <h2 id="due-heading">
        Due for review <span className="count">{plural(due.length, 'question')}</span>
      </h2>
      <p className="section-intro">Questions come back on a spaced schedule: just before you are likely to forget them, sooner when the last answer was weak.</p>
      {due.length === 0 ? (
        <p className="muted">Nothing is due right now.</p>
      ) : (
        <ul className="progress-list">
          {due.map((d) => (
            <li key={d.questionId} className="progress-row">
              <div className="progress-row__main">
                <Link to={questionPath(d.questionId)} className="progress-row__title">
                  {d.title}
                </Link>
                <p className="muted progress-row__meta">
                  {d.overdueDays > 0 ? `Overdue by ${plural(d.overdueDays, 'day')}` : `Due ${relativeTime(d.due)}`}
                  {d.lastScore !== undefined && ` · last score ${String(d.lastScore)}`}
                </p>
              </div>
              <Link className="button button--small" to={practiseQuestionPath(d.questionId)}>
                Practise<span className="sr-only">: {d.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {upcoming.length > 0 && (
        <details className="inline-details">
          <summary>Coming up next ({upcoming.length})</summary>
          <ul className="plain-list">
            {upcoming.map((u) => (
              <li key={u.questionId}>
                <Link to={questionPath(u.questionId)}>{u.title}</Link>{' '}
                <span className="muted">
                  <time dateTime={u.due}>{relativeTime(u.due)}</time>
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Dashboard({ progress }: { progress: Progress }) {
  const latest = progress.trend.at(-1);
  // Recurring mistakes name their question by id: the titles come from the lists that carry them.
  const titles = new Map([...progress.recent, ...progress.due].map((q) => [q.questionId, q.title]));
  const titleOf = (id: string): string => titles.get(id) ?? humanize(id.split('/').at(-1) ?? id);
  return (
    <>
      <dl className="plan-facts progress-facts" aria-label="Totals">
        <div className="plan-fact">
          <dt>Answers</dt>
          <dd>{progress.attempts}</dd>
        </div>
        <div className="plan-fact">
          <dt>Questions practised</dt>
          <dd>{progress.questionsPractised}</dd>
        </div>
        <div className="plan-fact">
          <dt>Latest day’s average</dt>
          <dd>{latest ? latest.average : '—'}</dd>
        </div>
        <div className="plan-fact">
          <dt>Due for review</dt>
          <dd>{progress.due.length}</dd>
        </div>
      </dl>

      <div className="progress-grid">
        <section className="guide-section progress-section progress-section--wide" aria-labelledby="trend-heading">
          <h2 id="trend-heading">Score trend</h2>
          <TrendChart trend={progress.trend} />
        </section>

        <section className="guide-section progress-section progress-section--wide" aria-labelledby="readiness-heading">
          <h2 id="readiness-heading">Readiness per stage</h2>
          <p className="section-intro">
            How ready each stage of the {roleLabel(progress.role)} loop looks: your latest scores there, allowing for forgetting, and whether you
            have practised enough of its questions (three make a stage covered).
          </p>
          <ReadinessChart readiness={progress.readiness} />
          <ol className="readiness-list">
            {progress.readiness.map((r) => (
              <li key={r.stage} className="readiness-item">
                <p className="readiness-item__head">
                  <span className="label">{r.name}</span> <ScoreValue score={r.readiness} />
                </p>
                <p className="muted readiness-item__note">
                  {r.practised} of {plural(r.available, 'question')} practised. {r.note}
                </p>
              </li>
            ))}
          </ol>
        </section>

        <section className="guide-section progress-section progress-section--wide" aria-labelledby="mastery-heading">
          <h2 id="mastery-heading">Mastery per skill</h2>
          <MasteryChart mastery={progress.mastery} />
        </section>

        <section className="guide-section progress-section" aria-labelledby="weak-heading">
          <h2 id="weak-heading">Weak skills</h2>
          {progress.weakSkills.length === 0 ? (
            <p className="muted">No skill is below 60 right now.</p>
          ) : (
            <ul className="progress-list">
              {progress.weakSkills.map((s) => (
                <li key={s.skill} className="progress-row">
                  <div className="progress-row__main">
                    <Link to={`/questions?skill=${encodeURIComponent(s.skill)}`} className="progress-row__title">
                      {humanize(s.skill)}
                    </Link>
                    <p className="muted progress-row__meta">Questions that practise it</p>
                  </div>
                  <ScoreValue score={s.mastery} />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="guide-section progress-section" aria-labelledby="mistakes-heading">
          <h2 id="mistakes-heading">Recurring mistakes</h2>
          {progress.recurringMistakes.length === 0 ? (
            <p className="muted">No mistake has come up in more than one answer.</p>
          ) : (
            <ul className="progress-list">
              {progress.recurringMistakes.map((m) => (
                <li key={`${m.questionId}#${m.id}`} className="progress-row">
                  <div className="progress-row__main">
                    <p className="progress-row__title">{m.mistake}</p>
                    <p className="muted progress-row__meta">
                      {plural(m.times, 'time')} in <Link to={questionPath(m.questionId)}>{titleOf(m.questionId)}</Link>
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <DueSection progress={progress} />

        <section className="guide-section progress-section" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent answers</h2>
          <ul className="progress-list" aria-label="Recent answers">
            {progress.recent.map((a) => (
              <li key={a.attemptId} className="progress-row">
                <div className="progress-row__main">
                  <Link to={attemptPath(a.attemptId)} className="progress-row__title">
                    {a.title}
                  </Link>
                  <p className="muted progress-row__meta">
                    <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
                  </p>
                </div>
                <ScoreValue score={a.score} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

export function ProgressPage() {
  useDocumentTitle('Progress');
  const [params, setParams] = useSearchParams();
  const role = (params.get('role') ?? '').trim();
  const plan = (params.get('plan') ?? '').trim();
  const progress = useApi(`progress:${role}:${plan}`, (signal) =>
    api.getProgress({ role: role || undefined, planId: plan || undefined }, signal),
  );
  const data = progress.data ?? progress.previous;

  return (
    <div className="progress-page">
      <header className="page-header progress-header">
        <div>
          <h1>Your progress</h1>
          <p className="lede">Every answer you record feeds this page: how your scores move, which skills hold up, and which stages of the loop still need work.</p>
        </div>
        {data && data.attempts > 0 && (
          <RoleChooser
            role={data.role}
            onChange={(r) => {
              setParams({ role: r }, { replace: true });
            }}
          />
        )}
      </header>
      {progress.status === 'error' && <ErrorMessage error={progress.error} title="Could not load your progress" onRetry={progress.reload} />}
      {!data && progress.status === 'loading' && <Loading>Loading your progress…</Loading>}
      {data &&
        (data.attempts === 0 ? (
          <div className="empty">
            <p>No answers yet. Answer a few questions and your score trend, skills and readiness per stage show up here.</p>
            <p>
              <Link className="button" to="/practice">
                Start practising
              </Link>
            </p>
          </div>
        ) : (
          <div className={progress.status === 'loading' ? 'results is-stale' : undefined}>
            <Dashboard progress={data} />
          </div>
        ))}
    </div>
  );
}
