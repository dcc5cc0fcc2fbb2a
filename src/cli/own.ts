/**
 * `loopcoach own …`: local mode's own questions and role guides, from Markdown files in the format of content/ (with
 * `slug:` instead of `id:`). The same service the API and the web use (features/org-content).
 */
import { readFile } from 'node:fs/promises';
import type { App } from '../app.js';
import { isOrgGuideId, isOrgQuestionId, orgSlug, parseOrgGuideMarkdown, parseOrgQuestionMarkdown } from '../core/content/org-content.js';
import { localActor, type Actor } from '../features/accounts/visibility.js';
import { AppError } from '../shared/errors.js';

const MAX_FILE_BYTES = 200_000;

function localOwner(app: App): Actor {
  if (app.localTenantId === null) throw new AppError('BAD_REQUEST', 'own content from the terminal works in local mode; in server mode use the web app or the API (/api/org/questions, /api/org/roles)');
  return localActor(app.localTenantId);
}

export async function readMarkdownFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError('BAD_REQUEST', `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}`);
  }
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `${path}: ${String(bytes.length)} bytes; the limit is ${String(MAX_FILE_BYTES)}`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('BAD_REQUEST', `${path}: not valid UTF-8 text`);
  }
}

/** A role guide's front matter has `stages:`; a question's has `prompt:`. */
export function kindOfMarkdown(text: string): 'question' | 'guide' {
  const front = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(text.replace(/^\uFEFF/, ''))?.[1] ?? '';
  if (/^stages\s*:/m.test(front)) return 'guide';
  if (/^prompt\s*:/m.test(front)) return 'question';
  throw new AppError('BAD_REQUEST', 'cannot tell whether this is a question (front matter with "prompt:") or a role guide (with "stages:"); say which with --kind');
}

export async function ownAdd(app: App, path: string, opts: { kind?: 'question' | 'guide' | undefined; replace?: boolean | undefined }): Promise<string> {
  const actor = localOwner(app);
  const markdown = await readMarkdownFile(path);
  const kind = opts.kind ?? kindOfMarkdown(markdown);
  const content = app.services.orgContent;
  // The slug to replace, from the document itself (a document that does not parse is refused below, with its problems).
  const parsed = kind === 'question' ? parseOrgQuestionMarkdown(markdown) : parseOrgGuideMarkdown(markdown);
  const slug = parsed.ok ? parsed.value.slug : null;
  if (kind === 'question') {
    const r = opts.replace && slug ? await content.replaceQuestion(actor, slug, { markdown }) : await content.createQuestion(actor, { markdown });
    return `${opts.replace ? 'replaced' : 'added'} question ${r.id}: ${r.question.title}`;
  }
  const r = opts.replace && slug ? await content.replaceGuide(actor, slug, { markdown }) : await content.createGuide(actor, { markdown });
  return `${opts.replace ? 'replaced' : 'added'} role guide ${r.id}: ${r.guide.title}`;
}

export async function ownList(app: App, json: boolean): Promise<string> {
  const actor = localOwner(app);
  const [questions, guides] = await Promise.all([app.services.orgContent.listQuestions(actor), app.services.orgContent.listGuides(actor)]);
  if (json) return JSON.stringify({ questions, guides }, null, 2);
  const lines = [`Your role guides (${String(guides.length)})`];
  for (const g of guides) lines.push(`  ${g.id.padEnd(32)} ${g.title}  (${String(g.stageCount)} stages)`);
  lines.push('', `Your questions (${String(questions.length)})`);
  for (const q of questions) lines.push(`  ${q.id.padEnd(32)} ${q.title}  [${q.roles.join(', ')} · ${q.stage} · ${q.difficulty}]`);
  if (questions.length + guides.length === 0) lines.push('', 'Add one with: loopcoach own add <file.md>  (the format of content/, with slug: instead of id:)');
  return lines.join('\n');
}

export async function ownShow(app: App, id: string): Promise<string> {
  const actor = localOwner(app);
  if (isOrgGuideId(id)) return (await app.services.orgContent.getGuide(actor, orgSlug(id))).markdown;
  if (isOrgQuestionId(id)) return (await app.services.orgContent.getQuestion(actor, orgSlug(id))).markdown;
  throw new AppError('BAD_REQUEST', `"${id.slice(0, 80)}" is not one of yours: your questions are org/<slug> and your role guides org-<slug>`);
}

export async function ownRemove(app: App, id: string): Promise<string> {
  const actor = localOwner(app);
  if (isOrgGuideId(id)) await app.services.orgContent.deleteGuide(actor, orgSlug(id));
  else if (isOrgQuestionId(id)) await app.services.orgContent.deleteQuestion(actor, orgSlug(id));
  else throw new AppError('BAD_REQUEST', `"${id.slice(0, 80)}" is not one of yours: your questions are org/<slug> and your role guides org-<slug>`);
  return `removed ${id}`;
}
