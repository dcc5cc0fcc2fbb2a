import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { PlanSummary } from '../../../src/shared/contracts/plans.js';
import { api } from '../api.js';
import { planLabel } from '../components/plan/PlanHeader.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { formatDateTime, formatDay, levelText, plural, roleLabel } from '../lib/format.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

/** The plan page sends `{ deleted: name }` after a delete, so this page can say what happened. */
function deletedName(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('deleted' in state)) return undefined;
  return typeof state.deleted === 'string' ? state.deleted : undefined;
}

function PlanCard({ plan }: { plan: PlanSummary }) {
  const name = planLabel(plan);
  return (
    <li className="card card--link plan-card">
      <h2 className="plan-card__title">
        <Link to={`/plans/${encodeURIComponent(plan.id)}`}>{name}</Link>
      </h2>
      <dl className="plan-card__facts">
        <div>
          <dt>Role</dt>
          <dd>{roleLabel(plan.role)}</dd>
        </div>
        <div>
          <dt>Level</dt>
          <dd>{levelText(plan.level)}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <time dateTime={plan.createdAt}>{formatDateTime(plan.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Interview</dt>
          <dd>{plan.interviewDate ? <time dateTime={plan.interviewDate}>{formatDay(plan.interviewDate)}</time> : <span className="muted">No date set</span>}</dd>
        </div>
      </dl>
    </li>
  );
}

export function PlansPage() {
  useDocumentTitle('Prep plans');
  const plans = useApi('plans', (signal) => api.listPlans(signal));
  const location = useLocation();
  const navigate = useNavigate();
  const [announcement, setAnnouncement] = useState('');
  const deleted = deletedName(location.state);

  // Said once, after the live region exists (so it is announced), then dropped from history so a reload does not repeat it.
  useEffect(() => {
    if (!deleted) return;
    setAnnouncement(`Deleted “${deleted}”.`);
    void navigate('.', { replace: true, state: null });
  }, [deleted, navigate]);

  return (
    <div className="plans-page">
      <header className="page-header">
        <h1>Prep plans</h1>
        <p className="lede">
          Each plan is built from one job posting: the loop to expect, the questions to practise first and a schedule up to the interview. They
          are stored on this machine.
        </p>
        <p className="hero__links">
          <Link className="button" to="/plans/new">
            Paste a job description
          </Link>
        </p>
      </header>
      <p role="status" className="plans-page__status">
        {announcement}
      </p>
      {plans.status === 'error' && <ErrorMessage error={plans.error} title="Could not load your prep plans" onRetry={plans.reload} />}
      {(plans.status === 'loading' || plans.status === 'idle') && <Loading>Loading your prep plans…</Loading>}
      {plans.status === 'success' &&
        (plans.data.length === 0 ? (
          <div className="empty">
            <p>No prep plans yet. Paste the job description you are applying for and Loopcoach builds your first one.</p>
            <p>
              <Link to="/plans/new">Build a prep plan</Link>
            </p>
          </div>
        ) : (
          <>
            <p className="result-count">{plural(plans.data.length, 'plan')}, newest first</p>
            <ul className="plan-grid" aria-label="Your prep plans">
              {plans.data.map((p) => (
                <PlanCard key={p.id} plan={p} />
              ))}
            </ul>
          </>
        ))}
    </div>
  );
}
