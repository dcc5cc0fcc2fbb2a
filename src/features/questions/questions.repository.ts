/** SQL for reading questions. Nothing else. */
import type { Queryable } from '../../infra/db/database.js';
import type { Question } from '../../core/content/schema.js';

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

export async function searchQuestions(db: Queryable, s: QuestionSearch): Promise<{ total: number; hits: QuestionHit[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown): string => {
    params.push(value);
    return `$${String(params.length)}`;
  };
  if (s.role) where.push(`${add(s.role)} = any(roles)`);
  if (s.stage) where.push(`stage = ${add(s.stage)}`);
  if (s.level) where.push(`${add(s.level)} = any(levels)`);
  if (s.difficulty) where.push(`difficulty = ${add(s.difficulty)}`);
  if (s.skill) where.push(`${add(s.skill)} = any(skills)`);
  let rank = 'null::real';
  if (s.tsquery) {
    const tsq = `to_tsquery('english', ${add(s.tsquery)})`;
    where.push(`search @@ ${tsq}`);
    rank = `ts_rank_cd(search, ${tsq})`;
  }
  const whereSql = where.length > 0 ? `where ${where.join(' and ')}` : '';
  const order = s.tsquery
    ? 'rank desc, id'
    : `case difficulty when 'easy' then 0 when 'medium' then 1 else 2 end, title`;
  // query-catalogue: dynamic search over global content (content_questions): WHERE, rank and ORDER BY are picked from fixed fragments above, every value is a bind parameter
  const rows = await db.query<{ doc: Question; rank: number | null; total: string }>(
    `select doc, ${rank} as rank, count(*) over () as total
       from content_questions ${whereSql}
      order by ${order}
      limit ${add(s.limit)} offset ${add(s.offset)}`,
    params,
  );
  let total = Number(rows.rows[0]?.total ?? 0);
  if (rows.rows.length === 0 && s.offset > 0) {
    // Past the end: count separately so the caller still learns the total.
    // query-catalogue: dynamic the same fixed filter fragments over global content as the search above, to count past the end
    const c = await db.query<{ n: string }>(`select count(*) as n from content_questions ${whereSql}`, params.slice(0, -2));
    total = Number(c.rows[0]?.n ?? 0);
  }
  return { total, hits: rows.rows.map((r) => ({ question: r.doc, rank: r.rank })) };
}

export async function findQuestion(db: Queryable, id: string): Promise<Question | null> {
  const r = await db.query<{ doc: Question }>('select doc from content_questions where id = $1', [id]);
  return r.rows[0]?.doc ?? null;
}

export async function listQuestionsForRole(db: Queryable, role: string): Promise<Question[]> {
  const r = await db.query<{ doc: Question }>(
    `select doc from content_questions where $1 = any(roles)
      order by case difficulty when 'easy' then 0 when 'medium' then 1 else 2 end, title`,
    [role],
  );
  return r.rows.map((row) => row.doc);
}

export async function listAllQuestions(db: Queryable): Promise<Question[]> {
  return (await db.query<{ doc: Question }>('select doc from content_questions order by id')).rows.map((r) => r.doc);
}

/** Every question's title by id (what a plan's Markdown needs, without loading whole documents). */
export async function questionTitles(db: Queryable): Promise<Map<string, string>> {
  const r = await db.query<{ id: string; title: string }>('select id, title from content_questions');
  return new Map(r.rows.map((row) => [row.id, row.title]));
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

/** Counts of questions per role, stage, level, difficulty and skill (optionally within one role). */
export async function questionFacets(db: Queryable, role: string | undefined): Promise<FacetRow[]> {
  const r = await db.query<FacetRow>(
    `with q as (select * from content_questions where $1::text is null or $1 = any(roles))
     select 'role' as facet, r as id, count(*) as count from q, unnest(q.roles) as r group by r
     union all select 'stage', stage, count(*) from q group by stage
     union all select 'level', l, count(*) from q, unnest(q.levels) as l group by l
     union all select 'difficulty', difficulty, count(*) from q group by difficulty
     union all select 'skill', s, count(*) from q, unnest(q.skills) as s group by s`,
    [role ?? null],
  );
  return r.rows;
}

/** Stage names from the role guides (the first guide, by id, that defines a stage id names it). */
export async function stageNames(db: Queryable): Promise<Map<string, string>> {
  const r = await db.query<{ id: string; name: string }>(
    `select distinct on (s->>'id') s->>'id' as id, s->>'name' as name
       from content_roles, jsonb_array_elements(doc->'stages') as s
      order by s->>'id', case when content_roles.id = 'backend' then 0 else 1 end, content_roles.id`,
  );
  return new Map(r.rows.map((row) => [row.id, row.name]));
}
