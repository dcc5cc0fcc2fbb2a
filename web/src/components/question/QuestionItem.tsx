import { useState } from 'react';
import { Link } from 'react-router';
import type { QuestionSummary } from '../../../../src/shared/contracts/questions.js';
import { api } from '../../api.js';
import { duration, questionPath } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useDisclosure } from '../../lib/useDisclosure.js';
import { DifficultyBadge, LevelBadges } from '../common/Badges.js';
import { Heading, deeper, type HeadingLevel } from '../common/Heading.js';
import { SourceBadge } from '../common/SourceBadge.js';
import { ErrorMessage, Loading } from '../common/Status.js';
import { QuestionDetail } from './QuestionDetail.js';

function QuestionDetailLoader({ id, level }: { id: string; level: HeadingLevel }) {
  const detail = useApi(`question:${id}`, (signal) => api.getQuestion(id, signal));
  if (detail.status === 'error') return <ErrorMessage error={detail.error} title="Could not load this question" onRetry={detail.reload} />;
  if (detail.status !== 'success') return <Loading>Loading the question…</Loading>;
  return <QuestionDetail question={detail.data} level={level} />;
}

/**
 * One question in a list: its title is a disclosure button (accessible name = the title) that loads the full detail
 * from GET /api/questions/:id the first time it is opened.
 */
export function QuestionItem({ question, level, stageName }: { question: QuestionSummary; level: HeadingLevel; stageName?: string | undefined }) {
  const [loaded, setLoaded] = useState(false);
  const { open, buttonProps, panelProps } = useDisclosure(() => {
    setLoaded(true);
  });

  return (
    <li className={`q-item${open ? ' is-open' : ''}`} data-question-id={question.id}>
      <Heading level={level} className="q-item__heading">
        <button {...buttonProps} className="q-item__button">
          <span className="chevron" aria-hidden="true" />
          <span>{question.title}</span>
        </button>
      </Heading>
      <div className="q-item__meta">
        <SourceBadge source={question.source} />
        <DifficultyBadge difficulty={question.difficulty} />
        <span className="meta-text">{duration(question.timeBudgetMinutes)}</span>
        {stageName && <span className="meta-text">{stageName}</span>}
        <LevelBadges levels={question.levels} />
        <Link className="q-item__link" to={questionPath(question.id)}>
          Open page<span className="sr-only">: {question.title}</span>
        </Link>
      </div>
      <div {...panelProps} className="q-item__panel">
        {loaded && <QuestionDetailLoader id={question.id} level={deeper(level)} />}
      </div>
    </li>
  );
}

export function QuestionList({ questions, level, label, stageName }: {
  questions: readonly QuestionSummary[];
  level: HeadingLevel;
  label: string;
  stageName?: (stageId: string) => string | undefined;
}) {
  return (
    <ul className="q-list" aria-label={label}>
      {questions.map((q) => (
        <QuestionItem key={q.id} question={q} level={level} stageName={stageName?.(q.stage)} />
      ))}
    </ul>
  );
}
