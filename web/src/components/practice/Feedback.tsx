import { useId, type Ref } from 'react';
import type { AttemptRecord } from '../../api.js';
import { api } from '../../api.js';
import { formatDateTime } from '../../lib/format.js';
import { relativeTime } from '../../lib/practice.js';
import { useApi } from '../../lib/useApi.js';
import { useDisclosure } from '../../lib/useDisclosure.js';
import { Heading, deeper, type HeadingLevel } from '../common/Heading.js';
import { Markdown } from '../common/Markdown.js';
import { AnnotatedAnswer } from './AnnotatedAnswer.js';
import { FollowUpAnswer } from './FollowUpAnswer.js';
import { DimensionBars, PointLists, ScoreSummary } from './ScoreParts.js';

const RATING_TEXT: Record<NonNullable<AttemptRecord['review']>['rating'], string> = {
  again: 'This one comes back soon: the answer is not there yet.',
  hard: 'It comes back fairly soon, to make the weak points stick.',
  good: 'A solid answer: it comes back once you are likely to start forgetting it.',
  easy: 'A strong answer: it comes back after a longer gap.',
};

function DueText({ due }: { due: string }) {
  return (
    <>
      <time dateTime={due}>{formatDateTime(due)}</time> <span className="muted">({relativeTime(due)})</span>
    </>
  );
}

/**
 * When the question comes back for review. A new attempt carries its schedule; an attempt read back later does not,
 * so the question's current due date is looked up in the review queue.
 */
function NextReview({ attempt }: { attempt: AttemptRecord }) {
  const lookup = useApi(attempt.review ? null : 'reviews:due', (signal) => api.dueReviews(signal));
  if (attempt.review) {
    return (
      <>
        <p className="next-review__when">
          <span className="label">Next review: </span>
          <DueText due={attempt.review.due} />
        </p>
        <p className="muted">{RATING_TEXT[attempt.review.rating]}</p>
      </>
    );
  }
  if (lookup.status === 'loading') return <p className="muted">Looking up the next review…</p>;
  if (lookup.status !== 'success') return <p className="muted">The next review date could not be loaded.</p>;
  const due = lookup.data.items.find((i) => i.questionId === attempt.questionId);
  const upcoming = lookup.data.upcoming.find((i) => i.questionId === attempt.questionId);
  if (due) {
    return (
      <p className="next-review__when">
        <span className="label">Due for review now</span> <span className="muted">(since <DueText due={due.due} />)</span>
      </p>
    );
  }
  if (upcoming) {
    return (
      <p className="next-review__when">
        <span className="label">Next review: </span>
        <DueText due={upcoming.due} />
      </p>
    );
  }
  return <p className="muted">The next review is further out than the reviews coming up soon.</p>;
}

function ModelAnswerReveal({ markdown, level }: { markdown: string; level: HeadingLevel }) {
  const { open, buttonProps, panelProps } = useDisclosure();
  return (
    <section className="detail-section model-answer">
      <Heading level={level}>Model answer</Heading>
      {!open && <p className="muted">Compare it with yours: the structure, the trade-offs it names, and what it leaves out.</p>}
      <button {...buttonProps} className="button">
        {open ? 'Hide the model answer' : 'Show the model answer'}
      </button>
      <div {...panelProps} className="model-answer__body">
        {markdown ? <Markdown source={markdown} headingBase={deeper(level)} /> : <p className="muted">This question has no model answer any more.</p>}
      </div>
    </section>
  );
}

/**
 * The feedback on one recorded attempt: score and verdict, the delivery dimensions, the answer with its key points and
 * mistakes marked, the lists explaining them, the interviewer's follow-up (which can be answered), the next review and
 * the model answer. Used right after an answer and on /attempts/:id. `level` is the level of its section headings.
 */
export function Feedback({ attempt, level, titleRef, title = 'Your feedback' }: {
  attempt: AttemptRecord;
  level: HeadingLevel;
  titleRef?: Ref<HTMLHeadingElement>;
  title?: string;
}) {
  const prefix = `fb${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const { result } = attempt;
  const sub = deeper(level);
  return (
    <section className="feedback" aria-labelledby={`${prefix}-title`}>
      <Heading level={level} id={`${prefix}-title`} ref={titleRef} tabIndex={-1} className="feedback__title">
        {title}
      </Heading>
      <ScoreSummary result={result} />

      <div className="feedback__grid">
        <div className="feedback__main">
          <AnnotatedAnswer answer={attempt.answer} result={result} prefix={prefix} />
          <PointLists result={result} prefix={prefix} level={sub} />
        </div>
        <aside className="feedback__side" aria-label="Delivery and what comes next">
          <section className="detail-section feedback__panel">
            <Heading level={sub}>How it was said</Heading>
            <DimensionBars dimensions={result.dimensions} />
          </section>
          <section className="detail-section feedback__panel next-review">
            <Heading level={sub}>Spaced review</Heading>
            <NextReview attempt={attempt} />
          </section>
        </aside>
      </div>

      <section className="detail-section follow-up">
        <Heading level={sub}>The interviewer’s follow-up</Heading>
        <blockquote className="prompt">
          <p>{result.followUp.question}</p>
        </blockquote>
        <p className="follow-up__probes">
          <span className="label">What it probes: </span>
          {result.followUp.probes}
        </p>
        <FollowUpAnswer questionId={attempt.questionId} level={attempt.level} followUp={result.followUp} headingLevel={deeper(sub)} />
      </section>

      <ModelAnswerReveal markdown={attempt.modelAnswer} level={sub} />
    </section>
  );
}
