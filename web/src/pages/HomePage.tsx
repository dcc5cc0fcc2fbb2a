import { Link } from 'react-router';
import type { RoleSummary } from '../../../src/shared/contracts/roles.js';
import { api } from '../api.js';
import { RatingPips } from '../components/common/Badges.js';
import { SourceBadge } from '../components/common/SourceBadge.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { plural, weeksRange } from '../lib/format.js';
import { useSaved } from '../lib/saved.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

function RoleCard({ role }: { role: RoleSummary }) {
  return (
    <li className="card card--link role-card">
      <h3>
        <Link to={`/roles/${encodeURIComponent(role.id)}`}>{role.title}</Link>
      </h3>
      {role.source === 'organization' && (
        <p className="role-card__source">
          <SourceBadge source={role.source} />
        </p>
      )}
      <p>{role.summary}</p>
      <dl className="role-card__facts">
        <div>
          <dt>Difficulty</dt>
          <dd>
            <RatingPips rating={role.difficulty.rating} />
            <span>
              {role.difficulty.rating}/5 · {role.difficulty.label}
            </span>
          </dd>
        </div>
        <div>
          <dt>Time to offer</dt>
          <dd>{weeksRange(role.timeToOffer.minWeeks, role.timeToOffer.maxWeeks)}</dd>
        </div>
        <div>
          <dt>Loop</dt>
          <dd>
            {plural(role.stageCount, 'stage')} · {plural(role.questionCount, 'question')}
          </dd>
        </div>
      </dl>
    </li>
  );
}

export function HomePage() {
  useDocumentTitle(undefined);
  const roles = useApi('roles', (signal) => api.listRoles(signal));
  const saved = useSaved();

  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">Walk into your interview loop knowing what comes next</h1>
        <p className="lede">
          Loopcoach is interview preparation for software engineers: the typical loop for your role, real questions with answer
          frameworks, and the mistakes interviewers look for.
        </p>
        <div className="plan-cta">
          <div className="plan-cta__text">
            <h2 className="plan-cta__title">Have a job posting in hand?</h2>
            <p>
              Get a prep plan for that exact posting: the skills it asks for, the loop to expect, the questions to practise first and a
              day-by-day schedule up to your interview.
            </p>
          </div>
          <Link className="button button--large plan-cta__button" to="/plans/new">
            Paste a job description
          </Link>
        </div>
        <p className="hero__links">
          <Link className="button button--quiet" to="/questions">
            Browse all questions
          </Link>
          <Link className="button button--quiet" to="/saved">
            Your saved questions{saved.status === 'ready' ? ` (${String(saved.items.length)})` : ''}
          </Link>
        </p>
      </section>

      <section aria-labelledby="guides-heading" className="home-section">
        <h2 id="guides-heading">Role guides</h2>
        {roles.status === 'error' && <ErrorMessage error={roles.error} title="Could not load the role guides" onRetry={roles.reload} />}
        {roles.status === 'loading' && <Loading>Loading role guides…</Loading>}
        {roles.status === 'success' &&
          (roles.data.length === 0 ? (
            <p className="empty">No role guides yet. Add Markdown files under content/roles and restart the server.</p>
          ) : (
            <ul className="role-grid">
              {roles.data.map((role) => (
                <RoleCard key={role.id} role={role} />
              ))}
            </ul>
          ))}
      </section>
    </div>
  );
}
