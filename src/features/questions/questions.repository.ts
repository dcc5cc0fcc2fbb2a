/** SQL for reading questions. Nothing else. */
import type { Queryable } from '../../infra/db/database.js';
import type { Question } from '../../core/content/schema.js';
import type { TenantTx } from '../../infra/db/tenant.js';

export interface QuestionSearch {
  role?: string | undefined;
  stage?: string | undefined;
  level?: string | undefined;
  difficulty?: string | undefined;
  skill?: string | undefined;
  /** A tsquery text (already sanitised by the core), or undefined for no text search. */
  tsquery?: string | undefined;
  limit: number;
  offset: number;
}

export interface QuestionHit {
  question: Question;
  rank: number | null;
}

/*
 * Search is one static statement (so the query catalogue and the tenant check see it), every filter a parameter that
 * may be null: $1 role, $2 stage, $3 level, $4 difficulty, $5 skill, $6 tsquery. The bank variant adds the tenant's
 * own questions ($7 the tenant) to the shipped ones; limit and offset come last.
 */
const FILTERS = `($1::text is null or $1 = any(roles)) and ($2::text is null or stage = $2) and ($3::text is null or $3 = any(levels))
   and ($4::text is null or difficulty = $4) and ($5::text is null or $5 = any(skills))
   and ($6::text is null or search @@ to_tsquery('english', $6))`;
const RANK = `case when $6::text is null then null else ts_rank_cd(search, to_tsquery('english', $6)) end`;
const SHIPPED_ARM = `select doc, ${RANK} as rank, difficulty, title, id from content_questions where ${FILTERS}`;
const ORG_ARM = `select doc, ${RANK} as rank, difficulty, title, id from org_questions where tenant_id = $7 and ${FILTERS}`;
const ORDER = `order by rank desc nulls last, case difficulty when 'easy' then 0 when 'medium' then 1 else 2 end, title, id`;
const SEARCH_SHIPPED = `select doc, rank, count(*) over () as total from (${SHIPPED_ARM}) b ${ORDER} limit $7 offset $8`;
const COUNT_SHIPPED = `select count(*) as n from (${SHIPPED_ARM}) b`;
const SEARCH_BANK = `select doc, rank, count(*) over () as total from (${SHIPPED_ARM} union all ${ORG_ARM}) b ${ORDER} limit $8 offset $9`;
const COUNT_BANK = `select count(*) as n from (${SHIPPED_ARM} union all ${ORG_ARM}) b`;

type SearchRow = { doc: Question; rank: number | null; total: string };

const filterParams = (s: QuestionSearch): unknown[] => [s.role ?? null, s.stage ?? null, s.level ?? null, s.difficulty ?? null, s.skill ?? null, s.tsquery ?? null];

const toHits = (rows: readonly SearchRow[]): QuestionHit[] => rows.map((r) => ({ question: r.doc, rank: r.rank }));

/** Shipped questions only (a signed-out visitor in server mode). */
export async function searchQuestions(db: Queryable, s: QuestionSearch): Promise<{ total: number; hits: QuestionHit[] }> {
  const filters = filterParams(s);
  const rows = (await db.query<SearchRow>(SEARCH_SHIPPED, [...filters, s.limit, s.offset])).rows;
  // Past the end the window count is gone: count separately so the caller still learns the total.
  const total = rows.length === 0 && s.offset > 0 ? Number((await db.query<{ n: string }>(COUNT_SHIPPED, filters)).rows[0]?.n ?? 0) : Number(rows[0]?.total ?? 0);
  return { total, hits: toHits(rows) };
}

/** Shipped questions and, beside them, the tenant's own. */
export async function searchBank(tx: TenantTx, s: QuestionSearch): Promise<{ total: number; hits: QuestionHit[] }> {
  const filters = [...filterParams(s), tx.tenantId];
  const rows = (await tx.query<SearchRow>(SEARCH_BANK, [...filters, s.limit, s.offset])).rows;
  const total = rows.length === 0 && s.offset > 0 ? Number((await tx.query<{ n: string }>(COUNT_BANK, filters)).rows[0]?.n ?? 0) : Number(rows[0]?.total ?? 0);
  return { total, hits: toHits(rows) };
}

export async function countContent(db: Queryable): Promise<{ roles: number; questions: number }> {
  const r = await db.query<{ roles: string; questions: string }>(
    'select (select count(*) from content_roles) as roles, (select count(*) from content_questions) as questions',
  );
  return { roles: Number(r.rows[0]?.roles ?? 0), questions: Number(r.rows[0]?.questions ?? 0) };
}

export interface FacetRow {
  facet: 'role' | 'stage' | 'level' | 'difficulty' | 'skill';
  id: string;
  count: string;
}

/** Per facet, the count of each value over the questions in `q` (a CTE the statements below define). */
const FACET_COUNTS = `select 'role' as facet, r as id, count(*) as count from q, unnest(q.roles) as r group by r
     union all select 'stage', stage, count(*) from q group by stage
     union all select 'level', l, count(*) from q, unnest(q.levels) as l group by l
     union all select 'difficulty', difficulty, count(*) from q group by difficulty
     union all select 'skill', s, count(*) from q, unnest(q.skills) as s group by s`;

/** Counts of questions per role, stage, level, difficulty and skill (optionally within one role): shipped questions. */
export async function questionFacets(db: Queryable, role: string | undefined): Promise<FacetRow[]> {
  const r = await db.query<FacetRow>(
    `with q as (select roles, stage, levels, difficulty, skills from content_questions where $1::text is null or $1 = any(roles))
     ${FACET_COUNTS}`,
    [role ?? null],
  );
  return r.rows;
}

/** The same counts over the shipped questions and the tenant's own. */
export async function bankFacets(tx: TenantTx, role: string | undefined): Promise<FacetRow[]> {
  const r = await tx.query<FacetRow>(
    `with q as (
       select roles, stage, levels, difficulty, skills from content_questions where $2::text is null or $2 = any(roles)
       union all
       select roles, stage, levels, difficulty, skills from org_questions where tenant_id = $1 and ($2::text is null or $2 = any(roles)))
     ${FACET_COUNTS}`,
    [tx.tenantId, role ?? null],
  );
  return r.rows;
}
