import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, type NewSession, type PracticeMode, type SessionSummary } from '../api.js';
import { planLabel } from '../components/plan/PlanHeader.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { LEVELS, formatDateTime, isLevel, levelLabel, plural, roleLabel, type Level } from '../lib/format.js';
import { MODES, isMode, modeLabel, practiseQuestionPath, sessionPath } from '../lib/practice.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';
import { ModeChoice } from '../components/practice/ModeChoice.js';

const MODE_TEXT: Record<PracticeMode, string> = {
  practice: 'No clock. Hints and the answer framework are there when you want them.',
  interview: 'A countdown per question from its time budget. No hints; the model answer only after you submit.',
  mock: 'One question for each stage of the loop, in order, timed, then a scorecard with a hire signal per stage.',
};

const COUNTS = [3, 5, 8, 10] as const;

function ActiveSessions({ sessions }: { sessions: readonly SessionSummary[] }) {
  const active = sessions.filter((s) => s.status === 'active' && s.answered < s.total).slice(0, 5);
  if (active.length === 0) return null;
  return (
    <section className="guide-section practice-resume" aria-labelledby="resume-heading">
      <h2 id="resume-heading">Pick up where you left off</h2>
      <ul className="resume-list">
        {active.map((s) => (
          <li key={s.id} className="resume-item">
            <div>
              <p className="resume-item__title">
                {modeLabel(s.mode)}: {s.planId ? 'your prep plan' : roleLabel(s.role ?? 'backend')}, {levelLabel(s.level)}
              </p>
              <p className="muted resume-item__meta">
                {s.answered} of {plural(s.total, 'question')} answered · started <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>
              </p>
            </div>
            <Link className="button button--quiet button--small" to={sessionPath(s.id)}>
              Continue<span className="sr-only">: {modeLabel(s.mode)} session started {formatDateTime(s.createdAt)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The choice of what to practise: a role guide's loop or a plan, the level, the mode and how many questions. */
function StartForm({ initial }: { initial: { role: string; level: Level | ''; mode: PracticeMode; plan: string; count: number } }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const ids = { role: useId(), level: useId(), levelHint: useId(), mode: useId(), count: useId(), error: useId() };
  const [role, setRole] = useState(initial.role || 'backend');
  const [level, setLevel] = useState<Level | ''>(initial.level);
  const [mode, setMode] = useState<PracticeMode>(initial.mode);
  const [count, setCount] = useState(initial.count);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const controller = useRef<AbortController | null>(null);
  const plan = initial.plan;

  const roles = useApi(plan ? null : 'roles', (signal) => api.listRoles(signal));
  const guide = useApi(plan ? null : `role:${role}`, (signal) => api.getRole(role, signal));
  const planRecord = useApi(plan ? `plan:${plan}` : null, (signal) => api.getPlan(plan, signal));

  // The level offered first: the one asked for, else the plan's, else senior when the loop has it.
  const levels: readonly Level[] = plan ? LEVELS : (guide.data?.levels ?? LEVELS);
  const fallbackLevel: Level = plan && planRecord.data ? planRecord.data.plan.level : levels.includes('senior') ? 'senior' : (levels[0] ?? 'senior');
  const chosenLevel: Level = level && levels.includes(level) ? level : fallbackLevel;

  // The address keeps the choices, so a set-up can be bookmarked or shared.
  useEffect(() => {
    const next = new URLSearchParams();
    if (plan) next.set('plan', plan);
    else next.set('role', role);
    next.set('mode', mode);
    if (level) next.set('level', level);
    if (mode !== 'mock' && count !== 5) next.set('count', String(count));
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [plan, role, mode, level, count, params, setParams]);

  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );

  const submit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const abort = new AbortController();
    controller.current = abort;
    const body: NewSession = { mode, level: chosenLevel, ...(plan ? { planId: plan } : { role }), ...(mode === 'mock' ? {} : { count }) };
    try {
      const session = await api.createSession(body, abort.signal);
      void navigate(sessionPath(session.id));
    } catch (err) {
      if (abort.signal.aborted) return;
      setBusy(false);
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const startLabel = mode === 'mock' ? 'Start the mock loop' : mode === 'interview' ? 'Start the interview' : 'Start practising';
  return (
    <form className="plan-form practice-setup" noValidate aria-busy={busy} onSubmit={(e) => void submit(e)}>
      {plan ? (
        <div className="practice-setup__plan">
          <p className="label">From your prep plan</p>
          {planRecord.status === 'success' && (
            <p>
              <Link to={`/plans/${encodeURIComponent(plan)}`}>{planLabel(planRecord.data)}</Link>: its ranked questions, stage by stage.
            </p>
          )}
          {planRecord.status === 'loading' && <Loading>Loading the plan…</Loading>}
          {planRecord.status === 'error' && <ErrorMessage error={planRecord.error} title="Could not load the plan" onRetry={planRecord.reload} />}
          <p className="field__hint">
            <Link to="/practice">Practise from a role guide instead</Link>
          </p>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={ids.role}>Role</label>
          <select
            id={ids.role}
            className="input"
            value={role}
            onChange={(e) => {
              setRole(e.target.value);
            }}
          >
            {roles.status === 'success'
              ? roles.data.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))
              : <option value={role}>{roleLabel(role)}</option>}
          </select>
          {roles.status === 'error' && <p className="inline-error">Could not load the roles: {roles.error.message}</p>}
        </div>
      )}

      <div className="plan-form__row">
        <div className="field">
          <label htmlFor={ids.level}>Level</label>
          <p id={ids.levelHint} className="field__hint">
            The verdict is calibrated to this level’s bar.
          </p>
          <select
            id={ids.level}
            className="input"
            value={chosenLevel}
            aria-describedby={ids.levelHint}
            onChange={(e) => {
              if (isLevel(e.target.value)) setLevel(e.target.value);
            }}
          >
            {levels.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l)}
              </option>
            ))}
          </select>
        </div>
        {mode !== 'mock' && (
          <div className="field">
            <label htmlFor={ids.count}>Questions</label>
            <p className="field__hint">Spread across the loop’s stages.</p>
            <select
              id={ids.count}
              className="input"
              value={count}
              onChange={(e) => {
                setCount(Number(e.target.value));
              }}
            >
              {COUNTS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <ModeChoice name={ids.mode} modes={MODES} value={mode} describe={MODE_TEXT} onChange={setMode} />

      <div role="alert" className="plan-form__alert">
        {error && (
          <div className="status status--error plan-form__error">
            <p className="status__title">Could not start the session</p>
            <p className="status__message" id={ids.error}>
              {error}
            </p>
          </div>
        )}
      </div>

      <div className="plan-form__actions">
        <button type="submit" className="button button--large" aria-disabled={busy || undefined}>
          {busy && <span className="spinner spinner--light" aria-hidden="true" />}
          {busy ? 'Picking your questions…' : startLabel}
        </button>
      </div>
    </form>
  );
}

export function PracticePage() {
  useDocumentTitle('Practice');
  const [params] = useSearchParams();
  const sessions = useApi('sessions', (signal) => api.listSessions(signal));
  const get = (key: string): string => (params.get(key) ?? '').trim();

  // ?question=role/slug is the single-question page's other address.
  const question = get('question');
  if (question) {
    const rest = new URLSearchParams(params);
    rest.delete('question');
    const qs = rest.toString();
    return <Navigate to={`${practiseQuestionPath(question)}${qs ? `?${qs}` : ''}`} replace />;
  }

  const modeParam = get('mode');
  const levelParam = get('level');
  const countParam = Number(get('count'));
  const initial = {
    role: get('role'),
    plan: get('plan'),
    mode: isMode(modeParam) ? modeParam : 'practice',
    level: isLevel(levelParam) ? levelParam : ('' as const),
    count: (COUNTS as readonly number[]).includes(countParam) ? countParam : 5,
  };

  return (
    <div className="practice-page">
      <header className="page-header">
        <h1>Practise answering</h1>
        <p className="lede">
          Answer real interview questions in writing and get feedback straight away: the key points you made and missed, mistakes
          interviewers listen for, the follow-up they would ask, and when to come back to the question.
        </p>
      </header>
      <StartForm key={initial.plan} initial={initial} />
      {sessions.status === 'success' && <ActiveSessions sessions={sessions.data} />}
      <p className="back-link">
        <Link to="/progress">See your progress</Link>
      </p>
    </div>
  );
}
