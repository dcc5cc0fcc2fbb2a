import type { Database } from '../../infra/db/database.js';
import { withTenant } from '../../infra/db/tenant.js';
import type { SavedQuestion } from '../../shared/contracts/saved.js';
import { notFound } from '../../shared/errors.js';
import { ownRows, type Actor } from '../accounts/visibility.js';
import type { BankOf } from '../org-content/org-content.service.js';
import * as repo from './saved.repository.js';

/** Saved questions are each user's own: nobody else reads or changes them (not even an owner or coach). */
export interface SavedService {
  list(actor: Actor): Promise<SavedQuestion[]>;
  save(actor: Actor, questionId: string, note: string): Promise<SavedQuestion>;
  remove(actor: Actor, questionId: string): Promise<void>;
}

const toIso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

export function createSavedService(deps: { db: Database; bankOf: BankOf }): SavedService {
  const { db, bankOf } = deps;
  const list = async (actor: Actor) =>
    (await withTenant(db, actor.tenantId, (tx) => repo.listSaved(tx, ownRows(actor)))).map((r) => ({
      questionId: r.question_id,
      title: r.title,
      note: r.note,
      savedAt: toIso(r.created_at),
    }));
  return {
    list,
    async save(actor, questionId, note) {
      // A shipped question, or one of the organization's own.
      if (!(await bankOf(actor)).get(questionId)) throw notFound('question', questionId);
      await withTenant(db, actor.tenantId, (tx) => repo.saveQuestion(tx, ownRows(actor), questionId, note));
      const saved = (await list(actor)).find((s) => s.questionId === questionId);
      if (!saved) throw new Error('saved question vanished after insert');
      return saved;
    },
    async remove(actor, questionId) {
      const removed = await withTenant(db, actor.tenantId, (tx) => repo.removeSaved(tx, ownRows(actor), questionId));
      if (!removed) throw notFound('saved question', questionId);
    },
  };
}
