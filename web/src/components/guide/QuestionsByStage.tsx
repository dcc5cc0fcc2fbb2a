import type { RoleDetail } from '../../../../src/shared/contracts/roles.js';
import { plural } from '../../lib/format.js';
import { QuestionList } from '../question/QuestionItem.js';

/** The default view of the guide's questions: grouped under the stage where they are asked. */
export function QuestionsByStage({ guide }: { guide: RoleDetail }) {
  const withQuestions = guide.stages.filter((s) => s.questions.length > 0);
  const without = guide.stages.filter((s) => s.questions.length === 0);
  return (
    <div className="by-stage">
      {withQuestions.map((stage) => (
        <div key={stage.id} id={`stage-${stage.id}`} className="by-stage__group">
          <h3>
            {stage.name} <span className="count">{plural(stage.questions.length, 'question')}</span>
          </h3>
          <QuestionList questions={stage.questions} level={4} label={`${stage.name} questions`} />
        </div>
      ))}
      {withQuestions.length === 0 && <p className="empty">This guide has no practice questions yet.</p>}
      {without.length > 0 && withQuestions.length > 0 && (
        <p className="muted">No practice questions yet for: {without.map((s) => s.name).join(', ')}.</p>
      )}
    </div>
  );
}
