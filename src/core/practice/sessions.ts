/**
 * Which questions a practice session or a mock loop asks, in order. Pure: the candidates come ranked (by the
 * plan, or by the guide's order) and the history says what was practised when.
 */
export interface SessionItem {
  stage: string;
  questionId: string;
}

export interface History {
  lastAt: string;
  lastScore: number;
}

/**
 * A mock loop: one question per stage, in the loop's order. Within a stage, the first candidate never practised,
 * else the one practised longest ago (ties: the lower last score).
 */
export function pickMockLoop(
  stages: readonly { id: string }[],
  candidates: ReadonlyMap<string, readonly string[]>,
  history: ReadonlyMap<string, History>,
): SessionItem[] {
  const items: SessionItem[] = [];
  for (const st of stages) {
    const pick = choose(candidates.get(st.id) ?? [], history);
    if (pick) items.push({ stage: st.id, questionId: pick });
  }
  return items;
}

/**
 * A practice session: up to `count` questions across the stages, round-robin by stage so every stage comes up,
 * each stage's unpractised questions first, then the stalest.
 */
export function pickPractice(
  stages: readonly { id: string }[],
  candidates: ReadonlyMap<string, readonly string[]>,
  history: ReadonlyMap<string, History>,
  count: number,
): SessionItem[] {
  const queues = stages.map((st) => ({ stage: st.id, ids: order(candidates.get(st.id) ?? [], history) }));
  const items: SessionItem[] = [];
  for (let round = 0; items.length < count; round++) {
    let added = false;
    for (const q of queues) {
      const id = q.ids[round];
      if (id === undefined || items.length >= count) continue;
      items.push({ stage: q.stage, questionId: id });
      added = true;
    }
    if (!added) break;
  }
  return items;
}

function order(ids: readonly string[], history: ReadonlyMap<string, History>): string[] {
  const fresh = ids.filter((id) => !history.has(id));
  const seen = ids
    .filter((id) => history.has(id))
    .sort((a, b) => {
      const ha = history.get(a);
      const hb = history.get(b);
      return (ha?.lastAt ?? '').localeCompare(hb?.lastAt ?? '') || (ha?.lastScore ?? 0) - (hb?.lastScore ?? 0) || a.localeCompare(b);
    });
  return [...fresh, ...seen];
}

function choose(ids: readonly string[], history: ReadonlyMap<string, History>): string | undefined {
  return order(ids, history)[0];
}
