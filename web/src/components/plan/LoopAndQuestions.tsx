import { Link } from 'react-router';
import { duration, isDifficulty, plural, questionPath } from '../../lib/format.js';
import { isOrgQuestionId } from '../../lib/orgContent.js';
import { DifficultyBadge } from '../common/Badges.js';
import { SourceBadge } from '../common/SourceBadge.js';
import { stageAnchor, type PlanQuestion, type PlanStage } from './types.js';

export function PlanLoopSection({ stages }: { stages: readonly PlanStage[] }) {
  const minutes = stages.reduce((sum, s) => sum + s.durationMinutes, 0);
  return (
    <section id="loop" className="guide-section" aria-labelledby="loop-heading">
      <h2 id="loop-heading">The loop to expect</h2>
      <p className="section-intro">
        {plural(stages.length, 'stage')}, about {duration(minutes)} of interviews, in the order they usually happen for this role and level.
      </p>
      <ol className="timeline plan-timeline" aria-label="Predicted loop">
        {stages.map((stage, i) => (
          <li key={stage.stage} className="stage" data-stage-id={stage.stage}>
            <span className="stage__marker" aria-hidden="true">
              {i + 1}
            </span>
            <div className="stage__body">
              <div className="stage__head">
                <h3 className="stage__name">{stage.name}</h3>
                <span className="stage__duration">{duration(stage.durationMinutes)}</span>
              </div>
              {stage.probes.length > 0 && (
                <>
                  <h4 className="stage__label">What it probes</h4>
                  <ul className="stage__probes">
                    {stage.probes.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                </>
              )}
              {stage.questions.length > 0 && (
                <p className="stage__foot">
                  <a className="stage__questions-link" href={`#${stageAnchor(stage.stage)}`}>
                    {plural(stage.questions.length, 'question')} to practise<span className="sr-only"> for the {stage.name}</span>
                  </a>
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function RankedQuestion({ question }: { question: PlanQuestion }) {
  return (
    <li className="plan-q" data-question-id={question.id}>
      <h4 className="plan-q__title">
        <Link to={questionPath(question.id)}>{question.title}</Link>
      </h4>
      <div className="q-item__meta plan-q__meta">
        <SourceBadge source={isOrgQuestionId(question.id) ? 'organization' : 'shipped'} />
        {isDifficulty(question.difficulty) ? (
          <DifficultyBadge difficulty={question.difficulty} />
        ) : (
          <span className="badge badge--level">{question.difficulty}</span>
        )}
        {question.skills.length > 0 && (
          <>
            <span className="sr-only">Matches the posting’s skills:</span>
            <ul className="badge-list">
              {question.skills.map((s) => (
                <li key={s} className="badge badge--skill">
                  {s}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p className="plan-q__why">
        <span className="plan-q__why-label">Why: </span>
        {question.why}
      </p>
    </li>
  );
}

export function PlanQuestionsSection({ stages }: { stages: readonly PlanStage[] }) {
  const withQuestions = stages.filter((s) => s.questions.length > 0);
  return (
    <section id="questions" className="guide-section" aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions to practise</h2>
      <p className="section-intro">
        Ranked for this posting, stage by stage: the first question in each stage matches it best. Each one says which part of the posting it
        prepares you for.
      </p>
      {withQuestions.length === 0 && <p className="empty">No questions in the bank match this loop yet.</p>}
      {withQuestions.map((stage) => (
        <div key={stage.stage} id={stageAnchor(stage.stage)} className="by-stage__group">
          <h3>
            {stage.name} <span className="count">{plural(stage.questions.length, 'question')}</span>
          </h3>
          <ol className="plan-q-list" aria-label={`${stage.name}: questions, best match first`}>
            {stage.questions.map((q) => (
              <RankedQuestion key={q.id} question={q} />
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
