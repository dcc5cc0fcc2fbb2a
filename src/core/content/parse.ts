/**
 * The one content parser: text in, a validated item or a list of problems out (file, line, field, message).
 * Pure: the caller reads the files; the CLI check, the tests and the server all call this.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { questionSchema, roleGuideSchema, type Question, type RoleGuide } from './schema.js';

export type ContentKind = 'question' | 'role';

export interface ContentProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export interface SourceFile {
  /** Path relative to the content root, with forward slashes, e.g. `questions/backend/rate-limiter-design.md`. */
  path: string;
  text: string;
}

/** Finds the 1-based line of a field path such as ['relatedRoles', 0, 'id'] in the file. */
export type LineOf = (path: readonly PropertyKey[]) => number;

export type ParseResult<T> = { ok: true; value: T; lineOf: LineOf } | { ok: false; problems: ContentProblem[] };

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Which kind of content a path holds, from its folder: `roles/…` or `questions/…`. */
export function kindOfPath(path: string): ContentKind | null {
  if (!path.endsWith('.md')) return null;
  if (path.startsWith('roles/')) return 'role';
  if (path.startsWith('questions/')) return 'question';
  return null;
}

export function parseQuestionFile(file: SourceFile): ParseResult<Question> {
  return parseFrontMatter(file, 'question', questionSchema, 'modelAnswer', (q, problems, lineOf) => {
    const expected = baseName(file.path);
    const slugPart = q.id.split('/')[1];
    if (slugPart !== expected) {
      problems.push({ file: file.path, line: lineOf(['id']), field: 'id', message: `slug "${String(slugPart)}" must match the file name "${expected}.md"` });
    }
  });
}

export function parseRoleGuideFile(file: SourceFile): ParseResult<RoleGuide> {
  return parseFrontMatter(file, 'role', roleGuideSchema, 'overview', (g, problems, lineOf) => {
    const expected = baseName(file.path);
    if (g.id !== expected) {
      problems.push({ file: file.path, line: lineOf(['id']), field: 'id', message: `id "${g.id}" must match the file name "${expected}.md"` });
    }
  });
}

/** Parses Markdown with YAML front matter against `schema`; the body becomes `bodyField`. */
export function parseFrontMatter<S extends z.ZodType>(
  file: SourceFile,
  kind: ContentKind,
  schema: S,
  bodyField: string,
  extraChecks: (value: z.infer<S>, problems: ContentProblem[], lineOf: LineOf) => void,
): ParseResult<z.infer<S>> {
  const text = file.text.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    return fail(file.path, 1, '(front matter)', `a ${kind} file must start with YAML front matter between two "---" lines`);
  }
  const yamlText = match[1] ?? '';
  const bodyStartLine = lineCount(match[0]) + 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file: file.path,
        line: 1 + lineCounter.linePos(e.pos[0]).line,
        field: '(front matter)',
        message: `YAML: ${e.message.split('\n')[0] ?? e.message}`,
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    // yaml refuses alias expansions that would blow up ("Excessive alias count"), among others.
    return fail(file.path, 2, '(front matter)', `YAML: ${(err as Error).message.split('\n')[0] ?? 'cannot be read'}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(file.path, 2, '(front matter)', 'front matter must be a YAML mapping of fields');
  }
  const body = text.slice(match[0].length).trim();
  const lineOf: LineOf = (path) => {
    if (path[0] === bodyField) return bodyStartLine;
    return 1 + nodeLine(doc, path, lineCounter);
  };
  const input = { ...(data as Record<string, unknown>), [bodyField]: body };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        // An unknown key is reported on its parent: point at the key itself.
        const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        const path = key === undefined ? issue.path : [...issue.path, key];
        return {
          file: file.path,
          line: lineOf(path),
          field: issue.path.length === 0 ? '(front matter)' : formatPath(issue.path),
          message: issue.path[0] === bodyField ? `Markdown body ${issue.message}` : issue.message,
        };
      }),
    };
  }
  const problems: ContentProblem[] = [];
  const value = parsed.data;
  extraChecks(value, problems, lineOf);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value, lineOf };
}

/** 1-based line of the deepest node that exists along `path` (falls back to its nearest parent). */
function nodeLine(doc: Document, path: readonly PropertyKey[], lineCounter: LineCounter): number {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const key of path) {
    if (isNode(node) && node.range) offset = node.range[0];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      if (isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else {
      break;
    }
    if (isNode(node) && node.range) offset = node.range[0];
  }
  return lineCounter.linePos(offset).line;
}

/** ['rubric', 0, 'signals'] → `rubric[0].signals`: how problems name a field. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${String(k)}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

function fail(file: string, line: number, field: string, message: string): { ok: false; problems: ContentProblem[] } {
  return { ok: false, problems: [{ file, line, field, message }] };
}

function baseName(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.md$/, '');
}

function lineCount(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\n') n++;
  return n;
}
