/** Orders raw facet counts for display: levels and difficulties in their natural order, the rest by count. */
import { DIFFICULTIES, LEVELS } from '../content/schema.js';

export interface Facet {
  id: string;
  count: number;
}

export function orderFacets(kind: 'role' | 'stage' | 'level' | 'difficulty' | 'skill', facets: readonly Facet[]): Facet[] {
  const natural: readonly string[] | null = kind === 'level' ? LEVELS : kind === 'difficulty' ? DIFFICULTIES : null;
  return [...facets].sort((a, b) =>
    natural ? natural.indexOf(a.id) - natural.indexOf(b.id) : b.count - a.count || a.id.localeCompare(b.id),
  );
}
