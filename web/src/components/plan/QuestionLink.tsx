import { Link } from 'react-router';
import { questionPath } from '../../lib/format.js';
import type { PlanNames } from './types.js';

export function QuestionLink({ id, names }: { id: string; names: PlanNames }) {
  return <Link to={questionPath(id)}>{names.question(id)}</Link>;
}

/** A list of question links, or “None” when there are none (table cells). */
export function QuestionLinks({ ids, names, label, empty = 'None' }: { ids: readonly string[]; names: PlanNames; label?: string; empty?: string }) {
  if (ids.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="plan-links" aria-label={label}>
      {ids.map((id) => (
        <li key={id}>
          <QuestionLink id={id} names={names} />
        </li>
      ))}
    </ul>
  );
}

export function RequiredTag({ required }: { required: boolean }) {
  return <span className={`tag ${required ? 'tag--required' : 'tag--nice'}`}>{required ? 'Required' : 'Nice to have'}</span>;
}
