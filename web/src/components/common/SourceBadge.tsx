import type { ContentSource } from '../../api.js';
import { ownerWords } from '../../lib/orgContent.js';
import { useSession } from '../../lib/session.js';

/**
 * Marks content the user's organization wrote (local mode: the user), beside Loopcoach's shipped content, which has
 * no mark. `source` as the API sends it; shipped content renders nothing.
 */
export function SourceBadge({ source }: { source: ContentSource | undefined }) {
  const { state } = useSession();
  if (source !== 'organization' || state.status !== 'ready') return null;
  const { badge, whose } = ownerWords(state.me);
  return (
    <span className="badge badge--org" title={`Written by ${whose}, not shipped with Loopcoach`}>
      <svg className="badge__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M2 14V5l6-3 6 3v9M6 14v-4h4v4" />
      </svg>
      {badge}
    </span>
  );
}
