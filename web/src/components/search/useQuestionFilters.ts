import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { QuestionQuery } from '../../api.js';
import { isDifficulty, isLevel, type Difficulty, type Level } from '../../lib/format.js';

/** The filters live in the URL query string, so a filtered view can be shared and survives a reload. */
export interface Filters {
  q: string;
  role: string;
  stage: string;
  level: Level | '';
  difficulty: Difficulty | '';
  skill: string;
}

export type FilterKey = keyof Filters;
const KEYS: readonly FilterKey[] = ['q', 'role', 'stage', 'level', 'difficulty', 'skill'];

export function readFilters(params: URLSearchParams): Filters {
  const get = (key: string): string => (params.get(key) ?? '').trim();
  const level = get('level');
  const difficulty = get('difficulty');
  return {
    q: get('q'),
    role: get('role'),
    stage: get('stage'),
    level: isLevel(level) ? level : '',
    difficulty: isDifficulty(difficulty) ? difficulty : '',
    skill: get('skill'),
  };
}

export function toQuery(filters: Filters): QuestionQuery {
  const query: QuestionQuery = {};
  if (filters.q) query.q = filters.q.slice(0, 200);
  if (filters.role) query.role = filters.role;
  if (filters.stage) query.stage = filters.stage;
  if (filters.level) query.level = filters.level;
  if (filters.difficulty) query.difficulty = filters.difficulty;
  if (filters.skill) query.skill = filters.skill;
  return query;
}

export interface FilterControls {
  filters: Filters;
  /** Whether any filter (ignoring `role` when it is fixed by the page) is set. */
  active: boolean;
  set: (patch: Partial<Filters>, options?: { replace?: boolean }) => void;
  clear: () => void;
}

export function useQuestionFilters({ ignoreRole = false }: { ignoreRole?: boolean } = {}): FilterControls {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const active = KEYS.some((k) => (k === 'role' && ignoreRole ? false : filters[k] !== ''));

  const set = useCallback(
    (patch: Partial<Filters>, options: { replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: options.replace ?? false, preventScrollReset: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const key of KEYS) if (!(key === 'role' && ignoreRole)) next.delete(key);
        return next;
      },
      { preventScrollReset: true },
    );
  }, [setParams, ignoreRole]);

  return { filters, active, set, clear };
}
