import type { Ref } from 'react';
import { Link } from 'react-router';
import type { SessionRecord } from '../../api.js';
import { levelLabel } from '../../lib/format.js';
import { attemptPath, practiseQuestionPath, scoreTone, signalLabel, type Signal } from '../../lib/practice.js';
import { Heading, type HeadingLevel } from '../common/Heading.js';

export function SignalBadge({ signal }: { signal: Signal | null }) {
  if (!signal) return <span className="muted">Not answered</span>;
  return <span className={`signal signal--${signal}`}>{signalLabel(signal)}</span>;
}

export function ScoreValue({ score }: { score: number | null }) {
  if (score === null) return <span className="muted">—</span>;
  return (
    <span className={`score-chip score-chip--${scoreTone(score)}`}>
      {score}
      <span className="sr-only"> out of 100</span>
    </span>
  );
}

/**
 * The end of a session: each question with its score (and, in a mock loop, the hire signal per stage at the loop's
 * level), and the overall result. A table, which becomes one card per row on a phone.
 */
export function Scorecard({ session, level, titleRef }: { session: SessionRecord; level: HeadingLevel; titleRef?: Ref<HTMLHeadingElement> }) {
  const mock = session.mode === 'mock';
  const { overall } = session.scorecard;
  const attemptOf = new Map(session.items.map((i) => [i.questionId, i]));
  return (
    <section className="scorecard" aria-labelledby="scorecard-title">
      <Heading level={level} id="scorecard-title" ref={titleRef} tabIndex={-1}>
        {mock ? 'Mock loop scorecard' : 'Session summary'}
      </Heading>
      <div className="scorecard__overall">
        <div className="scorecard__overall-score">
          <span className="scorecard__overall-label">Overall</span>
          <ScoreValue score={overall.score} />
          {mock && <SignalBadge signal={overall.signal} />}
        </div>
        <p className="scorecard__summary">{overall.summary}</p>
        {mock && <p className="muted">Signals are read against the {levelLabel(session.scorecard.level).toLowerCase()} bar; one no-hire stage holds the loop back.</p>}
      </div>
      <table className="schedule scorecard__table" role="table">
        <caption className="sr-only">{mock ? 'Score and signal per stage' : 'Score per question'}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              Stage
            </th>
            <th scope="col" role="columnheader">
              Question
            </th>
            <th scope="col" role="columnheader" className="schedule__num">
              Score
            </th>
            {mock && (
              <th scope="col" role="columnheader">
                Signal
              </th>
            )}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {session.scorecard.stages.map((s) => {
            const item = attemptOf.get(s.questionId);
            return (
              <tr key={`${s.stage}-${s.questionId}`} role="row">
                <th scope="row" role="rowheader" className="schedule__date">
                  {s.name}
                </th>
                <td role="cell" data-label="Question">
                  {item?.attemptId ? (
                    <Link to={attemptPath(item.attemptId)}>{item.title}</Link>
                  ) : (
                    <>
                      {item?.title ?? s.questionId}{' '}
                      <Link className="scorecard__practise" to={practiseQuestionPath(s.questionId)}>
                        Practise it<span className="sr-only">: {item?.title ?? s.questionId}</span>
                      </Link>
                    </>
                  )}
                </td>
                <td role="cell" data-label="Score" className="schedule__num">
                  <ScoreValue score={s.score} />
                </td>
                {mock && (
                  <td role="cell" data-label="Signal">
                    <SignalBadge signal={s.signal} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
