import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadModule, parseSync } from 'libpg-query';
import ts from 'typescript';
import { createSourceProgram, extractQueries, layout, renderCatalogue } from '../../scripts/lib/query-catalogue.js';
import {
  checkParsedSql,
  checkPlan,
  planConjuncts,
  tenantCheckMarker,
  tenantRelationsFromMigrations,
  type PlanNode,
  type RuleId,
} from '../../scripts/lib/tenant-sql-rules.js';

const TENANT = new Set(['attempts', 'plans', 'practice_sessions', 'review_cards', 'saved_questions']);

before(async () => {
  await loadModule();
});

/** The rule ids a statement breaks, in order. */
function rules(sql: string, tenant: ReadonlySet<string> = TENANT): RuleId[] {
  return checkParsedSql(parseSync(sql), sql, tenant).flatMap((r) => r.violations.map((v) => v.rule));
}

describe('tenant SQL rules: SELECT, UPDATE, DELETE', () => {
  it('flags a read of a tenant table without a tenant predicate', () => {
    assert.deepEqual(rules('select id, score from attempts where id = $1'), ['tenant-predicate']);
    const [report] = checkParsedSql(parseSync('select id from attempts a where a.id = $1'), 'select id from attempts a where a.id = $1', TENANT);
    assert.match(report?.violations[0]?.message ?? '', /attempts \(as a\)/);
  });

  it('accepts tenant_id = $n, qualified or not, through an alias, and cast', () => {
    assert.deepEqual(rules('select id from attempts where tenant_id = $1 and id = $2'), []);
    assert.deepEqual(rules('select a.id from attempts a where a.id = $2 and a.tenant_id = $1::uuid'), []);
    assert.deepEqual(rules('select a.id from attempts as a where $1 = a.tenant_id'), []);
  });

  it('does not count a tenant predicate inside an OR, or against a constant', () => {
    assert.deepEqual(rules('select id from attempts where tenant_id = $1 or id = $2'), ['tenant-predicate']);
    assert.deepEqual(rules("select id from attempts where tenant_id = 'a0000000-0000-4000-8000-000000000000'"), ['tenant-predicate']);
    assert.deepEqual(rules('select id from attempts where tenant_id is not null'), ['tenant-predicate']);
  });

  it('passes a join on tenant_id to a table that is constrained, and flags a join on anything else', () => {
    assert.deepEqual(rules('select a.id from attempts a join practice_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id where s.tenant_id = $1'), []);
    assert.deepEqual(rules('select a.id from attempts a, practice_sessions s where a.tenant_id = $1 and s.tenant_id = a.tenant_id and s.id = a.session_id'), []);
    assert.deepEqual(rules('select a.id from attempts a join practice_sessions s using (tenant_id) where a.tenant_id = $1'), []);
    assert.deepEqual(rules('select a.id from attempts a join practice_sessions s on s.id = a.session_id where a.tenant_id = $1'), ['tenant-predicate']);
    // Two tables joined on tenant_id with neither constrained: both are unconstrained.
    assert.deepEqual(rules('select * from attempts a join plans p on p.tenant_id = a.tenant_id'), ['tenant-predicate', 'tenant-predicate']);
  });

  it('reads an outer join ON only for the nullable side', () => {
    // The preserved side (s) is not filtered by ON: its predicate must be in WHERE.
    assert.deepEqual(rules('select * from saved_questions s left join attempts a on a.tenant_id = $1 and a.question_id = s.question_id'), ['tenant-predicate']);
    assert.deepEqual(rules('select * from saved_questions s left join attempts a on a.tenant_id = s.tenant_id and a.question_id = s.question_id where s.tenant_id = $1'), []);
    assert.deepEqual(rules('select * from saved_questions s left join attempts a on a.question_id = s.question_id where s.tenant_id = $1'), ['tenant-predicate']);
  });

  it('lets global content join tenant data freely (the app saved-questions list)', () => {
    const sql = `select s.question_id, q.title, s.note, s.created_at
       from saved_questions s left join content_questions q on q.id = s.question_id
      where s.tenant_id = $1 order by s.created_at desc, s.question_id`;
    assert.deepEqual(rules(sql), []);
  });

  it('flags a subquery on a tenant table without its own predicate, in SELECT, WHERE or FROM', () => {
    assert.deepEqual(rules('select a.id, (select count(*) from review_cards r) from attempts a where a.tenant_id = $1'), ['tenant-predicate']);
    assert.deepEqual(rules('select id from plans where tenant_id = $1 and id in (select plan_id from practice_sessions)'), ['tenant-predicate']);
    assert.deepEqual(rules('select * from (select * from attempts) x where x.tenant_id = $1'), ['tenant-predicate']);
    assert.deepEqual(rules('select * from content_questions q where exists (select 1 from saved_questions s where s.question_id = q.id)'), ['tenant-predicate']);
  });

  it('accepts a correlated subquery joined on tenant_id to a constrained outer table', () => {
    assert.deepEqual(rules('select a.id, (select count(*) from review_cards r where r.tenant_id = a.tenant_id) from attempts a where a.tenant_id = $1'), []);
    assert.deepEqual(rules('select a.id from attempts a where a.tenant_id = $1 and exists (select 1 from review_cards r where r.tenant_id = a.tenant_id and r.question_id = a.question_id)'), []);
    // …but not to an outer table that is itself unconstrained.
    assert.deepEqual(rules('select a.id, (select count(*) from review_cards r where r.tenant_id = a.tenant_id) from attempts a'), ['tenant-predicate', 'tenant-predicate']);
  });

  it('accepts distinct on and subselects over jsonb_array_elements (the app progress queries)', () => {
    assert.deepEqual(rules('select distinct on (question_id) question_id, score from attempts where tenant_id = $1 order by question_id, created_at desc'), []);
    const facts = `select id, (select coalesce(array_agg(m->>'id'), '{}') from jsonb_array_elements(result->'misses') m) as missed
       from attempts where tenant_id = $1 order by created_at desc, id limit $2`;
    assert.deepEqual(rules(facts), []);
  });

  it('checks CTEs: a constrained CTE anchors a join on its tenant_id; an unconstrained one is flagged', () => {
    assert.deepEqual(rules('with x as (select * from attempts where tenant_id = $1) select * from x join plans p on p.tenant_id = x.tenant_id'), []);
    assert.deepEqual(rules('with x as (select * from attempts) select * from x where x.tenant_id = $1'), ['tenant-predicate']);
    assert.deepEqual(rules('with x as (select * from content_questions) select * from x join plans p on p.tenant_id = x.id'), ['tenant-predicate']);
    // A CTE named like a tenant table shadows it.
    assert.deepEqual(rules('with attempts as (select 1 as id) select id from attempts'), []);
  });

  it('checks each branch of a set operation', () => {
    assert.deepEqual(rules('select id from plans where tenant_id = $1 union all select id from practice_sessions'), ['tenant-predicate']);
    assert.deepEqual(rules('select id from plans where tenant_id = $1 union all select id from practice_sessions where tenant_id = $1'), []);
  });

  it('applies to UPDATE and DELETE, including their FROM / USING tables', () => {
    assert.deepEqual(rules("update practice_sessions set status = 'finished' where id = $1"), ['tenant-predicate']);
    assert.deepEqual(rules("update practice_sessions set status = 'finished' where tenant_id = $1 and id = $2"), []);
    assert.deepEqual(rules('delete from plans where id = $1'), ['tenant-predicate']);
    assert.deepEqual(rules('delete from plans p using attempts a where a.tenant_id = $1 and p.tenant_id = a.tenant_id'), []);
    assert.deepEqual(rules('update attempts a set score = 0 from review_cards r where a.tenant_id = $1 and r.question_id = a.question_id'), ['tenant-predicate']);
  });
});

