import { useId, useState, type SubmitEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { QuestionDetail } from '../../../src/shared/contracts/questions.js';
import { api } from '../api.js';
import { DifficultyBadge } from '../components/common/Badges.js';
import { Breadcrumb } from '../components/common/Breadcrumb.js';
import { SourceBadge } from '../components/common/SourceBadge.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { QuestionRunner } from '../components/practice/QuestionRunner.js';
import { duration, isLevel, levelLabel, plural, questionPath, type Level } from '../lib/format.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';
import { ModeChoice } from '../components/practice/ModeChoice.js';

type SingleMode = 'practice' | 'interview';

const MODE_TEXT: Record<SingleMode, string> = {
  practice: 'No clock; hints and the answer framework when you want them.',
  interview: `A countdown from the question’s time budget, no hints.`,
};

function Setup({ question, initialMode, initialLevel, onStart }: {
  question: QuestionDetail;
  initialMode: SingleMode;
  initialLevel: Level | '';
  onStart: (mode: SingleMode, level: Level) => void;
}) {
  const ids = { mode: useId(), level: useId() };
  const [mode, setMode] = useState<SingleMode>(initialMode);
  const fallback: Level = question.levels.includes('senior') ? 'senior' : (question.levels[0] ?? 'senior');
  const [level, setLevel] = useState<Level>(initialLevel && question.levels.includes(initialLevel) ? initialLevel : fallback);
  const attempts = useApi(`attempts:${question.id}`, (signal) => api.listAttempts({ questionId: question.id, limit: 50 }, signal));

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    onStart(mode, level);
  };

  const best = attempts.status === 'success' && attempts.data.length > 0 ? Math.max(...attempts.data.map((a) => a.score)) : null;
  return (
    <form className="plan-form practice-setup" onSubmit={submit}>
      <p className="muted practice-setup__note">
        The question is shown when you start.
        {attempts.status === 'success' &&
          (attempts.data.length === 0
            ? ' You have not answered it before.'
            : ` You have answered it ${plural(attempts.data.length, 'time')}; your best score is ${String(best)}.`)}
      </p>
      <ModeChoice name={ids.mode} modes={['practice', 'interview'] as const} value={mode} describe={MODE_TEXT} onChange={setMode} />
      <div className="plan-form__row">
        <div className="field">
          <label htmlFor={ids.level}>Level</label>
          <select
            id={ids.level}
            className="input"
            value={level}
            onChange={(e) => {
              if (isLevel(e.target.value)) setLevel(e.target.value);
            }}
          >
            {question.levels.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="plan-form__actions">
        <button type="submit" className="button button--large">
          {mode === 'interview' ? 'Start the clock' : 'Start practising'}
        </button>
      </div>
    </form>
  );
}

function SingleQuestion({ question }: { question: QuestionDetail }) {
  const [params] = useSearchParams();
  const modeParam = params.get('mode');
  const levelParam = params.get('level') ?? '';
  const [run, setRun] = useState<{ mode: SingleMode; level: Level; round: number } | null>(null);

  return (
    <div className="practice-question">
      <header className="page-header">
        <Breadcrumb
          trail={[
            { to: '/practice', label: 'Practice' },
            { to: questionPath(question.id), label: question.title },
          ]}
          current="Practise"
        />
        {!run && (
          <>
            <h1>{question.title}</h1>
            <div className="q-item__meta runner__meta">
              <SourceBadge source={question.source} />
              <DifficultyBadge difficulty={question.difficulty} />
              <span className="meta-text">Time budget: {duration(question.timeBudgetMinutes)}</span>
            </div>
          </>
        )}
      </header>
      {!run ? (
        <Setup
          question={question}
          initialMode={modeParam === 'interview' ? 'interview' : 'practice'}
          initialLevel={isLevel(levelParam) ? levelParam : ''}
          onStart={(mode, level) => {
            setRun({ mode, level, round: 1 });
          }}
        />
      ) : (
        <QuestionRunner
          key={run.round}
          question={question}
          mode={run.mode}
          level={run.level}
          titleLevel={1}
          focusOnMount
          context={run.round > 1 ? `Round ${String(run.round)}` : undefined}
          after={() => (
            <div className="runner__next">
              <button
                type="button"
                className="button button--large"
                onClick={() => {
                  setRun((r) => (r ? { ...r, round: r.round + 1 } : r));
                }}
              >
                Answer it again
              </button>
              <Link className="button button--quiet" to="/practice">
                Next question: start a session
              </Link>
              <Link className="button button--quiet" to="/progress">
                See your progress
              </Link>
            </div>
          )}
        />
      )}
    </div>
  );
}

export function PracticeQuestionPage() {
  const { role = '', slug = '' } = useParams();
  const id = `${role}/${slug}`;
  const question = useApi(`question:${id}`, (signal) => api.getQuestion(id, signal));
  useDocumentTitle(question.status === 'success' ? `Practise: ${question.data.title}` : question.status === 'error' ? 'Question not available' : 'Practice');

  if (question.status === 'error') {
    return (
      <div className="page-state">
        <h1>This question is not available</h1>
        <ErrorMessage error={question.error} title="Could not load the question" onRetry={question.reload}>
          <Link to="/practice">Start a practice session</Link>
          <Link to="/questions">Search all questions</Link>
        </ErrorMessage>
      </div>
    );
  }
  if (question.status !== 'success') return <Loading>Loading the question…</Loading>;
  return <SingleQuestion key={question.data.id} question={question.data} />;
}
