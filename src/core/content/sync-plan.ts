/**
 * Decides what a content sync must do, from what is stored and what is on disk. Pure: the shell executes it.
 * Unchanged items (same hash) are left alone, so a restart with the same files writes nothing.
 */
export interface StoredItem {
  id: string;
  hash: string;
}

export interface SyncPlan<T> {
  insert: T[];
  update: T[];
  remove: string[];
  unchanged: number;
}

export function planSync<T extends StoredItem>(stored: readonly StoredItem[], incoming: readonly T[]): SyncPlan<T> {
  const storedHash = new Map(stored.map((s) => [s.id, s.hash]));
  const incomingIds = new Set(incoming.map((i) => i.id));
  const plan: SyncPlan<T> = { insert: [], update: [], remove: [], unchanged: 0 };
  for (const item of incoming) {
    const prior = storedHash.get(item.id);
    if (prior === undefined) plan.insert.push(item);
    else if (prior !== item.hash) plan.update.push(item);
    else plan.unchanged++;
  }
  for (const s of stored) if (!incomingIds.has(s.id)) plan.remove.push(s.id);
  plan.remove.sort();
  return plan;
}
