/**
 * The tenant-isolation rules for SQL (docs/decisions/0002, ../shared/guides/tenancy.md "Static analysis of queries").
 * Pure: it reads parse trees from the real PostgreSQL parser (libpg-query) and EXPLAIN plans as JSON, and returns
 * problems. No I/O, so the unit tests feed it sample SQL; scripts/check-queries.ts feeds it the query catalogue.
 *
 * Statement rules (on the parse tree):
 * - `tenant-predicate`: every SELECT / UPDATE / DELETE range entry that is a tenant relation (a table with a tenant_id
 *   column, or a view over one) is constrained by `tenant_id = $n` in a top-level AND of its WHERE (or its join's ON), or is joined on
 *   tenant_id to an entry that is, at the same level or in an enclosing query (correlated subqueries). Subqueries,
 *   CTEs and set operations are checked on their own: a subquery over a tenant table carries its own predicate. A
 *   CTE or FROM subquery that reads tenant tables and constrains all of them anchors a join on its tenant_id.
 * - `insert-tenant-id`: every INSERT into a tenant table lists tenant_id among its columns. ON CONFLICT ... DO UPDATE
 *   only touches the conflicting row, which has the inserted tenant_id, so it needs nothing more.
 * - `unsupported`: MERGE, COPY and TRUNCATE on a tenant table are not analysed; each needs a reviewed marker.
 * - `marker-reason`: a statement opts out with the comment `/* tenant-check: <reason> *\/` inside its text; a
 *   marker without a reason is itself a violation.
 *
 * Plan rule (on `EXPLAIN (GENERIC_PLAN, VERBOSE, FORMAT JSON)`): every scan node on a tenant relation has a
 * condition `tenant_id = $n`, or a `tenant_id = other.tenant_id` condition (its own, or a join's Hash/Merge Cond or
 * Join Filter) that chains to a scan that has one.
 */
import type { A_Expr, DeleteStmt, InsertStmt, JoinExpr, Node, ParseResult, RangeVar, SelectStmt, UpdateStmt, WithClause } from 'libpg-query';

export type RuleId = 'tenant-predicate' | 'insert-tenant-id' | 'unsupported' | 'marker-reason';

export interface Violation {
  rule: RuleId;
  message: string;
}

export interface StatementReport {
  /** The top-level node type: SelectStmt, InsertStmt, VariableSetStmt… */
  kind: string;
  /** This statement's text (a slice of the entry when it holds several). */
  sql: string;
  /** Tenant tables the statement reads or writes, sorted. */
  tenantTables: string[];
  /** The reason from a `/* tenant-check: <reason> *\/` marker; the statement's rules are then skipped. */
  exemption: string | null;
  violations: Violation[];
}

