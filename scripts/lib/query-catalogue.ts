/**
 * The query catalogue: every SQL statement the app can issue, found with the TypeScript compiler API.
 *
 * A statement is the first argument of a call `<expr>.query(<sql>, …)` (or `.query<T>(…)`) in src/**\/*.ts. Its text
 * is resolved statically: string literals, templates without substitutions, templates and `+` whose parts are
 * identifiers bound to module-level `const` strings (in the same module or imported), recursively. Anything else is
 * dynamic and must say why on the line above the call:
 *
 *     // query-catalogue: dynamic <reason>
 *
 * Used by scripts/query-catalogue.ts (writes db/query-catalogue.sql) and scripts/check-queries.ts (checks it).
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export interface CatalogueEntry {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** The enclosing named functions, outermost first, joined with dots; `<module>` at the top level. */
  fn: string;
  /** The statement text, or null when the call is marked dynamic. */
  sql: string | null;
  /** For a dynamic call: the argument's source text, for reviewers. */
  source: string | null;
  /** The reason of a `// query-catalogue: dynamic <reason>` marker. */
  dynamic: string | null;
}

export interface CatalogueProblem {
  file: string;
  line: number;
  message: string;
}

export const CATALOGUE_PATH = 'db/query-catalogue.sql';
const MARKER = /^\s*\/\/\s*query-catalogue:(.*)$/;

/** src/**\/*.ts under `root`, sorted, as absolute paths. */
export async function listSourceFiles(root: string, dir = 'src'): Promise<string[]> {
  const names = await readdir(join(root, dir), { recursive: true });
  return names
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts'))
    .map((n) => join(root, dir, n))
    .sort();
}

/**
 * A program over the given files, enough to resolve identifiers to declarations (no type check, no libraries:
 * the catalogue needs bindings, not types).
 */
export function createSourceProgram(files: readonly string[], host?: ts.CompilerHost): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noLib: true,
    noResolve: true,
    types: [],
    allowJs: false,
    noEmit: true,
  };
  return ts.createProgram({ rootNames: [...files], options, ...(host ? { host } : {}) });
}

/**
 * `.query(sql, …)` on anything, and `.exec(sql)` outside the pure core on anything but a regular expression: the
 * Database interface's two ways to send SQL (exec runs parameterless statements: migrations, a transaction's setup).
 * The core does no I/O (ARCHITECTURE.md), so an `exec` there is RegExp.prototype.exec; elsewhere a receiver written as
 * a regular-expression literal, or a const initialised with one, is too. (The program has no type information.)
 */
function isSqlCall(callee: ts.PropertyAccessExpression, file: string, checker: ts.TypeChecker): boolean {
  const name = callee.name.text;
  if (name === 'query') return true;
  if (name !== 'exec' || file.startsWith('src/core/')) return false;
  const receiver = callee.expression;
  if (ts.isRegularExpressionLiteral(receiver)) return false;
  let symbol = ts.isIdentifier(receiver) ? checker.getSymbolAtLocation(receiver) : undefined;
  // An imported const: follow the import to its declaration.
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  const init = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
  if (init && (ts.isRegularExpressionLiteral(init) || (ts.isNewExpression(init) && init.expression.getText() === 'RegExp'))) return false;
  return true;
}

