/** Platform administration: how much each tenant uses Loopcoach — counts, never rows — audited per read. */
import type { Database } from '../../infra/db/database.js';
import { AppError } from '../../shared/errors.js';
import * as repo from './platform.repository.js';

export interface TenantUsage {
  tenantId: string;
  kind: string;
  createdAt: string;
  plans: number;
  attempts: number;
  sessions: number;
  reviewCards: number;
  savedQuestions: number;
  /** The organization's own questions and role guides. */
  orgQuestions: number;
  orgRoleGuides: number;
}

export interface PlatformService {
  /** Usage per tenant; `actor` (who asks) and `reason` are written to platform_audit in the same transaction. */
  usage(actor: string, reason?: string): Promise<TenantUsage[]>;
}

export function createPlatformService(deps: { db: Database }): PlatformService {
  return {
    async usage(actor, reason) {
      const who = actor.trim();
      if (who === '') throw new AppError('BAD_REQUEST', 'actor: say who is reading the usage (it is audited)');
      const rows = await deps.db.transaction(async (tx) => {
        await repo.becomePlatform(tx);
        await repo.audit(tx, who.slice(0, 320), 'read tenant usage', reason?.trim().slice(0, 500) || null);
        return repo.tenantUsage(tx);
      });
      return rows.map((r) => ({
        tenantId: r.tenant_id,
        kind: r.kind,
        createdAt: (r.created_at instanceof Date ? r.created_at : new Date(r.created_at)).toISOString(),
        plans: r.plans,
        attempts: r.attempts,
        sessions: r.sessions,
        reviewCards: r.review_cards,
        savedQuestions: r.saved_questions,
        orgQuestions: r.org_questions,
        orgRoleGuides: r.org_role_guides,
      }));
    },
  };
}
