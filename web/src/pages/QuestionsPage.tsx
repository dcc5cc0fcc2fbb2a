import { api } from '../api.js';
import { type Facets, FilterBar } from '../components/search/FilterBar.js';
import { SearchResults, resultCountText, useQuestionSearch } from '../components/search/SearchResults.js';
import { toQuery, useQuestionFilters } from '../components/search/useQuestionFilters.js';
import { humanize, type Level } from '../lib/format.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

export function QuestionsPage() {
  useDocumentTitle('Question bank');
  const controls = useQuestionFilters();
  const { filters, active, clear } = controls;
  const roles = useApi('roles', (signal) => api.listRoles(signal));
  const guide = useApi(filters.role ? `role:${filters.role}` : null, (signal) => api.getRole(filters.role, signal));
  const bank = useApi(filters.role ? null : 'questions:facets', (signal) => api.questionFacets(signal));
  const search = useQuestionSearch(toQuery(filters));

  const facets: Facets = {
    roles: roles.status === 'success' ? roles.data : [],
    ...(filters.role
      ? {
          stages: guide.data?.stages ?? [],
          levels: guide.data?.levels ?? [],
          skills: guide.data?.skills ?? [],
        }
      : {
          stages: bank.data?.stages ?? [],
          levels: (bank.data?.levels ?? []).map((l) => l.id as Level),
          skills: bank.data?.skills ?? [],
        }),
  };
  const stageName = (id: string): string =>
    (guide.data?.stages ?? bank.data?.stages ?? []).find((s) => s.id === id)?.name ?? humanize(id);

  return (
    <div className="questions-page">
      <header className="page-header">
        <h1>Question bank</h1>
        <p className="lede">
          Every practice question across the role guides. Search by topic, or filter by role, stage, level, difficulty and skill; the
          address bar keeps your filters so you can share the view.
        </p>
      </header>
      <FilterBar controls={controls} facets={facets} />
      <p className="result-count" aria-live="polite" aria-atomic="true">
        {resultCountText(search)}
      </p>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="sr-only">
          {active ? 'Matching questions' : 'All questions'}
        </h2>
        <SearchResults search={search} level={3} stageName={stageName} onClear={active ? clear : undefined} />
      </section>
    </div>
  );
}
