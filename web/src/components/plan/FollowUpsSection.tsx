import { QuestionLink } from './QuestionLink.js';
import type { Plan, PlanNames } from './types.js';

const BASED_ON: Record<string, string> = {
  domain: 'the posting’s business domain',
  scale: 'the scale the posting mentions',
  stack: 'the posting’s tech stack',
  compliance: 'the regulation the posting names',
};

export function FollowUpsSection({ followUps, names }: { followUps: Plan['followUps']; names: PlanNames }) {
  return (
    <section id="follow-ups" className="guide-section" aria-labelledby="follow-ups-heading">
      <h2 id="follow-ups-heading">Follow-ups to expect</h2>
      <p className="section-intro">
        Interviewers push past the textbook answer with questions about their own product. These follow-ups are written from the posting; have
        an answer ready when you practise the question they follow.
      </p>
      {followUps.length === 0 ? (
        <p className="muted">No follow-ups this time: the posting names no domain, scale, stack or regulation to build them from.</p>
      ) : (
        <ol className="plan-followups">
          {followUps.map((f) => (
            <li key={`${f.questionId}-${f.basedOn}-${f.question}`} className="plan-followup">
              <p className="prompt">{f.question}</p>
              <p className="plan-followup__meta">
                Follows <QuestionLink id={f.questionId} names={names} /> in the {names.stage(f.stage)} stage. Based on{' '}
                {BASED_ON[f.basedOn] ?? f.basedOn}.
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
