import type { Database } from '../../infra/db/database.js';
import { withTenant } from '../../infra/db/tenant.js';
import type { SavedQuestion } from '../../shared/contracts/saved.js';
import { notFound } from '../../shared/errors.js';
import { findQuestion } from '../questions/questions.repository.js';
import * as repo from './saved.repository.js';

export interface SavedService {
  list(tenantId: string): Promise<SavedQuestion[]>;
  save(tenantId: string, questionId: string, note: string): Promise<SavedQuestion>;
  remove(tenantId: string, questionId: string): Promise<void>;
}

const toIso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

export function createSavedService(deps: { db: Database }): SavedService {
  const { db } = deps;
  const list = async (tenantId: string) =>
    (await withTenant(db, tenantId, repo.listSaved)).map((r) => ({
      questionId: r.question_id,
      title: r.title,
      note: r.note,
      savedAt: toIso(r.created_at),
    }));
  return {
    list,
    async save(tenantId, questionId, note) {
      const question = await findQuestion(db, questionId);
      if (!question) throw notFound('question', questionId);
      await withTenant(db, tenantId, (tx) => repo.saveQuestion(tx, questionId, note));
      const saved = (await list(tenantId)).find((s) => s.questionId === questionId);
      if (!saved) throw new Error('saved question vanished after insert');
      return saved;
    },
    async remove(tenantId, questionId) {
      const removed = await withTenant(db, tenantId, (tx) => repo.removeSaved(tx, questionId));
      if (!removed) throw notFound('saved question', questionId);
    },
  };
}