describe('tenant SQL rules: INSERT', () => {
  it('flags an INSERT into a tenant table that does not list tenant_id', () => {
    assert.deepEqual(rules('insert into plans (id, role) values ($1, $2)'), ['insert-tenant-id']);
    assert.deepEqual(rules('insert into plans values ($1, $2)'), ['insert-tenant-id']);
  });

  it('accepts tenant_id in the columns, with ON CONFLICT DO UPDATE or DO NOTHING', () => {
    assert.deepEqual(rules('insert into saved_questions (tenant_id, question_id, note) values ($1, $2, $3) on conflict (tenant_id, question_id) do update set note = excluded.note'), []);
    assert.deepEqual(rules('insert into attempts (tenant_id, id) values ($1, $2) on conflict (tenant_id, id) do nothing'), []);
  });

  it('checks the SELECT that feeds an INSERT', () => {
    assert.deepEqual(rules('insert into plans (tenant_id, id) select tenant_id, plan_id from practice_sessions'), ['tenant-predicate']);
    assert.deepEqual(rules('insert into plans (tenant_id, id) select tenant_id, plan_id from practice_sessions where tenant_id = $1'), []);
  });
});

describe('tenant SQL rules: markers and statements that touch no tenant data', () => {
  it('lets a marker with a reason opt a statement out, and reports the reason', () => {
    const sql = '/* tenant-check: platform aggregate, counts only */ select tenant_id, count(*) from attempts group by tenant_id';
    const [report] = checkParsedSql(parseSync(sql), sql, TENANT);
    assert.equal(report?.exemption, 'platform aggregate, counts only');
    assert.deepEqual(report.violations, []);
  });

  it('fails a marker without a reason', () => {
    assert.deepEqual(rules('select count(*) from attempts /* tenant-check */'), ['marker-reason', 'tenant-predicate']);
    assert.deepEqual(rules('select count(*) from attempts /* tenant-check:   */'), ['marker-reason', 'tenant-predicate']);
    assert.equal(tenantCheckMarker('select 1 /* tenant-check: why\n   it is fine */'), 'why it is fine');
    assert.equal(tenantCheckMarker('select 1 -- tenant-check: line comments do not count'), null);
  });

  it('passes content, the tenants directory, catalog queries, SET, transaction control and DDL', () => {
    for (const sql of [
      'select doc from content_questions where id = $1',
      "insert into tenants (id, slug, name, kind) values ($1, $2, 'Local workspace', 'personal') on conflict (slug) do nothing",
      'select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace',
      'set local role loopcoach_app',
      "select set_config('app.tenant_id', $1, true)",
      'begin',
      'create table if not exists schema_migrations (id text primary key)',
      'alter table attempts enable row level security',
    ]) {
      assert.deepEqual(rules(sql), [], sql);
    }
  });

  it('refuses to analyse MERGE, COPY and TRUNCATE of tenant tables', () => {
    assert.deepEqual(rules('truncate attempts'), ['unsupported']);
    assert.deepEqual(rules('merge into plans p using (select 1) s on true when matched then delete'), ['unsupported']);
  });

  it('checks each statement of a multi-statement text on its own', () => {
    const sql = 'select id from plans where tenant_id = $1; select id from attempts';
    const reports = checkParsedSql(parseSync(sql), sql, TENANT);
    assert.deepEqual(reports.map((r) => r.violations.map((v) => v.rule)), [[], ['tenant-predicate']]);
    assert.deepEqual(reports.map((r) => r.tenantTables), [['plans'], ['attempts']]);
  });
});

