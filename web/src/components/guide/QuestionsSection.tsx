import type { RoleDetail } from '../../../../src/shared/contracts/roles.js';
import { plural } from '../../lib/format.js';
import { FilterBar } from '../search/FilterBar.js';
import { SearchResults, resultCountText, useQuestionSearch } from '../search/SearchResults.js';
import { toQuery, useQuestionFilters } from '../search/useQuestionFilters.js';
import { QuestionsByStage } from './QuestionsByStage.js';

/** The guide's questions: by stage, or, once a search or filter is set, the matching questions. */
export function QuestionsSection({ guide }: { guide: RoleDetail }) {
  const controls = useQuestionFilters({ ignoreRole: true });
  const { filters, active, clear } = controls;
  const search = useQuestionSearch(active ? { ...toQuery(filters), role: guide.id } : null);
  const stageName = (id: string): string | undefined => guide.stages.find((s) => s.id === id)?.name;

  return (
    <section id="questions" className="guide-section" aria-labelledby="questions-heading">
      <h2 id="questions-heading">Practice questions</h2>
      <p className="section-intro">
        Open a question for the approach, what a strong answer shows, common mistakes and likely follow-ups. The model answer stays hidden
        until you ask for it.
      </p>
      <FilterBar
        controls={controls}
        label="Search this guide’s questions"
        facets={{ stages: guide.stages, levels: guide.levels, skills: guide.skills }}
      />
      <p className="result-count" aria-live="polite" aria-atomic="true">
        {active ? resultCountText(search) : `${plural(guide.questionCount, 'question')} in this guide, grouped by stage.`}
      </p>
      {active ? <SearchResults search={search} level={3} stageName={stageName} onClear={clear} /> : <QuestionsByStage guide={guide} />}
    </section>
  );
}
