/**
 * Splits an answer into runs of text for highlighting: each run knows which annotations (rubric points hit, mistakes
 * heard) cover it and which end where it ends. Annotations may overlap (two points quoting the same sentence, a
 * mistake inside a point's window), so the text is cut at every start and end.
 */

export type AnnotationKind = 'hit' | 'mistake';

export interface Annotation {
  kind: AnnotationKind;
  /** Unique within the answer, e.g. "hit-2". */
  key: string;
  /** Shown as the mark's reference ("1", "M1"). */
  ref: string;
  /** What the highlight is about: the rubric point or the mistake. */
  label: string;
  /** The element id of the explanation in the list below the answer. */
  target: string;
  start: number;
  end: number;
  /** The quoted text the server sent: used to find the span when the offsets do not match it. */
  text: string;
}

export interface Run {
  start: number;
  end: number;
  text: string;
  covering: Annotation[];
  /** Annotations whose span ends with this run: their references follow it. */
  ending: Annotation[];
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

/**
 * Where an annotation really sits in the answer: its offsets, clamped and trimmed of surrounding white space; when
 * those do not hold its quoted text, the first place the quote occurs; null when it cannot be placed.
 */
export function locate(answer: string, a: Pick<Annotation, 'start' | 'end' | 'text'>): { start: number; end: number } | null {
  let start = Math.max(0, Math.min(answer.length, a.start));
  let end = Math.max(start, Math.min(answer.length, a.end));
  while (start < end && isSpace(answer[start])) start++;
  while (end > start && isSpace(answer[end - 1])) end--;
  const quote = a.text.trim();
  if (quote && answer.slice(start, end) !== quote) {
    const near = answer.indexOf(quote, Math.max(0, start - quote.length));
    const at = near === -1 ? answer.indexOf(quote) : near;
    if (at !== -1) return { start: at, end: at + quote.length };
  }
  return start < end ? { start, end } : null;
}

export function annotate(answer: string, annotations: readonly Annotation[]): Run[] {
  const placed = annotations.flatMap((a) => {
    const at = locate(answer, a);
    return at ? [{ ...a, ...at }] : [];
  });
  const cuts = new Set<number>([0, answer.length]);
  for (const a of placed) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const runs: Run[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? start;
    if (end <= start) continue;
    const covering = placed.filter((a) => a.start <= start && a.end >= end);
    const ending = placed.filter((a) => a.end === end);
    const previous = runs.at(-1);
    // Join a run to the one before when the same annotations cover both and none ends between them.
    if (previous && previous.ending.length === 0 && sameSet(previous.covering, covering)) {
      previous.end = end;
      previous.text = answer.slice(previous.start, end);
      previous.ending = ending;
      continue;
    }
    runs.push({ start, end, text: answer.slice(start, end), covering, ending });
  }
  return runs;
}

function sameSet(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => y.key === x.key));
}
