import { Link } from 'react-router';
import type { QuestionDetail as Question } from '../../../../src/shared/contracts/questions.js';
import { duration } from '../../lib/format.js';
import { practiseQuestionPath } from '../../lib/practice.js';
import { SkillBadges } from '../common/Badges.js';
import { Heading, type HeadingLevel } from '../common/Heading.js';
import { Hints } from './Hints.js';
import { ModelAnswer } from './ModelAnswer.js';
import { SaveToggle } from './SaveToggle.js';

const WEIGHT_LABELS = ['', 'Nice to have', 'Helpful', 'Expected', 'Important', 'Essential'] as const;
export const weightLabel = (weight: number): string => WEIGHT_LABELS[weight] ?? `Weight ${String(weight)}`;

const quoted = (phrases: readonly string[]): string => phrases.map((p) => `“${p}”`).join(', ');

/** Everything about one question, its model answer behind a button. `level` is the heading level of its sections. */
export function QuestionDetail({ question, level }: { question: Question; level: HeadingLevel }) {
  return (
    <div className="question-detail">
      <div className="question-detail__bar">
        <p className="time-budget">
          <span className="label">Time budget:</span> {duration(question.timeBudgetMinutes)}
        </p>
        <div className="question-detail__actions">
          <Link className="button" to={practiseQuestionPath(question.id)}>
            Practise this question<span className="sr-only">: {question.title}</span>
          </Link>
          <SaveToggle id={question.id} />
        </div>
      </div>

      <section className="detail-section">
        <Heading level={level}>The question</Heading>
        <blockquote className="prompt">
          <p>{question.prompt}</p>
        </blockquote>
      </section>

      <section className="detail-section">
        <Heading level={level}>Why interviewers ask it</Heading>
        <p>{question.whyAsked}</p>
      </section>

      <section className="detail-section">
        <Heading level={level}>How to approach this</Heading>
        <ol className="steps">
          {question.approach.map((s) => (
            <li key={s.step}>
              <p className="steps__title">{s.step}</p>
              <p>{s.detail}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="detail-section">
        <Heading level={level}>What a strong answer shows</Heading>
        <ul className="points">
          {question.rubric.map((r) => (
            <li key={r.id} className="point">
              <span className={`weight weight--${String(r.weight)}`}>{weightLabel(r.weight)}</span>
              <p>{r.point}</p>
              <p className="signals">
                <span className="label">Listen for:</span> {quoted(r.signals)}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section className="detail-section">
        <Heading level={level}>Common mistakes</Heading>
        <ul className="points points--mistakes">
          {question.mistakes.map((m) => (
            <li key={m.id} className="point">
              <p className="point__title">{m.mistake}</p>
              <p>{m.why}</p>
              <p>
                <span className="label">How to recognise it:</span> {m.recognise}
              </p>
              <p className="signals">
                <span className="label">Sounds like:</span> {quoted(m.signals)}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section className="detail-section">
        <Heading level={level}>Likely follow-ups</Heading>
        <ol className="followups">
          {question.followUps.map((f) => (
            <li key={f.question}>
              <p className="point__title">{f.question}</p>
              <p>
                <span className="label">What it tests:</span> {f.probes}
              </p>
              <details className="inline-details">
                <summary>The gist of a strong reply</summary>
                <p>{f.strongAnswer}</p>
              </details>
            </li>
          ))}
        </ol>
      </section>

      <Hints hints={question.hints} level={level} />

      <section className="detail-section">
        <Heading level={level}>Skills</Heading>
        <SkillBadges skills={question.skills} />
      </section>

      <ModelAnswer id={question.id} level={level} />
    </div>
  );
}
