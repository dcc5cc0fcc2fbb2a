import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { OnThisPage, type TocEntry } from '../components/guide/OnThisPage.js';
import { CoverageSection } from '../components/plan/CoverageSection.js';
import { FollowUpsSection } from '../components/plan/FollowUpsSection.js';
import { PlanLoopSection, PlanQuestionsSection } from '../components/plan/LoopAndQuestions.js';
import { PlanHeader, planName } from '../components/plan/PlanHeader.js';
import { PostingSection } from '../components/plan/PostingSection.js';
import { ScheduleSection } from '../components/plan/ScheduleSection.js';
import { planNames, type PlanRecord } from '../components/plan/types.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

const TOC: TocEntry[] = [
  { id: 'posting', label: 'What we read' },
  { id: 'loop', label: 'The loop' },
  { id: 'questions', label: 'Questions' },
  { id: 'coverage', label: 'Coverage and gaps' },
  { id: 'follow-ups', label: 'Follow-ups' },
  { id: 'schedule', label: 'Schedule' },
];

function PlanView({ record }: { record: PlanRecord }) {
  const names = useMemo(() => planNames(record.plan), [record.plan]);
  return (
    <article className="guide plan">
      <PlanHeader record={record} />
      <div className="guide__layout">
        <aside className="guide__toc">
          <OnThisPage entries={TOC} />
        </aside>
        <div className="guide__content">
          <PostingSection analysis={record.analysis} />
          <PlanLoopSection stages={record.plan.stages} />
          <PlanQuestionsSection stages={record.plan.stages} />
          <CoverageSection plan={record.plan} names={names} />
          <FollowUpsSection followUps={record.plan.followUps} names={names} />
          <ScheduleSection plan={record.plan} names={names} />
        </div>
      </div>
    </article>
  );
}

export function PlanPage() {
  const { id = '' } = useParams();
  const plan = useApi(`plan:${id}`, (signal) => api.getPlan(id, signal));
  useDocumentTitle(plan.status === 'success' ? planName(plan.data) : plan.status === 'error' ? 'Plan not available' : 'Prep plan');

  if (plan.status === 'error') {
    // A deleted plan or a mistyped address: trying again will not help.
    const gone = plan.error instanceof ApiError && (plan.error.status === 404 || plan.error.status === 400);
    return (
      <div className="page-state">
        <h1>This prep plan is not available</h1>
        <ErrorMessage error={plan.error} title="Could not load the plan" onRetry={gone ? undefined : plan.reload}>
          <Link to="/plans">See your prep plans</Link>
          <Link to="/plans/new">Build a new plan</Link>
        </ErrorMessage>
      </div>
    );
  }
  if (plan.status !== 'success') return <Loading>Loading the plan…</Loading>;
  return <PlanView key={plan.data.id} record={plan.data} />;
}