/** Finds every `.query(sql, …)` and `.exec(sql)` call in `files` (absolute paths in `program`) and resolves its SQL. */
export function extractQueries(program: ts.Program, files: readonly string[], root: string): { entries: CatalogueEntry[]; problems: CatalogueProblem[] } {
  const checker = program.getTypeChecker();
  const entries: CatalogueEntry[] = [];
  const problems: CatalogueProblem[] = [];
  for (const path of files) {
    const sf = program.getSourceFile(path);
    if (!sf) throw new Error(`not in the program: ${path}`);
    const file = relative(root, path).split(sep).join('/');
    const lines = sf.text.split(/\r?\n/);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && isSqlCall(node.expression, file, checker)) {
        const pos = sf.getLineAndCharacterOfPosition(node.expression.name.getStart(sf));
        const line = pos.line + 1;
        const marker = readMarker(lines[pos.line - 1]);
        const arg = node.arguments[0];
        const resolved = arg ? resolveString(arg, checker, new Set()) : { ok: false as const, why: 'the call has no SQL argument' };
        const base = { file, line, column: pos.character + 1, fn: enclosingFunction(node) };
        const misplaced = arg ? tenantCheckOutsideSql(sf, node, arg) : false;
        if (misplaced) {
          problems.push({
            file,
            line,
            message: 'a tenant-check marker in a TypeScript comment is invisible to queries:check: put it inside the SQL text, e.g. `/* tenant-check: <reason> */ select …`',
          });
        } else if (marker?.kind === 'invalid') {
          problems.push({ file, line: line - 1, message: marker.message });
        } else if (resolved.ok && marker?.kind === 'dynamic') {
          problems.push({ file, line: line - 1, message: 'the SQL of this call resolves statically: remove the "query-catalogue: dynamic" marker' });
        } else if (resolved.ok) {
          entries.push({ ...base, sql: resolved.text, source: null, dynamic: null });
        } else if (marker?.kind === 'dynamic') {
          entries.push({ ...base, sql: null, source: arg ? arg.getText(sf) : '', dynamic: marker.reason });
        } else {
          problems.push({
            file,
            line,
            message: `cannot resolve the SQL statically (${resolved.why}): use a string literal or a module-level const, or put "// query-catalogue: dynamic <reason>" on the line above`,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  const order = (a: { file: string; line: number }, b: { file: string; line: number }): number =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
  entries.sort((a, b) => order(a, b) || a.column - b.column);
  problems.sort(order);
  return { entries, problems };
}

type Marker = { kind: 'dynamic'; reason: string } | { kind: 'invalid'; message: string };

function readMarker(line: string | undefined): Marker | null {
  const m = line === undefined ? null : MARKER.exec(line);
  if (!m) return null;
  const rest = (m[1] ?? '').trim();
  const dyn = /^dynamic\b\s*(.*)$/.exec(rest);
  if (!dyn) return { kind: 'invalid', message: `unknown query-catalogue marker "${rest}": the form is "// query-catalogue: dynamic <reason>"` };
  const reason = (dyn[1] ?? '').trim();
  if (!reason) return { kind: 'invalid', message: 'the "query-catalogue: dynamic" marker needs a reason: "// query-catalogue: dynamic <reason>"' };
  return { kind: 'dynamic', reason };
}

/** Whether a `tenant-check` marker sits in a TypeScript comment around the call's arguments instead of in the SQL. */
function tenantCheckOutsideSql(sf: ts.SourceFile, call: ts.CallExpression, arg: ts.Expression): boolean {
  const ranges = [
    ...(ts.getLeadingCommentRanges(sf.text, arg.pos) ?? []),
    ...(ts.getTrailingCommentRanges(sf.text, arg.end) ?? []),
    ...(ts.getLeadingCommentRanges(sf.text, call.arguments.end) ?? []),
  ];
  return ranges.some((r) => /tenant-check/.test(sf.text.slice(r.pos, r.end)));
}

type Resolved = { ok: true; text: string } | { ok: false; why: string };

function resolveString(expr: ts.Expression, checker: ts.TypeChecker, seen: Set<ts.Node>): Resolved {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { ok: true, text: e.text };
  if (ts.isTemplateExpression(e)) {
    let text = e.head.text;
    for (const span of e.templateSpans) {
      const part = resolveString(span.expression, checker, seen);
      if (!part.ok) return part;
      text += part.text + span.literal.text;
    }
    return { ok: true, text };
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = resolveString(e.left, checker, seen);
    if (!left.ok) return left;
    const right = resolveString(e.right, checker, seen);
    return right.ok ? { ok: true, text: left.text + right.text } : right;
  }
  if (ts.isIdentifier(e)) return resolveIdentifier(e, checker, seen);
  return { ok: false, why: `${ts.SyntaxKind[e.kind]} "${shorten(e.getText())}"` };
}

function resolveIdentifier(id: ts.Identifier, checker: ts.TypeChecker, seen: Set<ts.Node>): Resolved {
  let symbol = checker.getSymbolAtLocation(id);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  const name = id.text;
  if (!decl) return { ok: false, why: `"${name}" has no declaration in src` };
  if (!ts.isVariableDeclaration(decl)) return { ok: false, why: `"${name}" is a ${ts.SyntaxKind[decl.kind]}, not a const` };
  const list = decl.parent;
  const isConst = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
  const moduleLevel = ts.isVariableDeclarationList(list) && ts.isVariableStatement(list.parent) && ts.isSourceFile(list.parent.parent);
  if (!isConst || !moduleLevel) return { ok: false, why: `"${name}" is not a module-level const` };
  if (!decl.initializer) return { ok: false, why: `"${name}" has no initializer` };
  if (seen.has(decl)) return { ok: false, why: `"${name}" refers to itself` };
  seen.add(decl);
  const r = resolveString(decl.initializer, checker, seen);
  seen.delete(decl);
  return r.ok ? r : { ok: false, why: `"${name}" = ${r.why}` };
}

/** `outer.inner` names of the named functions around a node; anonymous callbacks are skipped. */
function enclosingFunction(node: ts.Node): string {
  const names: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n !== undefined; n = n.parent as ts.Node | undefined) {
    const name = functionName(n);
    if (name) names.unshift(name);
  }
  return names.length > 0 ? names.join('.') : '<module>';
}

function functionName(n: ts.Node): string | null {
  if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.name) return n.name.text;
  if (ts.isMethodDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n)) return propertyName(n.name);
  if (ts.isFunctionExpression(n) || ts.isArrowFunction(n)) {
    if (ts.isFunctionExpression(n) && n.name) return n.name.text;
    const p = n.parent;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return propertyName(p.name);
  }
  return null;
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name) ? name.text : name.getText();
}

