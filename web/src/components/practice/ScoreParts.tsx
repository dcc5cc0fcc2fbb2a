import type { CSSProperties } from 'react';
import type { ScoreResult } from '../../api.js';
import { scoreTone } from '../../lib/practice.js';
import { Heading, type HeadingLevel } from '../common/Heading.js';
import { weightLabel } from '../question/QuestionDetail.js';
import { hitTarget, mistakeTarget } from './AnnotatedAnswer.js';

/** The score as a ring and a number, the one-line verdict, and how the score was made up. */
export function ScoreSummary({ result, compact = false }: { result: ScoreResult; compact?: boolean }) {
  const tone = scoreTone(result.score);
  const { breakdown } = result;
  return (
    <div className={`score-summary score-summary--${tone}${compact ? ' score-summary--compact' : ''}`}>
      <p className="score-ring" style={{ '--score': `${String(result.score)}%` } as CSSProperties}>
        <span className="sr-only">Score: </span>
        <span className="score-ring__value">{result.score}</span>
        <span className="score-ring__max">
          <span className="sr-only"> out of </span>
          <span aria-hidden="true">/</span>100
        </span>
      </p>
      <div className="score-summary__text">
        <p className="score-summary__verdict">{result.verdict}</p>
        {result.capped && (
          <p className="score-summary__capped">
            <span className="label">Score capped: </span>
            {result.capped}
          </p>
        )}
        <dl className="score-breakdown">
          <div>
            <dt>Key points covered</dt>
            <dd>{breakdown.rubric}%</dd>
          </div>
          <div>
            <dt>How it was said</dt>
            <dd>{breakdown.dimensions}%</dd>
          </div>
          <div>
            <dt>Mistakes penalty</dt>
            <dd>{breakdown.mistakesPenalty > 0 ? `−${String(breakdown.mistakesPenalty)}` : 'None'}</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}

/** One bar per dimension of delivery (structure, specifics, trade-offs…), each with its number in text. */
export function DimensionBars({ dimensions }: { dimensions: ScoreResult['dimensions'] }) {
  if (dimensions.length === 0) return null;
  return (
    <ul className="dim-bars">
      {dimensions.map((d) => (
        <li key={d.id} className={`dim-bar dim-bar--${scoreTone(d.score)}`}>
          <div className="dim-bar__head">
            <span className="dim-bar__label">{d.label}</span>
            <span className="dim-bar__value">
              {d.score}
              <span className="sr-only"> out of 100</span>
            </span>
          </div>
          <div className="bar" aria-hidden="true">
            <span className="bar__fill" style={{ width: `${String(Math.max(0, Math.min(100, d.score)))}%` }} />
          </div>
          <p className="dim-bar__note">{d.note}</p>
        </li>
      ))}
    </ul>
  );
}

/** Hits, misses with advice, and mistakes: the explanations the marks in the answer link to. */
export function PointLists({ result, prefix, level }: { result: ScoreResult; prefix: string; level: HeadingLevel }) {
  const { hits, misses, mistakes } = result;
  return (
    <div className="point-lists">
      <section className="detail-section">
        <Heading level={level}>
          Key points you made <span className="count">{hits.length}</span>
        </Heading>
        {hits.length === 0 ? (
          <p className="muted">None yet: the points below are what an interviewer listens for.</p>
        ) : (
          <ol className="fb-list fb-list--hits">
            {hits.map((h, i) => (
              <li key={h.id} id={hitTarget(prefix, i)} tabIndex={-1} className="fb-item fb-item--hit">
                <span className="fb-item__ref" aria-hidden="true">
                  {i + 1}
                </span>
                <div className="fb-item__body">
                  <p className="point__title">
                    <span className="sr-only">Key point {i + 1}: </span>
                    {h.point}
                  </p>
                  <p className="fb-item__meta">
                    <span className={`weight weight--${String(h.weight)}`}>{weightLabel(h.weight)}</span>
                    <span className={`tag ${h.credit >= 1 ? 'tag--yes' : 'tag--half'}`}>{h.credit >= 1 ? 'Full credit' : 'Half credit'}</span>
                    <span className="signals">
                      Heard: “{h.matched}”
                    </span>
                  </p>
                  {h.credit < 1 && <p className="fb-item__advice">Named but not argued: say why it matters here and what it costs.</p>}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="detail-section">
        <Heading level={level}>
          Points to add <span className="count">{misses.length}</span>
        </Heading>
        {misses.length === 0 ? (
          <p className="muted">Nothing missing: every key point came up.</p>
        ) : (
          <ul className="fb-list fb-list--misses">
            {misses.map((m) => (
              <li key={m.id} className="fb-item fb-item--miss">
                <div className="fb-item__body">
                  <p className="point__title">{m.point}</p>
                  <p className="fb-item__meta">
                    <span className={`weight weight--${String(m.weight)}`}>{weightLabel(m.weight)}</span>
                  </p>
                  <p className="fb-item__advice">
                    <span className="label">Try: </span>
                    {m.advice}
                  </p>
                  {m.negated && (
                    <p className="fb-item__negated">
                      <span className="label">You said the opposite: </span>“{m.negated.text}”
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {mistakes.length > 0 && (
        <section className="detail-section">
          <Heading level={level}>
            Sounds like a common mistake <span className="count">{mistakes.length}</span>
          </Heading>
          <ol className="fb-list fb-list--mistakes">
            {mistakes.map((m, i) => (
              <li key={m.id} id={mistakeTarget(prefix, i)} tabIndex={-1} className="fb-item fb-item--mistake">
                <span className="fb-item__ref" aria-hidden="true">
                  M{i + 1}
                </span>
                <div className="fb-item__body">
                  <p className="point__title">
                    <span className="sr-only">Mistake {i + 1}: </span>
                    {m.mistake}
                  </p>
                  <p>{m.why}</p>
                  <blockquote className="quote">
                    <p>“{m.quote.text}”</p>
                  </blockquote>
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