describe('tenant relations from migrations', () => {
  it('learns tables with tenant_id, columns added later, and views over them', () => {
    const migrations = [
      parseSync(`create table tenants (id uuid primary key);
        create table plans (tenant_id uuid not null references tenants (id), id uuid, primary key (tenant_id, id));
        create table content_roles (id text primary key);
        create table notes (id uuid primary key);
        alter table notes add column tenant_id uuid;
        create view usage with (security_invoker = true) as select t.id, (select count(*) from plans p where p.tenant_id = t.id) from tenants t;
        create view roles as select * from content_roles;`),
    ];
    const { tables, views } = tenantRelationsFromMigrations(migrations);
    assert.deepEqual([...tables].sort(), ['notes', 'plans']);
    assert.deepEqual([...views], ['usage']);
    assert.deepEqual(rules('select * from usage', new Set([...tables, ...views])), ['tenant-predicate']);
  });
});

describe('plan check', () => {
  const scan = (type: string, relation: string, alias: string, conds: Record<string, string> = {}, plans?: PlanNode[]): PlanNode => ({
    'Node Type': type,
    'Relation Name': relation,
    Alias: alias,
    ...conds,
    ...(plans ? { Plans: plans } : {}),
  });

  it('flags a scan of a tenant table with no tenant_id condition', () => {
    const problems = checkPlan(scan('Index Scan', 'attempts', 'attempts', { 'Index Cond': '(attempts.id = $1)' }), TENANT);
    assert.deepEqual(problems.map((p) => `${p.nodeType} ${p.relation}`), ['Index Scan attempts']);
  });

  it('accepts tenant_id = $n in Index Cond, Filter or a bitmap Recheck Cond, qualified or not', () => {
    assert.deepEqual(checkPlan(scan('Index Scan', 'attempts', 'a', { 'Index Cond': '((a.tenant_id = $1) AND (a.id = $2))' }), TENANT), []);
    assert.deepEqual(checkPlan(scan('Seq Scan', 'attempts', 'a', { Filter: '(tenant_id = $1)' }), TENANT), []);
    const bitmap = scan('Bitmap Heap Scan', 'plans', 'p', { 'Recheck Cond': '(p.tenant_id = $1)' }, [{ 'Node Type': 'Bitmap Index Scan', 'Index Cond': '(p.tenant_id = $1)' }]);
    assert.deepEqual(checkPlan(bitmap, TENANT), []);
    assert.equal(checkPlan(scan('Seq Scan', 'attempts', 'a', { Filter: '((a.tenant_id = $1) OR (a.id = $2))' }), TENANT).length, 1);
  });

  it('follows a tenant_id join chain (Hash Cond, or a parameterised inner scan) to an anchored scan', () => {
    const hash: PlanNode = {
      'Node Type': 'Hash Join',
      'Hash Cond': '(p.tenant_id = a.tenant_id)',
      Plans: [scan('Seq Scan', 'plans', 'p'), { 'Node Type': 'Hash', Plans: [scan('Seq Scan', 'attempts', 'a', { Filter: '(a.tenant_id = $1)' })] }],
    };
    assert.deepEqual(checkPlan(hash, TENANT), []);
    const unanchored: PlanNode = { ...hash, Plans: [scan('Seq Scan', 'plans', 'p'), { 'Node Type': 'Hash', Plans: [scan('Seq Scan', 'attempts', 'a')] }] };
    assert.equal(checkPlan(unanchored, TENANT).length, 2);
    const subplan = scan('Index Scan', 'attempts', 'a', { 'Index Cond': '(a.tenant_id = $1)' }, [
      { 'Node Type': 'Aggregate', 'Subplan Name': 'SubPlan 1', Plans: [scan('Bitmap Heap Scan', 'review_cards', 'r', { 'Recheck Cond': '(r.tenant_id = a.tenant_id)' })] },
    ]);
    assert.deepEqual(checkPlan(subplan, TENANT), []);
  });

  it('sees through a CTE: its scan anchors a join on the CTE scan tenant_id', () => {
    const plan: PlanNode = {
      'Node Type': 'Nested Loop',
      Plans: [
        { ...scan('Index Scan', 'attempts', 'attempts', { 'Index Cond': '(attempts.tenant_id = $1)' }), 'Subplan Name': 'CTE x' },
        { 'Node Type': 'CTE Scan', 'CTE Name': 'x', Alias: 'x' },
        scan('Bitmap Heap Scan', 'plans', 'p', { 'Recheck Cond': '(p.tenant_id = x.tenant_id)' }),
      ],
    };
    assert.deepEqual(checkPlan(plan, TENANT), []);
  });

  it('ignores scans of non-tenant relations and function scans', () => {
    assert.deepEqual(checkPlan({ 'Node Type': 'Seq Scan', 'Relation Name': 'content_questions', Alias: 'q', Plans: [{ 'Node Type': 'Function Scan', Alias: 'm' }] }, TENANT), []);
  });

  it('splits plan conditions into AND conjuncts and drops OR groups', () => {
    assert.deepEqual(planConjuncts('((a.tenant_id = $1) AND ((a.id = $2) OR (a.id = $3)))'), ['a.tenant_id = $1']);
  });
});

