import type { QuestionList as Results } from '../../../../src/shared/contracts/questions.js';
import { ApiError, api, type QuestionQuery } from '../../api.js';
import { plural } from '../../lib/format.js';
import { useApi, type AsyncState } from '../../lib/useApi.js';
import type { HeadingLevel } from '../common/Heading.js';
import { ErrorMessage, Loading } from '../common/Status.js';
import { QuestionList } from '../question/QuestionItem.js';

export type SearchState = AsyncState<Results> & { reload: () => void };

/** Runs GET /api/questions for `query`; null runs nothing. */
export function useQuestionSearch(query: QuestionQuery | null): SearchState {
  const key = query ? JSON.stringify(query) : null;
  return useApi(key, (signal) => api.searchQuestions({ ...query, limit: 100 }, signal));
}

/** The text for the aria-live result count. */
export function resultCountText(search: SearchState): string {
  if (search.status === 'loading') return 'Searching…';
  if (search.status === 'error') return 'The search failed.';
  if (search.status === 'success') {
    const { total } = search.data;
    return total === 0 ? 'No questions match.' : `${plural(total, 'question')} ${total === 1 ? 'matches' : 'match'}.`;
  }
  return '';
}

export function SearchResults({ search, level, stageName, onClear }: {
  search: SearchState;
  level: HeadingLevel;
  stageName?: (stageId: string) => string | undefined;
  onClear?: () => void;
}) {
  if (search.status === 'error') {
    // A 400 names the search term or filter the API rejected: nothing to retry, something to change.
    const invalid = search.error instanceof ApiError && search.error.status === 400;
    return invalid ? (
      <ErrorMessage error={search.error} title="Check the search and filters">
        {onClear && (
          <button type="button" className="button button--small" onClick={onClear}>
            Clear filters
          </button>
        )}
      </ErrorMessage>
    ) : (
      <ErrorMessage error={search.error} title="The search failed" onRetry={search.reload} />
    );
  }
  const data = search.status === 'success' ? search.data : search.previous;
  if (!data || (search.status !== 'success' && data.items.length === 0)) return <Loading>Searching…</Loading>;
  if (data.total === 0 && search.status === 'success') {
    return (
      <div className="empty">
        <p>No questions match these filters. Try fewer filters or different words.</p>
        {onClear && (
          <button type="button" className="button button--small" onClick={onClear}>
            Clear filters
          </button>
        )}
      </div>
    );
  }
  const stale = search.status !== 'success';
  return (
    <div className={`results${stale ? ' is-stale' : ''}`} aria-busy={stale}>
      <QuestionList questions={data.items} level={level} label="Matching questions" stageName={stageName} />
      {data.total > data.items.length && (
        <p className="muted">
          Showing the first {data.items.length} of {data.total}. Narrow the search to see the rest.
        </p>
      )}
    </div>
  );
}
