import { plural } from '../../lib/format.js';
import { QuestionLinks, RequiredTag } from './QuestionLink.js';
import type { Plan, PlanNames } from './types.js';

export function CoverageSection({ plan, names }: { plan: Plan; names: PlanNames }) {
  const { coverage, gaps } = plan;
  return (
    <section id="coverage" className="guide-section" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Coverage and gaps</h2>
      <p className="section-intro">
        Which skills from the posting your practice questions exercise, and which ones the question bank does not reach, so you can study
        them another way.
      </p>

      <h3>
        Covered by practice <span className="count">{plural(coverage.length, 'skill')}</span>
      </h3>
      {coverage.length === 0 ? (
        <p className="muted">None of the posting’s skills is covered by a question yet: see the gaps below.</p>
      ) : (
        <ul className="coverage-list">
          {coverage.map((c) => (
            <li key={c.skill} className="coverage-item">
              <p className="coverage-item__skill">
                <span className="label">{c.skill}</span> <RequiredTag required={c.required} />
                <span className="count">{plural(c.questions.length, 'question')}</span>
              </p>
              <QuestionLinks ids={c.questions} names={names} label={`Questions that practise ${c.skill}`} />
            </li>
          ))}
        </ul>
      )}

      <h3>
        Gaps to study <span className="count">{plural(gaps.length, 'skill')}</span>
      </h3>
      {gaps.length === 0 ? (
        <p className="muted">No gaps: every skill the posting names has at least one practice question.</p>
      ) : (
        <ul className="gap-list">
          {gaps.map((g) => (
            <li key={g.skill} className="gap">
              <h4 className="gap__skill">
                {g.skill} <RequiredTag required={g.required} />
              </h4>
              <p>{g.study}</p>
              {g.evidence && (
                <figure className="gap__evidence">
                  <figcaption className="quote__caption">The posting says</figcaption>
                  <blockquote className="quote">
                    <p>{g.evidence}</p>
                  </blockquote>
                </figure>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