function shorten(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

const HEADER = [
  '-- Query catalogue: every SQL statement the app issues through `.query(...)`, in file and line order.',
  '-- Generated from src/**/*.ts by scripts/query-catalogue.ts: do not edit; run `npm run queries:catalogue`.',
  '-- CI fails when it is stale (`npm run queries:catalogue -- --check`); `npm run queries:check` checks every',
  '-- statement for tenant isolation (docs/decisions/0002-tenant-isolation-with-row-level-security.md).',
];

/** The catalogue file's text: deterministic for the same entries. */
export function renderCatalogue(entries: readonly CatalogueEntry[]): string {
  const blocks = entries.map((e) => {
    const lines = [`-- ${e.file}:${String(e.line)} ${e.fn}`];
    if (e.dynamic !== null) {
      lines.push(`-- query-catalogue: dynamic ${e.dynamic}`);
      lines.push('-- (not a static statement; the argument as written:)');
      for (const l of layout(e.source ?? '').split('\n')) lines.push(`--   ${l}`.trimEnd());
    } else {
      const text = layout(e.sql ?? '');
      lines.push(text.endsWith(';') ? text : `${text};`);
    }
    return lines.join('\n');
  });
  return `${[HEADER.join('\n'), ...blocks].join('\n\n')}\n`;
}

/** Trims a statement and removes the common indentation of its continuation lines (as written in a template). */
export function layout(sql: string): string {
  const lines = sql.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  if (lines.length === 0) return '';
  const rest = lines.slice(1).filter((l) => l.trim() !== '');
  const indent = rest.length > 0 ? Math.min(...rest.map((l) => l.length - l.trimStart().length)) : 0;
  return [(lines[0] ?? '').trim(), ...lines.slice(1).map((l) => l.slice(indent))].join('\n');
}

/** A one-line excerpt of a statement for messages. */
export function excerpt(sql: string, max = 110): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
