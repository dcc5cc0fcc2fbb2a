/**
 * Checks across files: ids are unique, every question's stage exists in each of its roles' guides, levels fit the
 * stage, related roles exist. Pure: takes parsed content, returns problems.
 */
import type { ContentProblem, LineOf } from './parse.js';
import { parseQuestionFile, parseRoleGuideFile, kindOfPath, type SourceFile } from './parse.js';
import type { Question, RoleGuide } from './schema.js';

export interface ParsedItem<T> {
  path: string;
  value: T;
  lineOf: LineOf;
}

export interface ContentSet {
  roles: ParsedItem<RoleGuide>[];
  questions: ParsedItem<Question>[];
}

export interface ContentCheckResult extends ContentSet {
  problems: ContentProblem[];
  /** Files that are neither role guides nor questions (ignored, but reported so typos in folder names show). */
  ignored: string[];
}

/**
 * Role ids shipped content may not use: an organization's own guides are `org-<slug>` and its questions
 * `org/<slug>` (./org-content.ts), so shipped ids never collide with them.
 */
export const isReservedRoleId = (id: string): boolean => id === 'org' || id.startsWith('org-');

/** Parse and cross-check a whole content tree. Problems are sorted by file and line. */
export function checkContent(files: readonly SourceFile[]): ContentCheckResult {
  const problems: ContentProblem[] = [];
  const roles: ParsedItem<RoleGuide>[] = [];
  const questions: ParsedItem<Question>[] = [];
  const ignored: string[] = [];
  for (const file of files) {
    const kind = kindOfPath(file.path);
    if (kind === 'role') {
      const r = parseRoleGuideFile(file);
      if (r.ok) roles.push({ path: file.path, value: r.value, lineOf: r.lineOf });
      else problems.push(...r.problems);
    } else if (kind === 'question') {
      const r = parseQuestionFile(file);
      if (r.ok) questions.push({ path: file.path, value: r.value, lineOf: r.lineOf });
      else problems.push(...r.problems);
    } else {
      ignored.push(file.path);
    }
  }
  problems.push(...crossCheck({ roles, questions }));
  for (const g of roles) {
    if (isReservedRoleId(g.value.id)) problems.push({ file: g.path, line: g.lineOf(['id']), field: 'id', message: `role id "${g.value.id}" is reserved for organizations' own guides (org, org-*)` });
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field));
  return { roles, questions, problems, ignored };
}

export function crossCheck(set: ContentSet): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const guides = new Map<string, ParsedItem<RoleGuide>>();
  for (const g of set.roles) {
    const prior = guides.get(g.value.id);
    if (prior) problems.push({ file: g.path, line: g.lineOf(['id']), field: 'id', message: `duplicate role id "${g.value.id}" (also in ${prior.path})` });
    else guides.set(g.value.id, g);
  }
  for (const g of set.roles) {
    g.value.relatedRoles.forEach((r, i) => {
      if (!guides.has(r.id)) {
        problems.push({ file: g.path, line: g.lineOf(['relatedRoles', i, 'id']), field: `relatedRoles[${String(i)}].id`, message: `no role guide "${r.id}" exists` });
      }
      if (r.id === g.value.id) {
        problems.push({ file: g.path, line: g.lineOf(['relatedRoles', i, 'id']), field: `relatedRoles[${String(i)}].id`, message: 'a guide cannot be related to itself' });
      }
    });
  }
  const questionPaths = new Map<string, string>();
  for (const q of set.questions) {
    const prior = questionPaths.get(q.value.id);
    if (prior) problems.push({ file: q.path, line: q.lineOf(['id']), field: 'id', message: `duplicate question id "${q.value.id}" (also in ${prior})` });
    else questionPaths.set(q.value.id, q.path);
    q.value.roles.forEach((roleId, i) => {
      const guide = guides.get(roleId);
      if (!guide) {
        problems.push({ file: q.path, line: q.lineOf(['roles', i]), field: `roles[${String(i)}]`, message: `no role guide "${roleId}" exists` });
        return;
      }
      const stage = guide.value.stages.find((s) => s.id === q.value.stage);
      if (!stage) {
        const ids = guide.value.stages.map((s) => s.id).join(', ');
        problems.push({ file: q.path, line: q.lineOf(['stage']), field: 'stage', message: `stage "${q.value.stage}" is not in the ${roleId} loop (${ids})` });
        return;
      }
      if (!q.value.levels.some((l) => stage.levels.includes(l))) {
        problems.push({
          file: q.path,
          line: q.lineOf(['levels']),
          field: 'levels',
          message: `none of the levels (${q.value.levels.join(', ')}) gets the ${roleId} stage "${stage.id}" (${stage.levels.join(', ')})`,
        });
      }
    });
  }
  return problems;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${String(p.line)}: ${p.field}: ${p.message}`;
}