/** DML kinds the plan check can EXPLAIN. */
export const DML_KINDS: ReadonlySet<string> = new Set(['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

const MARKER = /\/\*\s*tenant-check\b([\s\S]*?)\*\//;

/** The tenant-check marker in a statement's text: null when absent, '' when present without a reason. */
export function tenantCheckMarker(sql: string): string | null {
  const m = MARKER.exec(sql);
  if (!m) return null;
  return (m[1] ?? '').replace(/^\s*:/, '').replace(/\s+/g, ' ').trim();
}

export interface TenantRelations {
  /** Tables with a tenant_id column. */
  tables: Set<string>;
  /** Views that read a tenant table (or another such view): their rows are tenant data too. */
  views: Set<string>;
}

/**
 * Tenant relations declared by migrations, in order: CREATE TABLE with a tenant_id column, ALTER TABLE … ADD COLUMN
 * tenant_id, and CREATE VIEW over any of those.
 */
export function tenantRelationsFromMigrations(migrations: readonly ParseResult[]): TenantRelations {
  const tables = new Set<string>();
  const views = new Set<string>();
  for (const result of migrations) {
    for (const raw of result.stmts ?? []) {
      const stmt = raw.stmt;
      if (!stmt) continue;
      if ('CreateStmt' in stmt) {
        const name = stmt.CreateStmt.relation?.relname;
        const hasTenant = (stmt.CreateStmt.tableElts ?? []).some((e) => 'ColumnDef' in e && e.ColumnDef.colname === 'tenant_id');
        if (name && hasTenant) tables.add(name);
      } else if ('AlterTableStmt' in stmt) {
        const name = stmt.AlterTableStmt.relation?.relname;
        for (const cmd of stmt.AlterTableStmt.cmds ?? []) {
          if (!('AlterTableCmd' in cmd) || cmd.AlterTableCmd.subtype !== 'AT_AddColumn') continue;
          const def = cmd.AlterTableCmd.def;
          if (name && def && 'ColumnDef' in def && def.ColumnDef.colname === 'tenant_id') tables.add(name);
        }
      } else if ('ViewStmt' in stmt) {
        const name = stmt.ViewStmt.view?.relname;
        const reads = relationNames(stmt.ViewStmt.query);
        if (name && reads.some((r) => tables.has(r) || views.has(r))) views.add(name);
      }
    }
  }
  return { tables, views };
}

/** Every relation name a parse tree mentions (RangeVar anywhere inside it). */
function relationNames(value: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (typeof v === 'object' && v !== null) {
      for (const [key, x] of Object.entries(v) as [string, unknown][]) {
        if (key === 'RangeVar') {
          const name = (x as RangeVar).relname;
          if (typeof name === 'string') out.push(name);
        }
        visit(x);
      }
    }
  };
  visit(value);
  return out;
}

/** Checks every statement of one parsed SQL text (one catalogue entry). */
export function checkParsedSql(parsed: ParseResult, sql: string, tenantTables: ReadonlySet<string>): StatementReport[] {
  const stmts = parsed.stmts ?? [];
  return stmts.map((raw) => {
    const start = raw.stmt_location ?? 0;
    // The last statement may have no length (it runs to the end); a marker may also sit after the last semicolon.
    const text = stmts.length === 1 ? sql : raw.stmt_len ? sql.slice(start, start + raw.stmt_len) : sql.slice(start);
    const stmt = raw.stmt;
    const kind = stmt ? Object.keys(stmt)[0] ?? 'unknown' : 'empty';
    const analysis = new Analysis(tenantTables);
    if (stmt) analysis.statement(stmt, { outer: null, ctes: new Map() });
    const marker = tenantCheckMarker(text);
    const tenantTablesTouched = [...analysis.touched].sort();
    if (marker === null) return { kind, sql: text.trim(), tenantTables: tenantTablesTouched, exemption: null, violations: analysis.violations };
    if (marker === '') {
      return {
        kind,
        sql: text.trim(),
        tenantTables: tenantTablesTouched,
        exemption: null,
        violations: [
          { rule: 'marker-reason', message: 'the tenant-check marker needs a reason: /* tenant-check: <why this statement may cross tenants> */' },
          ...analysis.violations,
        ],
      };
    }
    return { kind, sql: text.trim(), tenantTables: tenantTablesTouched, exemption: marker, violations: [] };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Statement analysis
// ---------------------------------------------------------------------------------------------------------------

/**
 * One range entry of a query level: `table` is set when it is a tenant table (not a CTE of the same name);
 * `derivedAnchor` when it is a CTE or subquery that reads tenant tables and constrains every one of them, so its
 * tenant_id is the request's tenant and a join on it anchors the other side.
 */
interface Rel {
  name: string;
  table: string | null;
  derivedAnchor?: boolean;
}

/** One query level (SELECT, UPDATE or DELETE) with the entries its FROM exposes. */
interface Scope {
  rels: Rel[];
  anchored: Set<Rel>;
  parent: Scope | null;
}

interface Ctx {
  /** The enclosing query level, for correlated subqueries and LATERAL. */
  outer: Scope | null;
  /** CTEs visible here (a range entry with such a name is not a base table), and whether each is tenant-anchored. */
  ctes: Ctes;
}

type Ctes = ReadonlyMap<string, boolean>;

/** What a join's ON applies to: the entries it filters (its nullable side for outer joins). */
interface Condition {
  expr: Node;
  filters: ReadonlySet<Rel> | 'all';
}

class Analysis {
  readonly violations: Violation[] = [];
  readonly touched = new Set<string>();
  /** Tenant-table references seen so far (to tell whether a sub-statement read any). */
  private references = 0;

  constructor(private readonly tenantTables: ReadonlySet<string>) {}

  statement(node: Node, ctx: Ctx): void {
    if ('SelectStmt' in node) this.select(node.SelectStmt, ctx);
    else if ('InsertStmt' in node) this.insert(node.InsertStmt, ctx);
    else if ('UpdateStmt' in node) this.update(node.UpdateStmt, ctx);
    else if ('DeleteStmt' in node) this.delete(node.DeleteStmt, ctx);
    else if ('ExplainStmt' in node) {
      if (node.ExplainStmt.query) this.statement(node.ExplainStmt.query, ctx);
    } else if ('MergeStmt' in node) {
      const ctes = this.withClause(node.MergeStmt.withClause, ctx);
      const table = this.tenantTableOf(node.MergeStmt.relation, ctes);
      if (table) this.violations.push({ rule: 'unsupported', message: `MERGE into tenant table ${table} is not analysed: use INSERT … ON CONFLICT, or review it and add /* tenant-check: <reason> */` });
    } else if ('CopyStmt' in node) {
      const table = this.tenantTableOf(node.CopyStmt.relation, ctx.ctes);
      if (table) this.violations.push({ rule: 'unsupported', message: `COPY of tenant table ${table} crosses tenants: review it and add /* tenant-check: <reason> */` });
      if (node.CopyStmt.query) this.statement(node.CopyStmt.query, ctx);
    } else if ('TruncateStmt' in node) {
      for (const r of node.TruncateStmt.relations ?? []) {
        const table = 'RangeVar' in r ? this.tenantTableOf(r.RangeVar, ctx.ctes) : null;
        if (table) this.violations.push({ rule: 'unsupported', message: `TRUNCATE of tenant table ${table} crosses tenants: review it and add /* tenant-check: <reason> */` });
      }
    }
    // Everything else (SET, transaction control, DDL, DO blocks, GRANT…) reads no tenant rows.
  }

  /** Checks a sub-statement; true when it read tenant tables and constrained every one of them. */
  private anchoredStatement(node: Node, ctx: Ctx): boolean {
    const references = this.references;
    const violations = this.violations.length;
    this.statement(node, ctx);
    return this.references > references && this.violations.length === violations;
  }

  /** Checks the CTEs and returns the CTEs visible to the statement's body. */
  private withClause(w: WithClause | undefined, ctx: Ctx): Ctes {
    if (!w?.ctes) return ctx.ctes;
    const ctes = w.ctes.flatMap((c) => ('CommonTableExpr' in c ? [c.CommonTableExpr] : []));
    // A non-recursive CTE sees the CTEs before it; a recursive WITH sees all of them (not anchored: they refer
    // to themselves).
    const seen = new Map(ctx.ctes);
    if (w.recursive) for (const c of ctes) if (c.ctename) seen.set(c.ctename, false);
    for (const c of ctes) {
      const anchored = c.ctequery ? this.anchoredStatement(c.ctequery, { outer: ctx.outer, ctes: new Map(seen) }) : false;
      if (c.ctename) seen.set(c.ctename, anchored && !w.recursive);
    }
    return seen;
  }

  private tenantTableOf(rv: RangeVar | undefined, ctes: Ctes): string | null {
    const name = rv?.relname;
    if (!rv || !name) return null;
    if (!rv.schemaname && ctes.has(name)) return null;
    if (rv.schemaname && rv.schemaname !== 'public') return null;
    if (!this.tenantTables.has(name)) return null;
    this.touched.add(name);
    this.references++;
    return name;
  }

  private select(s: SelectStmt, ctx: Ctx): void {
    const ctes = this.withClause(s.withClause, ctx);
    const inner: Ctx = { outer: ctx.outer, ctes };
    if (s.op && s.op !== 'SETOP_NONE') {
      if (s.larg) this.select(s.larg, inner);
      if (s.rarg) this.select(s.rarg, inner);
      this.sublinks([s.sortClause, s.limitCount, s.limitOffset], inner);
      return;
    }
    if (s.valuesLists) this.sublinks(s.valuesLists, inner);
    const scope: Scope = { rels: [], anchored: new Set(), parent: ctx.outer };
    const conditions: Condition[] = [];
    const deferred: (() => void)[] = [];
    for (const item of s.fromClause ?? []) this.fromItem(item, scope, ctes, conditions, deferred);
    if (s.whereClause) conditions.push({ expr: s.whereClause, filters: 'all' });
    this.resolve(scope, conditions, 'select');
    const here: Ctx = { outer: scope, ctes };
    for (const run of deferred) run();
    this.sublinks([s.targetList, s.whereClause, s.havingClause, s.groupClause, s.sortClause, s.distinctClause, s.windowClause, s.limitCount, s.limitOffset], here);
  }

  private update(u: UpdateStmt, ctx: Ctx): void {
    const ctes = this.withClause(u.withClause, ctx);
    const scope: Scope = { rels: [], anchored: new Set(), parent: ctx.outer };
    const conditions: Condition[] = [];
    const deferred: (() => void)[] = [];
    if (u.relation) this.fromItem({ RangeVar: u.relation }, scope, ctes, conditions, deferred);
    for (const item of u.fromClause ?? []) this.fromItem(item, scope, ctes, conditions, deferred);
    if (u.whereClause) conditions.push({ expr: u.whereClause, filters: 'all' });
    this.resolve(scope, conditions, 'update');
    for (const run of deferred) run();
    this.sublinks([u.targetList, u.whereClause, u.returningClause], { outer: scope, ctes });
  }

  private delete(d: DeleteStmt, ctx: Ctx): void {
    const ctes = this.withClause(d.withClause, ctx);
    const scope: Scope = { rels: [], anchored: new Set(), parent: ctx.outer };
    const conditions: Condition[] = [];
    const deferred: (() => void)[] = [];
    if (d.relation) this.fromItem({ RangeVar: d.relation }, scope, ctes, conditions, deferred);
    for (const item of d.usingClause ?? []) this.fromItem(item, scope, ctes, conditions, deferred);
    if (d.whereClause) conditions.push({ expr: d.whereClause, filters: 'all' });
    this.resolve(scope, conditions, 'delete');
    for (const run of deferred) run();
    this.sublinks([d.whereClause, d.returningClause], { outer: scope, ctes });
  }

  private insert(i: InsertStmt, ctx: Ctx): void {
    const ctes = this.withClause(i.withClause, ctx);
    const table = this.tenantTableOf(i.relation, ctes);
    if (table) {
      const cols = (i.cols ?? []).flatMap((c) => ('ResTarget' in c && c.ResTarget.name ? [c.ResTarget.name] : []));
      if (!cols.includes('tenant_id')) {
        this.violations.push({
          rule: 'insert-tenant-id',
          message: cols.length === 0 ? `INSERT into ${table} names no columns: list tenant_id explicitly` : `INSERT into ${table} does not list tenant_id`,
        });
      }
    }
    if (i.selectStmt) this.statement(i.selectStmt, { outer: ctx.outer, ctes });
    // ON CONFLICT … DO UPDATE and RETURNING see the one row being written, which carries the inserted tenant_id.
    const target: Rel = { name: i.relation?.alias?.aliasname ?? i.relation?.relname ?? '', table };
    const scope: Scope = { rels: [target], anchored: new Set([target]), parent: ctx.outer };
    this.sublinks([i.onConflictClause?.targetList, i.onConflictClause?.whereClause, i.returningClause], { outer: scope, ctes });
  }

  /** Adds one FROM item's range entries to the scope; subqueries and function arguments are checked later. */
  private fromItem(item: Node, scope: Scope, ctes: Ctes, conditions: Condition[], deferred: (() => void)[]): Rel[] {
    if ('RangeVar' in item) {
      const rv = item.RangeVar;
      const table = this.tenantTableOf(rv, ctes);
      const cte = !rv.schemaname && rv.relname !== undefined ? ctes.get(rv.relname) : undefined;
      const rel: Rel = { name: rv.alias?.aliasname ?? rv.relname ?? '', table, derivedAnchor: cte === true };
      scope.rels.push(rel);
      return [rel];
    }
    if ('JoinExpr' in item) return this.join(item.JoinExpr, scope, ctes, conditions, deferred);
    if ('RangeSubselect' in item) {
      const sub = item.RangeSubselect;
      const rel: Rel = { name: sub.alias?.aliasname ?? '', table: null };
      scope.rels.push(rel);
      const q = sub.subquery;
      // LATERAL subqueries may refer to earlier entries: check them once this level's anchors are known.
      if (q && sub.lateral) {
        deferred.push(() => {
          this.statement(q, { outer: scope, ctes });
        });
      } else if (q) rel.derivedAnchor = this.anchoredStatement(q, { outer: scope.parent, ctes });
      return [rel];
    }
    if ('RangeFunction' in item) {
      const fn = item.RangeFunction;
      const rel: Rel = { name: fn.alias?.aliasname ?? '', table: null };
      scope.rels.push(rel);
      deferred.push(() => {
        this.sublinks(fn.functions, { outer: scope, ctes });
      });
      return [rel];
    }
    if ('RangeTableSample' in item) {
      const rel = item.RangeTableSample.relation;
      return rel ? this.fromItem(rel, scope, ctes, conditions, deferred) : [];
    }
    const rel: Rel = { name: '', table: null };
    scope.rels.push(rel);
    return [rel];
  }

  private join(j: JoinExpr, scope: Scope, ctes: Ctes, conditions: Condition[], deferred: (() => void)[]): Rel[] {
    const left = j.larg ? this.fromItem(j.larg, scope, ctes, conditions, deferred) : [];
    const right = j.rarg ? this.fromItem(j.rarg, scope, ctes, conditions, deferred) : [];
    // ON filters both sides of an inner join, only the nullable side of an outer join, neither side of a full join.
    const filters: ReadonlySet<Rel> =
      j.jointype === 'JOIN_LEFT' ? new Set(right)
      : j.jointype === 'JOIN_RIGHT' ? new Set(left)
      : j.jointype === 'JOIN_FULL' ? new Set()
      : new Set([...left, ...right]);
    if (j.quals) {
      conditions.push({ expr: j.quals, filters });
      const quals = j.quals;
      deferred.push(() => {
        this.sublinks(quals, { outer: scope, ctes });
      });
    }
    const using = (j.usingClause ?? []).some((u) => 'String' in u && u.String.sval === 'tenant_id');
    if (using) {
      // USING (tenant_id): each side's tenant table equals the other's tenant_id.
      const l = left.find((r) => r.table !== null);
      const r = right.find((x) => x.table !== null);
      if (l && r) conditions.push({ expr: tenantEquality(l.name, r.name), filters });
    }
    return [...left, ...right];
  }

  /** Computes which tenant entries of the level are anchored, and reports the ones that are not. */
  private resolve(scope: Scope, conditions: readonly Condition[], verb: 'select' | 'update' | 'delete'): void {
    const anchors = new Set<Rel>(scope.rels.filter((r) => r.derivedAnchor === true));
    const links: { from: Rel; to: Rel }[] = [];
    const allowed = (c: Condition, r: Rel): boolean => c.filters === 'all' || c.filters.has(r);
    for (const c of conditions) {
      for (const conjunct of andConjuncts(c.expr)) {
        const eq = equality(conjunct);
        if (!eq) continue;
        const [a, b] = eq;
        if (a.kind === 'tenant' && b.kind === 'param') this.anchor(scope, a.qualifier, c, anchors, allowed);
        else if (a.kind === 'param' && b.kind === 'tenant') this.anchor(scope, b.qualifier, c, anchors, allowed);
        else if (a.kind === 'tenant' && b.kind === 'tenant') {
          const ra = lookup(scope, a.qualifier);
          const rb = lookup(scope, b.qualifier);
          if (!ra || !rb || ra.rel === rb.rel) continue;
          // A reference to an enclosing level is a source only: it is anchored or not already.
          if (ra.scope === scope && allowed(c, ra.rel)) links.push({ from: rb.rel, to: ra.rel });
          if (rb.scope === scope && allowed(c, rb.rel)) links.push({ from: ra.rel, to: rb.rel });
          if (ra.scope !== scope && ra.scope.anchored.has(ra.rel)) anchors.add(ra.rel);
          if (rb.scope !== scope && rb.scope.anchored.has(rb.rel)) anchors.add(rb.rel);
        }
      }
    }
    const anchored = new Set(anchors);
    for (let changed = true; changed; ) {
      changed = false;
      for (const l of links) {
        if (anchored.has(l.from) && !anchored.has(l.to)) {
          anchored.add(l.to);
          changed = true;
        }
      }
    }
    for (const r of scope.rels) if (anchored.has(r)) scope.anchored.add(r);
    for (const r of scope.rels) {
      if (r.table === null || scope.anchored.has(r)) continue;
      const named = r.name === r.table ? r.table : `${r.table} (as ${r.name})`;
      this.violations.push({
        rule: 'tenant-predicate',
        message: `${verb} on tenant table ${named} without tenant_id = $n (or a join on tenant_id to a table that has it)`,
      });
    }
  }

  private anchor(scope: Scope, qualifier: string | null, c: Condition, anchors: Set<Rel>, allowed: (c: Condition, r: Rel) => boolean): void {
    const found = lookup(scope, qualifier);
    if (found && found.scope === scope && allowed(c, found.rel)) anchors.add(found.rel);
  }

  /** Finds sub-selects anywhere inside expressions and checks each as its own query level. */
  private sublinks(value: unknown, ctx: Ctx): void {
    if (Array.isArray(value)) {
      for (const v of value) this.sublinks(v, ctx);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, v] of Object.entries(value)) {
      if (key === 'SubLink' && typeof v === 'object' && v !== null) {
        const link = v as { testexpr?: unknown; subselect?: Node };
        this.sublinks(link.testexpr, ctx);
        if (link.subselect) this.statement(link.subselect, ctx);
      } else this.sublinks(v, ctx);
    }
  }
}

type Operand = { kind: 'tenant'; qualifier: string | null } | { kind: 'param' } | { kind: 'other' };

/** Splits an expression into its top-level AND conjuncts (an OR branch constrains nothing). */
function andConjuncts(expr: Node): Node[] {
  if ('BoolExpr' in expr && expr.BoolExpr.boolop === 'AND_EXPR') return (expr.BoolExpr.args ?? []).flatMap(andConjuncts);
  return [expr];
}

function equality(expr: Node): [Operand, Operand] | null {
  if (!('A_Expr' in expr)) return null;
  const e: A_Expr = expr.A_Expr;
  const op = e.name?.length === 1 && e.name[0] && 'String' in e.name[0] ? e.name[0].String.sval : undefined;
  if (e.kind !== 'AEXPR_OP' || op !== '=' || !e.lexpr || !e.rexpr) return null;
  return [operand(e.lexpr), operand(e.rexpr)];
}

function operand(node: Node): Operand {
  if ('TypeCast' in node) return node.TypeCast.arg ? operand(node.TypeCast.arg) : { kind: 'other' };
  if ('ParamRef' in node) return { kind: 'param' };
  if ('ColumnRef' in node) {
    const names = (node.ColumnRef.fields ?? []).map((f) => ('String' in f ? f.String.sval ?? '' : '*'));
    if (names[names.length - 1] !== 'tenant_id') return { kind: 'other' };
    return { kind: 'tenant', qualifier: names.length >= 2 ? names[names.length - 2] ?? null : null };
  }
  return { kind: 'other' };
}

/** Resolves `qualifier.tenant_id` (or an unqualified tenant_id) to a range entry, innermost level first. */
function lookup(scope: Scope, qualifier: string | null): { scope: Scope; rel: Rel } | null {
  for (let s: Scope | null = scope; s; s = s.parent) {
    if (qualifier !== null) {
      const rel = s.rels.find((r) => r.name === qualifier);
      if (rel) return { scope: s, rel };
    } else {
      // Unqualified: the one tenant table at this level (PostgreSQL itself rejects an ambiguous name).
      const tenant = s.rels.filter((r) => r.table !== null);
      if (tenant.length === 1 && tenant[0]) return { scope: s, rel: tenant[0] };
      if (tenant.length > 1) return null;
    }
  }
  return null;
}

function tenantEquality(left: string, right: string): Node {
  const col = (q: string): Node => ({ ColumnRef: { fields: [{ String: { sval: q } }, { String: { sval: 'tenant_id' } }] } });
  return { A_Expr: { kind: 'AEXPR_OP', name: [{ String: { sval: '=' } }], lexpr: col(left), rexpr: col(right) } };
}

// ---------------------------------------------------------------------------------------------------------------
// Plan check
// ---------------------------------------------------------------------------------------------------------------

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'CTE Name'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

export interface PlanProblem {
  nodeType: string;
  relation: string;
  alias: string;
  message: string;
}

const SCAN_CONDITIONS = ['Filter', 'Index Cond', 'Recheck Cond', 'TID Cond'] as const;
const JOIN_CONDITIONS = ['Hash Cond', 'Merge Cond', 'Join Filter'] as const;

interface PlanScan {
  node: PlanNode;
  alias: string;
  relation: string | null;
}

/**
 * Walks an EXPLAIN (FORMAT JSON) plan: every scan of a tenant relation needs `tenant_id = $n` in its own condition,
 * or a `tenant_id = x.tenant_id` condition chaining it to a scan that has one. A CTE or subquery scan counts as
 * anchored when every tenant scan inside it is.
 */
export function checkPlan(root: PlanNode, tenantTables: ReadonlySet<string>): PlanProblem[] {
  const scans: PlanScan[] = [];
  const anchors = new Set<string>();
  const links: [string, string][] = [];
  /** CTE or subquery alias → the tenant scans inside it. */
  const derived = new Map<string, string[]>();
  const cteBodies = new Map<string, PlanNode>();

  const collectCtes = (node: PlanNode): void => {
    const sub = node['Subplan Name'];
    if (typeof sub === 'string' && sub.startsWith('CTE ')) cteBodies.set(sub.slice(4), node);
    for (const c of node.Plans ?? []) collectCtes(c);
  };
  collectCtes(root);

  const tenantScansUnder = (node: PlanNode): string[] => {
    const out: string[] = [];
    const visit = (n: PlanNode): void => {
      const rel = n['Relation Name'];
      if (rel && tenantTables.has(rel) && n['Node Type'] !== 'ModifyTable' && typeof n.Alias === 'string') out.push(n.Alias);
      for (const c of n.Plans ?? []) visit(c);
    };
    visit(node);
    return out;
  };

  const visit = (node: PlanNode): void => {
    const type = node['Node Type'];
    const alias = typeof node.Alias === 'string' ? node.Alias : null;
    const rel = node['Relation Name'] ?? null;
    if (alias && type !== 'ModifyTable' && /Scan$/.test(type) && type !== 'Bitmap Index Scan') {
      scans.push({ node, alias, relation: rel });
      const own = [...SCAN_CONDITIONS.map((k) => node[k]), ...bitmapIndexConds(node)];
      for (const cond of own) if (typeof cond === 'string') facts(cond, alias, anchors, links);
      if (type === 'CTE Scan' && typeof node['CTE Name'] === 'string') {
        const body = cteBodies.get(node['CTE Name']);
        derived.set(alias, body ? tenantScansUnder(body) : []);
      } else if (type === 'Subquery Scan') derived.set(alias, tenantScansUnder(node));
    }
    for (const k of JOIN_CONDITIONS) {
      const cond = node[k];
      if (typeof cond === 'string') facts(cond, null, anchors, links);
    }
    for (const c of node.Plans ?? []) visit(c);
  };
  visit(root);

  const anchored = new Set(anchors);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [alias, inner] of derived) {
      if (!anchored.has(alias) && inner.length > 0 && inner.every((a) => anchored.has(a))) {
        anchored.add(alias);
        changed = true;
      }
    }
    for (const [a, b] of links) {
      if (anchored.has(a) && !anchored.has(b)) {
        anchored.add(b);
        changed = true;
      }
      if (anchored.has(b) && !anchored.has(a)) {
        anchored.add(a);
        changed = true;
      }
    }
  }
  return scans
    .filter((s) => s.relation !== null && tenantTables.has(s.relation) && !anchored.has(s.alias))
    .map((s) => ({
      nodeType: s.node['Node Type'],
      relation: s.relation ?? '',
      alias: s.alias,
      message: `${s.node['Node Type']} on ${s.relation ?? ''}${s.alias !== s.relation ? ` ${s.alias}` : ''} has no tenant_id condition (nor a tenant_id join to a scan that has one)`,
    }));
}

function bitmapIndexConds(node: PlanNode): unknown[] {
  if (node['Node Type'] !== 'Bitmap Heap Scan') return [];
  const out: unknown[] = [];
  const visit = (n: PlanNode): void => {
    if (n['Node Type'] === 'Bitmap Index Scan') out.push(n['Index Cond']);
    if (n['Node Type'] === 'BitmapAnd') for (const c of n.Plans ?? []) visit(c);
  };
  for (const c of node.Plans ?? []) visit(c);
  return out;
}

const PLAN_OPERAND = String.raw`(\(?\$\d+\)?(?:::[\w ]+)?|(?:[A-Za-z_][\w$]*\.)?tenant_id)`;
const PLAN_EQUALITY = new RegExp(`^${PLAN_OPERAND}\\s*=\\s*${PLAN_OPERAND}$`);

/** Reads `tenant_id = $n` anchors and `a.tenant_id = b.tenant_id` links from one plan condition. */
function facts(cond: string, own: string | null, anchors: Set<string>, links: [string, string][]): void {
  for (const conjunct of planConjuncts(cond)) {
    const m = PLAN_EQUALITY.exec(conjunct);
    if (!m?.[1] || !m[2]) continue;
    const side = (s: string): { param: true } | { alias: string | null } =>
      s.startsWith('$') || s.startsWith('($') ? { param: true } : { alias: s.includes('.') ? s.slice(0, s.lastIndexOf('.')) : own };
    const a = side(m[1]);
    const b = side(m[2]);
    if ('param' in a && 'alias' in b && b.alias) anchors.add(b.alias);
    else if ('alias' in a && 'param' in b && a.alias) anchors.add(a.alias);
    else if ('alias' in a && 'alias' in b && a.alias && b.alias && a.alias !== b.alias) links.push([a.alias, b.alias]);
  }
}

/** Top-level AND conjuncts of a plan condition such as `((a.tenant_id = $1) AND (a.id = $2))`; OR groups are dropped. */
export function planConjuncts(cond: string): string[] {
  const s = stripParens(cond.trim());
  const parts = splitTopLevel(s, ' AND ');
  if (parts.length > 1) return parts.flatMap(planConjuncts);
  return splitTopLevel(s, ' OR ').length > 1 ? [] : [s];
}

function stripParens(s: string): string {
  let out = s;
  while (out.startsWith('(') && closingParen(out, 0) === out.length - 1) out = out.slice(1, -1).trim();
  return out;
}

function closingParen(s: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && s.startsWith(sep, i)) {
      parts.push(s.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => stripParens(p.trim()));
}
