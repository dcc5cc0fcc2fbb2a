/**
 * Loads the content tree, refuses invalid content as a whole, and syncs it into the database idempotently.
 */
import { formatProblem } from '../../core/content/check.js';
import { questionSearchText } from '../../core/content/search-text.js';
import { planSync } from '../../core/content/sync-plan.js';
import type { Database } from '../../infra/db/database.js';
import type { LoadedContent } from '../../infra/content/load.js';
import { AppError } from '../../shared/errors.js';
import * as repo from './content.repository.js';

export interface SyncReport {
  roles: { inserted: number; updated: number; removed: number; unchanged: number };
  questions: { inserted: number; updated: number; removed: number; unchanged: number };
}

export function assertValid(content: LoadedContent): void {
  if (content.problems.length > 0) {
    const lines = content.problems.map(formatProblem);
    throw new AppError(
      'CONTENT_INVALID',
      `content in ${content.dir} has ${String(content.problems.length)} problem(s); refusing to serve part of it:\n  ${lines.join('\n  ')}`,
      lines,
    );
  }
}

/** What a sync would change, without changing anything (server mode checks this at start-up). */
export async function contentDrift(db: Database, content: LoadedContent): Promise<SyncReport> {
  const hashOf = (path: string): string => content.hashes.get(path) ?? '';
  const rolePlan = planSync(await repo.listStoredRoleHashes(db), content.roles.map((r) => ({ id: r.value.id, hash: hashOf(r.path) })));
  const questionPlan = planSync(await repo.listStoredQuestionHashes(db), content.questions.map((q) => ({ id: q.value.id, hash: hashOf(q.path) })));
  const count = (p: { insert: unknown[]; update: unknown[]; remove: unknown[]; unchanged: number }) => ({ inserted: p.insert.length, updated: p.update.length, removed: p.remove.length, unchanged: p.unchanged });
  return { roles: count(rolePlan), questions: count(questionPlan) };
}

export async function syncContent(db: Database, content: LoadedContent): Promise<SyncReport> {
  assertValid(content);
  const hashOf = (path: string): string => content.hashes.get(path) ?? '';
  const roles = content.roles.map((r) => ({ id: r.value.id, hash: hashOf(r.path), path: r.path, guide: r.value }));
  const questions = content.questions.map((q) => ({
    id: q.value.id,
    hash: hashOf(q.path),
    path: q.path,
    question: q.value,
    searchText: questionSearchText(q.value),
  }));
  return db.transaction(async (tx) => {
    const rolePlan = planSync(await repo.listStoredRoleHashes(tx), roles);
    const questionPlan = planSync(await repo.listStoredQuestionHashes(tx), questions);
    for (const r of [...rolePlan.insert, ...rolePlan.update]) await repo.upsertRole(tx, r);
    for (const q of [...questionPlan.insert, ...questionPlan.update]) await repo.upsertQuestion(tx, q);
    await repo.deleteRoles(tx, rolePlan.remove);
    await repo.deleteQuestions(tx, questionPlan.remove);
    const count = (p: typeof rolePlan | typeof questionPlan) => ({
      inserted: p.insert.length,
      updated: p.update.length,
      removed: p.remove.length,
      unchanged: p.unchanged,
    });
    return { roles: count(rolePlan), questions: count(questionPlan) };
  });
}
