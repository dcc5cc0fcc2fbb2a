import type { RoleDetail } from '../../../../src/shared/contracts/roles.js';
import { duration, levelLabel, plural, type Level } from '../../lib/format.js';
import { LevelBadges } from '../common/Badges.js';

type Stage = RoleDetail['stages'][number];

function StageItem({ stage, index, level }: { stage: Stage; index: number; level: Level | '' }) {
  const included = !level || stage.levels.includes(level);
  return (
    <li className={`stage${level ? (included ? ' stage--included' : ' stage--excluded') : ''}`} data-stage-id={stage.id}>
      <span className="stage__marker" aria-hidden="true">
        {index + 1}
      </span>
      <div className="stage__body">
        <div className="stage__head">
          <h3 className="stage__name">{stage.name}</h3>
          <span className="stage__duration">{duration(stage.durationMinutes)}</span>
          {level && (
            <span className={`tag ${included ? 'tag--yes' : 'tag--no'}`}>
              {included ? `In the ${levelLabel(level)} loop` : `Not in the ${levelLabel(level)} loop`}
            </span>
          )}
        </div>
        {included && (
          <>
            <dl className="stage__facts">
              <div>
                <dt>Format</dt>
                <dd>{stage.format}</dd>
              </div>
              <div>
                <dt>Who</dt>
                <dd>{stage.interviewer}</dd>
              </div>
            </dl>
            <p>{stage.description}</p>
            <div className="stage__columns">
              <div>
                <h4>What it probes</h4>
                <ul>
                  {stage.probes.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
              <div>
                <h4>How to prepare</h4>
                <ul>
                  {stage.howToPrepare.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            </div>
          </>
        )}
        <div className="stage__foot">
          <LevelBadges levels={stage.levels} label="Levels that get this stage" highlight={level || undefined} />
          {included && stage.questions.length > 0 && (
            <a className="stage__questions-link" href={`#stage-${stage.id}`}>
              {plural(stage.questions.length, 'practice question')}
            </a>
          )}
        </div>
      </div>
    </li>
  );
}

/** The typical loop, in order, with the stages a level does not get collapsed and marked. */
export function LoopTimeline({ stages, level }: { stages: readonly Stage[]; level: Level | '' }) {
  return (
    <ol className="timeline" aria-label="Interview loop">
      {stages.map((stage, i) => (
        <StageItem key={stage.id} stage={stage} index={i} level={level} />
      ))}
    </ol>
  );
}
