/**
 * An organization's own questions and role guides, as the web app writes and shows them: who may edit them, where
 * their pages are, and the two kinds behind one editor. Ids tell where content comes from: an organization's question
 * is `org/<slug>`, its role guide `org-<slug>`.
 */
import { api, type Me, type OrgGuideRecord, type OrgQuestionRecord } from '../api.js';
import { practiseQuestionPath } from './practice.js';
import { questionPath } from './format.js';
import { GUIDE_TEMPLATE, QUESTION_TEMPLATE } from './orgTemplates.js';
import { activeOrganization } from './session.js';

export const isOrgQuestionId = (id: string): boolean => id.startsWith('org/');
export const isOrgGuideId = (id: string): boolean => id.startsWith('org-');

/**
 * Whether the user may add and change the organization's content: local mode's one user, and owners and coaches of the
 * active organization (members read it; the server enforces the same).
 */
export function canEditContent(me: Me): boolean {
  if (me.mode === 'local') return true;
  const role = activeOrganization(me)?.role;
  return role === 'owner' || role === 'coach';
}

/** Who the content belongs to, in words: "your organization" or, in local mode, "you". */
export const ownerWords = (me: Me): { badge: string; whose: string } =>
  me.mode === 'local' ? { badge: 'Your own', whose: 'you' } : { badge: 'Your organization', whose: 'your organization' };

export type ContentKind = 'question' | 'guide';
export type ContentTab = 'questions' | 'roles';

export const CONTENT_PATH = '/content';
export const tabOf = (kind: ContentKind): ContentTab => (kind === 'question' ? 'questions' : 'roles');
export const contentListPath = (kind: ContentKind): string => (kind === 'question' ? CONTENT_PATH : `${CONTENT_PATH}?tab=roles`);
export const newContentPath = (kind: ContentKind): string => `${CONTENT_PATH}/${tabOf(kind)}/new`;
export const editContentPath = (kind: ContentKind, slug: string): string => `${CONTENT_PATH}/${tabOf(kind)}/${encodeURIComponent(slug)}/edit`;
export const orgQuestionPath = (slug: string): string => questionPath(`org/${slug}`);
export const orgPractisePath = (slug: string): string => practiseQuestionPath(`org/${slug}`);
export const orgGuidePath = (slug: string): string => `/roles/${encodeURIComponent(`org-${slug}`)}`;
/** The slug of an organization's question or guide id; null for shipped content. */
export const orgSlugOf = (id: string): string | null =>
  isOrgQuestionId(id) ? id.slice('org/'.length) : isOrgGuideId(id) ? id.slice('org-'.length) : null;

/** A saved document, as the editor needs it whichever its kind. */
export interface SavedDocument {
  id: string;
  slug: string;
  title: string;
  markdown: string;
  updatedAt: string;
}

const fromQuestion = (r: OrgQuestionRecord): SavedDocument => ({ id: r.id, slug: r.slug, title: r.question.title, markdown: r.markdown, updatedAt: r.updatedAt });
const fromGuide = (r: OrgGuideRecord): SavedDocument => ({ id: r.id, slug: r.slug, title: r.guide.title, markdown: r.markdown, updatedAt: r.updatedAt });

/** What differs between the two kinds of document the editor writes. */
export interface KindSpec {
  kind: ContentKind;
  /** "question", "role guide" */
  noun: string;
  /** "Question", "Role guide" */
  Noun: string;
  template: string;
  /** The page where people read it. */
  viewPath: (slug: string) => string;
  load: (slug: string, signal?: AbortSignal) => Promise<SavedDocument>;
  /** Creates (slug null) or replaces the document. */
  save: (markdown: string, slug: string | null) => Promise<SavedDocument>;
  remove: (slug: string) => Promise<void>;
  /** What a delete costs, for the confirmation. */
  deleteWarning: string;
}

export const KINDS: Record<ContentKind, KindSpec> = {
  question: {
    kind: 'question',
    noun: 'question',
    Noun: 'Question',
    template: QUESTION_TEMPLATE,
    viewPath: orgQuestionPath,
    load: async (slug, signal) => fromQuestion(await api.getOrgQuestion(slug, signal)),
    save: async (markdown, slug) => fromQuestion(await (slug === null ? api.createOrgQuestion(markdown) : api.replaceOrgQuestion(slug, markdown))),
    remove: (slug) => api.deleteOrgQuestion(slug),
    deleteWarning: 'Nobody can practise it any more; answers already given keep their scores. This cannot be undone.',
  },
  guide: {
    kind: 'guide',
    noun: 'role guide',
    Noun: 'Role guide',
    template: GUIDE_TEMPLATE,
    viewPath: orgGuidePath,
    load: async (slug, signal) => fromGuide(await api.getOrgGuide(slug, signal)),
    save: async (markdown, slug) => fromGuide(await (slug === null ? api.createOrgGuide(markdown) : api.replaceOrgGuide(slug, markdown))),
    remove: (slug) => api.deleteOrgGuide(slug),
    deleteWarning: 'It disappears from the role guides for everyone in the workspace. This cannot be undone.',
  },
};

/** One problem the server found in a document: the line it is on (when known), the field, and what is wrong. */
export interface DocumentProblem {
  line: number | null;
  /** True when the line was found here from the field's name rather than given by the server. */
  lineFound: boolean;
  field: string;
  message: string;
}

/** The 1-based line where a top-level front-matter key starts ("stage" in "stage: x"), or null. */
export function lineOfField(markdown: string, field: string): number | null {
  const key = /^[A-Za-z]+/.exec(field)?.[0];
  if (!key) return null;
  const lines = markdown.split('\n');
  // Only inside the front matter: from the opening "---" to the closing one.
  if (lines[0]?.trim() !== '---') return null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '---') break;
    if (line.startsWith(`${key}:`)) return i + 1;
  }
  return null;
}

/**
 * Reads the API's problem lines ("line 12: rubric[0].signals: must …", "stage: stage "x" is not in …"). A problem
 * without a line gets the line of its top-level field in `markdown` when there is one.
 */
export function parseProblems(details: readonly string[], markdown: string): DocumentProblem[] {
  return details.map((detail) => {
    const m = /^(?:line (\d+): )?([^:\s]+(?: [^:\s]+)?): ([\s\S]*)$/.exec(detail);
    if (!m) return { line: null, lineFound: false, field: '', message: detail };
    const field = m[2] ?? '';
    const message = m[3] ?? '';
    if (m[1]) return { line: Number(m[1]), lineFound: false, field, message };
    const found = lineOfField(markdown, field);
    return { line: found, lineFound: found !== null, field, message };
  });
}
