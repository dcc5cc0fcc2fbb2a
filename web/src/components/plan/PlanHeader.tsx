import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api.js';
import { downloadText, slugify } from '../../lib/files.js';
import { formatDate, formatDay, levelLabel, levelText, roleLabel } from '../../lib/format.js';
import type { PlanRecord } from './types.js';
import { Breadcrumb } from '../common/Breadcrumb.js';

/** The plan page's heading: the job title, or just "Prep plan". */
export const planName = (record: Pick<PlanRecord, 'title'>): string => record.title ?? 'Prep plan';

/** A name that tells plans apart in lists and messages: the job title, or the role and level it was read as. */
export const planLabel = (plan: Pick<PlanRecord, 'title' | 'role' | 'level'>): string =>
  plan.title ?? `Prep plan: ${roleLabel(plan.role)}, ${levelText(plan.level)}`;

function PlanActions({ record }: { record: PlanRecord }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | undefined>();
  const name = planLabel(record);

  const exportMarkdown = () => {
    const base = slugify(record.title ?? `${record.role}-${record.level}`) || 'plan';
    const file = `prep-plan-${base}.md`;
    downloadText(record.markdown, file);
    setError(undefined);
    setMessage(`Downloaded ${file}.`);
  };

  const remove = async () => {
    if (busy) return;
    if (!window.confirm(`Delete “${name}” and the posting it was built from? This cannot be undone.`)) return;
    setBusy(true);
    setError(undefined);
    setMessage('Deleting the plan…');
    try {
      await api.deletePlan(record.id);
      void navigate('/plans', { state: { deleted: name } });
    } catch (err) {
      setBusy(false);
      setMessage('');
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div className="plan-actions">
      <div className="plan-actions__buttons">
        <Link className="button" to={`/practice?plan=${encodeURIComponent(record.id)}`}>
          Practise this plan
        </Link>
        <Link className="button button--quiet" to={`/practice?plan=${encodeURIComponent(record.id)}&mode=mock`}>
          Mock loop
        </Link>
        <button type="button" className="button button--quiet" onClick={exportMarkdown}>
          <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M8 2v8m0 0 3-3m-3 3L5 7M3 12.5h10" />
          </svg>
          Export Markdown
        </button>
        <button
          type="button"
          className="button button--danger"
          aria-disabled={busy || undefined}
          onClick={() => {
            void remove();
          }}
        >
          {busy ? 'Deleting…' : 'Delete plan'}
        </button>
      </div>
      <p role="status" className="plan-actions__status">
        {message}
      </p>
      <div role="alert">{error && <p className="inline-error">Could not delete the plan: {error}</p>}</div>
    </div>
  );
}

export function PlanHeader({ record }: { record: PlanRecord }) {
  const { plan } = record;
  return (
    <header className="page-header plan-header">
      <Breadcrumb trail={[{ to: '/plans', label: 'Prep plans' }]} current={planName(record)} />
      <h1>{planName(record)}</h1>
      <p className="lede">
        Built from the posting you gave on <time dateTime={record.createdAt}>{formatDate(record.createdAt)}</time>: the loop to
        expect, the questions to practise first, and a schedule up to the interview.
      </p>
      <dl className="plan-facts" aria-label="Plan facts">
        <div className="plan-fact">
          <dt>Role</dt>
          <dd>{roleLabel(plan.role)}</dd>
        </div>
        <div className="plan-fact">
          <dt>Level</dt>
          <dd>{levelLabel(plan.level)}</dd>
        </div>
        <div className="plan-fact">
          <dt>Interview</dt>
          <dd>
            {record.interviewDate ? (
              <time dateTime={record.interviewDate}>{formatDay(record.interviewDate, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' })}</time>
            ) : (
              <span className="muted">No date set</span>
            )}
          </dd>
        </div>
        <div className="plan-fact">
          <dt>Guide</dt>
          <dd>
            <Link to={`/roles/${encodeURIComponent(plan.guide.id)}`}>{plan.guide.title}</Link>
          </dd>
        </div>
      </dl>
      {plan.guide.note && (
        <div className="callout plan-note">
          <p>{plan.guide.note}</p>
        </div>
      )}
      <PlanActions record={record} />
    </header>
  );
}