describe('query catalogue extraction', () => {
  const ROOT = '/virtual';
  function extract(files: Record<string, string>) {
    const paths = Object.keys(files).map((f) => `${ROOT}/${f}`).sort();
    const host = ts.createCompilerHost({});
    const read = (p: string): string | undefined => files[p.slice(ROOT.length + 1)];
    host.fileExists = (p) => read(p) !== undefined;
    host.readFile = read;
    host.directoryExists = (d) => d === ROOT || paths.some((p) => p.startsWith(`${d}/`));
    host.getCurrentDirectory = () => ROOT;
    host.realpath = (p) => p;
    host.getSourceFile = (p, lang) => {
      const text = read(p);
      return text === undefined ? undefined : ts.createSourceFile(p, text, lang, true);
    };
    return extractQueries(createSourceProgram(paths, host), paths, ROOT);
  }

  it('resolves literals, templates over module-level consts (also imported ones) and +', () => {
    const { entries, problems } = extract({
      'src/cols.ts': "export const COLS = 'id, score';\nexport const TABLE = `attempts`;",
      'src/repo.ts': [
        "import { COLS, TABLE } from './cols.js';",
        'const WHERE = `where tenant_id = $1`;',
        'const SELECT = `select ${COLS} from ${TABLE} ${WHERE}`;',
        'export async function find(db: any) {',
        '  await db.query(SELECT, [1]);',
        "  await db.query<{ n: number }>('select ' + '1');",
        '}',
        'export const repo = { count: async (db: any) => db.query(`select count(*) from plans`) };',
      ].join('\n'),
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(entries.map((e) => [e.file, e.line, e.fn, e.sql]), [
      ['src/repo.ts', 5, 'find', 'select id, score from attempts where tenant_id = $1'],
      ['src/repo.ts', 6, 'find', 'select 1'],
      ['src/repo.ts', 8, 'count', 'select count(*) from plans'],
    ]);
  });

  it('fails an unresolvable SQL argument with file and line, unless marked dynamic with a reason', () => {
    const { entries, problems } = extract({
      'src/a.ts': [
        'export async function f(db: any, sql: string) {',
        '  let where = "x";',
        '  await db.query(`select 1 ${where}`);',
        '  // query-catalogue: dynamic the adapter passes SQL through',
        '  await db.query(sql);',
        '  // query-catalogue: dynamic',
        '  await db.query(sql);',
        '  // query-catalogue: dynamic not needed',
        "  await db.query('select 2');",
        '}',
      ].join('\n'),
    });
    assert.deepEqual(problems.map((p) => `${p.file}:${String(p.line)}`), ['src/a.ts:3', 'src/a.ts:6', 'src/a.ts:8']);
    assert.match(problems[0]?.message ?? '', /"where" is not a module-level const/);
    assert.match(problems[1]?.message ?? '', /needs a reason/);
    assert.match(problems[2]?.message ?? '', /resolves statically/);
    assert.deepEqual(entries.map((e) => [e.line, e.dynamic, e.source]), [[5, 'the adapter passes SQL through', 'sql']]);
  });

  it('catalogues exec(sql) as SQL too, but not RegExp exec, nor any exec in the pure core', () => {
    const { entries, problems } = extract({
      'src/infra/m.ts': [
        'const WORD = /w+/;',
        'const RE = new RegExp("x");',
        'export async function m(db: any, text: string) {',
        "  await db.exec('create table if not exists t (id int)');",
        '  WORD.exec(text);',
        '  RE.exec(text);',
        '  /y/.exec(text);',
        '}',
      ].join('\n'),
      'src/core/c.ts': 'export const c = (re: any, t: string) => re.exec(t);',
      'src/infra/words.ts': 'export const WORDS = /[a-z]+/g;',
      'src/infra/use.ts': "import { WORDS } from './words.js';\nexport const first = (t: string) => WORDS.exec(t);",
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(entries.map((e) => [e.file, e.line, e.sql]), [['src/infra/m.ts', 4, 'create table if not exists t (id int)']]);
  });

  it('rejects a tenant-check marker written as a TypeScript comment outside the SQL', () => {
    const { problems } = extract({
      'src/a.ts': "export const f = (db: any) => db.query(\n  /* tenant-check: cross-tenant */\n  'select count(*) from attempts',\n);",
    });
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? '', /inside the SQL text/);
  });

  it('renders a deterministic catalogue: header, file:line and function, statements ending in ;', () => {
    const { entries } = extract({
      'src/b.ts': "export async function b(db: any) {\n  await db.query(`select 2\n         from plans\n        where tenant_id = $1`);\n}",
      'src/a.ts': "// query-catalogue: dynamic because\nexport const a = (db: any, s: string) => db.query(s);\nexport const c = (db: any) => db.query('select 1;');",
    });
    const text = renderCatalogue(entries);
    assert.equal(text, renderCatalogue([...entries].reverse().sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line))));
    const body = text.split('\n\n').slice(1).join('\n\n');
    assert.equal(
      body,
      [
        '-- src/a.ts:2 a\n-- query-catalogue: dynamic because\n-- (not a static statement; the argument as written:)\n--   s',
        '-- src/a.ts:3 c\nselect 1;',
        '-- src/b.ts:2 b\nselect 2\n from plans\nwhere tenant_id = $1;\n',
      ].join('\n\n'),
    );
    assert.equal(layout('\n   select 1\n     from x\n   '), 'select 1\nfrom x');
  });
});
