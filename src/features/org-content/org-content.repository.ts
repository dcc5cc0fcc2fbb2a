/**
 * SQL for an organization's own questions and role guides: tenant data, reachable only through a TenantTx. They
 * belong to the organization, not to one user (created_by and updated_by record who wrote them).
 */
import type { Question, RoleGuide } from '../../core/content/schema.js';
import type { TenantTx } from '../../infra/db/tenant.js';

export interface OrgDocRow<T> {
  doc: T;
  created_by: string | null;
  updated_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

/** Everything the organization added, in one statement: what a request's question bank needs. */
export async function loadOrgContent(tx: TenantTx): Promise<{ questions: Question[]; guides: RoleGuide[] }> {
  const r = await tx.query<{ kind: 'question' | 'guide'; id: string; doc: Question | RoleGuide }>(
    `select 'question' as kind, id, doc from org_questions where tenant_id = $1
     union all
     select 'guide', id, doc from org_role_guides where tenant_id = $1
     order by 1, 2`,
    [tx.tenantId],
  );
  const questions: Question[] = [];
  const guides: RoleGuide[] = [];
  for (const row of r.rows) {
    if (row.kind === 'question') questions.push(row.doc as Question);
    else guides.push(row.doc as RoleGuide);
  }
  return { questions, guides };
}

export async function listOrgQuestions(tx: TenantTx): Promise<OrgDocRow<Question>[]> {
  const r = await tx.query<OrgDocRow<Question>>(
    `select doc, created_by, updated_by, created_at, updated_at from org_questions where tenant_id = $1 order by title, slug`,
    [tx.tenantId],
  );
  return r.rows;
}

export async function findOrgQuestion(tx: TenantTx, slug: string): Promise<OrgDocRow<Question> | null> {
  const r = await tx.query<OrgDocRow<Question>>(
    'select doc, created_by, updated_by, created_at, updated_at from org_questions where tenant_id = $1 and slug = $2',
    [tx.tenantId, slug],
  );
  return r.rows[0] ?? null;
}

export interface OrgQuestionWrite {
  slug: string;
  question: Question;
  searchText: string;
  userId: string | null;
}

/** Inserts a new question; false when the organization already has one with this slug. */
export async function insertOrgQuestion(tx: TenantTx, w: OrgQuestionWrite): Promise<boolean> {
  const q = w.question;
  const r = await tx.query(
    `insert into org_questions (tenant_id, slug, roles, stage, levels, difficulty, skills, title, prompt, search_text, doc, created_by, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
     on conflict (tenant_id, slug) do nothing`,
    [tx.tenantId, w.slug, q.roles, q.stage, q.levels, q.difficulty, q.skills, q.title, q.prompt, w.searchText, JSON.stringify(q), w.userId],
  );
  return r.rowCount > 0;
}

/** Replaces an existing question; false when there is none with this slug. */
export async function updateOrgQuestion(tx: TenantTx, w: OrgQuestionWrite): Promise<boolean> {
  const q = w.question;
  const r = await tx.query(
    `update org_questions
        set roles = $3, stage = $4, levels = $5, difficulty = $6, skills = $7, title = $8, prompt = $9, search_text = $10,
            doc = $11, updated_by = $12, updated_at = now()
      where tenant_id = $1 and slug = $2`,
    [tx.tenantId, w.slug, q.roles, q.stage, q.levels, q.difficulty, q.skills, q.title, q.prompt, w.searchText, JSON.stringify(q), w.userId],
  );
  return r.rowCount > 0;
}

export async function deleteOrgQuestion(tx: TenantTx, slug: string): Promise<boolean> {
  const r = await tx.query('delete from org_questions where tenant_id = $1 and slug = $2', [tx.tenantId, slug]);
  return r.rowCount > 0;
}

export async function listOrgGuides(tx: TenantTx): Promise<OrgDocRow<RoleGuide>[]> {
  const r = await tx.query<OrgDocRow<RoleGuide>>(
    `select doc, created_by, updated_by, created_at, updated_at from org_role_guides where tenant_id = $1 order by title, slug`,
    [tx.tenantId],
  );
  return r.rows;
}

export async function findOrgGuide(tx: TenantTx, slug: string): Promise<OrgDocRow<RoleGuide> | null> {
  const r = await tx.query<OrgDocRow<RoleGuide>>(
    'select doc, created_by, updated_by, created_at, updated_at from org_role_guides where tenant_id = $1 and slug = $2',
    [tx.tenantId, slug],
  );
  return r.rows[0] ?? null;
}

export interface OrgGuideWrite {
  slug: string;
  guide: RoleGuide;
  userId: string | null;
}

export async function insertOrgGuide(tx: TenantTx, w: OrgGuideWrite): Promise<boolean> {
  const r = await tx.query(
    `insert into org_role_guides (tenant_id, slug, title, summary, doc, created_by, updated_by)
     values ($1, $2, $3, $4, $5, $6, $6)
     on conflict (tenant_id, slug) do nothing`,
    [tx.tenantId, w.slug, w.guide.title, w.guide.summary, JSON.stringify(w.guide), w.userId],
  );
  return r.rowCount > 0;
}

export async function updateOrgGuide(tx: TenantTx, w: OrgGuideWrite): Promise<boolean> {
  const r = await tx.query(
    `update org_role_guides set title = $3, summary = $4, doc = $5, updated_by = $6, updated_at = now()
      where tenant_id = $1 and slug = $2`,
    [tx.tenantId, w.slug, w.guide.title, w.guide.summary, JSON.stringify(w.guide), w.userId],
  );
  return r.rowCount > 0;
}

export async function deleteOrgGuide(tx: TenantTx, slug: string): Promise<boolean> {
  const r = await tx.query('delete from org_role_guides where tenant_id = $1 and slug = $2', [tx.tenantId, slug]);
  return r.rowCount > 0;
}

/** Serialises writes to one organization's content (a guide check and the questions it guards stay consistent). */
export async function lockOrgContent(tx: TenantTx): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('loopcoach.org-content:' || $1::text, 0))`, [tx.tenantId]);
}
