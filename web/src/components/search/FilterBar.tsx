import { useId } from 'react';
import { DIFFICULTIES, difficultyLabel, humanize, levelLabel, skillLabel, type Level } from '../../lib/format.js';
import { SearchBox } from './SearchBox.js';
import type { FilterControls, Filters } from './useQuestionFilters.js';

export interface Facets {
  roles?: readonly { id: string; title: string }[];
  stages: readonly { id: string; name: string }[];
  levels: readonly Level[];
  skills: readonly { id: string; count: number }[];
}

interface Option {
  value: string;
  label: string;
}

function Select({ id, label, value, options, anyLabel, onChange }: {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
  anyLabel: string;
  onChange: (value: string) => void;
}) {
  // A value from a shared link that the facets do not list still shows as selected.
  const all = value && !options.some((o) => o.value === value) ? [...options, { value, label: humanize(value) }] : options;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        <option value="">{anyLabel}</option>
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Search box and filters for the question bank. Everything it sets lands in the URL query string. */
export function FilterBar({ controls, facets, label = 'Search questions' }: { controls: FilterControls; facets: Facets; label?: string }) {
  const id = useId();
  const { filters, active, set, clear } = controls;
  const change = (key: keyof Filters) => (value: string) => {
    set({ [key]: value });
  };

  return (
    <form
      className="filters"
      role="search"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <div className="field field--search">
        <label htmlFor={`${id}-q`}>{label}</label>
        <SearchBox
          id={`${id}-q`}
          value={filters.q}
          placeholder="e.g. rate limiter, idempotency, on-call"
          onSearch={(q) => {
            set({ q }, { replace: true });
          }}
        />
      </div>
      <div className="filters__row">
        {facets.roles && (
          <Select
            id={`${id}-role`}
            label="Role guide"
            anyLabel="All roles"
            value={filters.role}
            options={facets.roles.map((r) => ({ value: r.id, label: r.title }))}
            onChange={(role) => {
              // Stages and skills belong to a guide: a new guide starts from its own facets.
              set({ role, stage: '', skill: '' });
            }}
          />
        )}
        <Select
          id={`${id}-stage`}
          label="Stage"
          anyLabel="All stages"
          value={filters.stage}
          options={facets.stages.map((s) => ({ value: s.id, label: s.name }))}
          onChange={change('stage')}
        />
        <Select
          id={`${id}-level`}
          label="Level"
          anyLabel="All levels"
          value={filters.level}
          options={facets.levels.map((l) => ({ value: l, label: levelLabel(l) }))}
          onChange={change('level')}
        />
        <Select
          id={`${id}-difficulty`}
          label="Difficulty"
          anyLabel="Any difficulty"
          value={filters.difficulty}
          options={DIFFICULTIES.map((d) => ({ value: d, label: difficultyLabel(d) }))}
          onChange={change('difficulty')}
        />
        <Select
          id={`${id}-skill`}
          label="Skill"
          anyLabel="All skills"
          value={filters.skill}
          options={facets.skills.map((s) => ({ value: s.id, label: `${skillLabel(s.id)} (${String(s.count)})` }))}
          onChange={change('skill')}
        />
      </div>
      <div className="filters__actions">
        <button type="button" className="button button--small button--quiet" onClick={clear} disabled={!active}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
