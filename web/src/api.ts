/**
 * A small typed client for the Loopcoach API. Response types come from the server's zod contracts (types only, so
 * nothing from the server is bundled). Every failure becomes an ApiError carrying the API's own `error.message`.
 *
 * Server mode: the session is an HttpOnly cookie the server sets at sign-in; requests send it (same origin only).
 * A 401 from any route that needs a session tells the `onSessionEnded` listeners, so the app can ask the user to
 * sign in again and come back.
 */
import type { z } from 'zod';
import type { Me } from '../../src/shared/contracts/accounts.js';
import type { ErrorResponse } from '../../src/shared/contracts/common.js';
import type {
  ContentSource,
  orgGuideListSchema,
  OrgGuideRecord,
  orgQuestionListSchema,
  OrgQuestionRecord,
} from '../../src/shared/contracts/org-content.js';
import type { CreatePlanBody, PlanRecord, PlanSummary } from '../../src/shared/contracts/plans.js';
import type {
  AttemptRecord,
  attemptSummarySchema,
  createAttemptBodySchema,
  createSessionBodySchema,
  dueReviewsSchema,
  ProgressDto,
  scoreBodySchema,
  ScoreResultDto,
  SessionRecord,
  sessionListSchema,
} from '../../src/shared/contracts/practice.js';
import type { ModelAnswer, QuestionDetail, QuestionFacets, QuestionList, QuestionListQuery } from '../../src/shared/contracts/questions.js';
import type { RoleDetail, RoleSummary } from '../../src/shared/contracts/roles.js';
import type { SavedQuestion } from '../../src/shared/contracts/saved.js';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Every problem, one a line, when the API listed them (an invalid question: "line 12: rubric[0].signals: …"). */
  readonly details: readonly string[];

  constructor(status: number, code: string, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = body.error;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string';
}

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/** Runs `listener` whenever a request that needs a session answers 401. Returns the function that unsubscribes it. */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => {
    sessionEndedListeners.delete(listener);
  };
}

/**
 * Routes whose 401 answers the request itself rather than saying the session ended: GET /api/me without a session
 * (the caller decides what that means), a wrong password at sign-in, signing out twice.
 */
const OWN_401 = ['/api/me', '/api/auth/sign-in/', '/api/auth/sign-up/', '/api/auth/sign-out'];
const endsSession = (path: string): boolean => {
  const route = path.split('?')[0] ?? path;
  return !OWN_401.some((p) => (p.endsWith('/') ? route.startsWith(p) : route === p));
};

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'Could not reach the Loopcoach server. Check that it is running, then try again.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: handled below.
  }
  if (response.status === 401 && endsSession(path)) {
    for (const listener of [...sessionEndedListeners]) listener();
  }
  if (!response.ok) {
    if (isErrorResponse(body)) {
      const details = Array.isArray(body.error.details) ? body.error.details.filter((d) => typeof d === 'string') : [];
      throw new ApiError(response.status, body.error.code, body.error.message, details);
    }
    throw new ApiError(response.status, 'HTTP', `The server answered ${String(response.status)} ${response.statusText}`.trim());
  }
  if (body === undefined) throw new ApiError(response.status, 'INVALID', 'The server sent a response that is not JSON.');
  return body as T;
}

const questionPath = (id: string): string => `/api/questions/${encodeURIComponent(id)}`;
const planPath = (id: string): string => `/api/plans/${encodeURIComponent(id)}`;
const attemptPath = (id: string): string => `/api/attempts/${encodeURIComponent(id)}`;
const sessionPath = (id: string): string => `/api/sessions/${encodeURIComponent(id)}`;
const orgQuestionPath = (slug: string): string => `/api/org/questions/${encodeURIComponent(slug)}`;
const orgGuidePath = (slug: string): string => `/api/org/roles/${encodeURIComponent(slug)}`;

export type { AttemptRecord, ProgressDto as Progress, SessionRecord };
export type ScoreResult = ScoreResultDto;
/** Request bodies as the client writes them: fields with a server default may be left out. */
export type ScoreBody = z.input<typeof scoreBodySchema>;
export type NewAttempt = z.input<typeof createAttemptBodySchema>;
export type NewSession = z.input<typeof createSessionBodySchema>;
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;
export type SessionSummary = z.infer<typeof sessionListSchema>['items'][number];
export type DueReviews = z.infer<typeof dueReviewsSchema>;
export type PracticeMode = SessionRecord['mode'];

const json = (body: unknown): Pick<RequestInit, 'headers' | 'body'> => ({
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export type QuestionQuery = Partial<QuestionListQuery>;

export type { ContentSource, OrgGuideRecord, OrgQuestionRecord };
/** An organization's own questions (GET /api/org/questions) and how many it may add. */
export type OrgQuestionList = z.infer<typeof orgQuestionListSchema>;
export type OrgQuestionListItem = OrgQuestionList['items'][number];
export type OrgGuideList = z.infer<typeof orgGuideListSchema>;
export type OrgGuideListItem = OrgGuideList['items'][number];

export type { Me };
export type Organization = Me['organizations'][number];
export type OrganizationRole = Organization['role'];

/** An organization's member, as better-auth lists them (GET /api/auth/organization/list-members). */
export interface OrganizationMember {
  id: string;
  userId: string;
  role: string;
  createdAt: string;
  user: { id: string; name: string; email: string };
}

/** An invitation, as better-auth answers and lists them. The invitee accepts it by its id. */
export interface Invitation {
  id: string;
  organizationId: string;
  email: string;
  role: string;
  status: 'pending' | 'accepted' | 'rejected' | 'canceled';
  expiresAt: string;
}

export function queryString(query: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const api = {
  /** Who is asking. Server mode without a session: an ApiError with status 401 (and no session-ended notice). */
  me: (signal?: AbortSignal): Promise<Me> => request<Me>('/api/me', { signal }),

  signIn: (body: { email: string; password: string }): Promise<unknown> =>
    request<unknown>('/api/auth/sign-in/email', { method: 'POST', ...json(body) }),

  /** Creates the account (with its personal workspace) and signs it in. */
  signUp: (body: { name: string; email: string; password: string }): Promise<unknown> =>
    request<unknown>('/api/auth/sign-up/email', { method: 'POST', ...json(body) }),

  signOut: (): Promise<unknown> => request<unknown>('/api/auth/sign-out', { method: 'POST', ...json({}) }),

  /** Where requests act by default, kept in the session (so it survives a reload). */
  setActiveOrganization: (organizationId: string): Promise<unknown> =>
    request<unknown>('/api/auth/organization/set-active', { method: 'POST', ...json({ organizationId }) }),

  /** A new organization with the user as its owner; it becomes the active one. The server stores its id as the slug. */
  createOrganization: (body: { name: string; slug: string }): Promise<{ id: string; name: string }> =>
    request<{ id: string; name: string }>('/api/auth/organization/create', { method: 'POST', ...json(body) }),

  inviteMember: (body: { organizationId: string; email: string; role: OrganizationRole }): Promise<Invitation> =>
    request<Invitation>('/api/auth/organization/invite-member', { method: 'POST', ...json(body) }),

  /** Joins the invitation's organization (which becomes the active one). Only the invited email may accept. */
  acceptInvitation: (invitationId: string): Promise<{ invitation: Invitation }> =>
    request<{ invitation: Invitation }>('/api/auth/organization/accept-invitation', { method: 'POST', ...json({ invitationId }) }),

  listMembers: async (organizationId: string, signal?: AbortSignal): Promise<OrganizationMember[]> =>
    (await request<{ members: OrganizationMember[] }>(`/api/auth/organization/list-members${queryString({ organizationId })}`, { signal })).members,

  listInvitations: (organizationId: string, signal?: AbortSignal): Promise<Invitation[]> =>
    request<Invitation[]>(`/api/auth/organization/list-invitations${queryString({ organizationId })}`, { signal }),

  listRoles: async (signal?: AbortSignal): Promise<RoleSummary[]> =>
    (await request<{ items: RoleSummary[] }>('/api/roles', { signal })).items,

  getRole: (role: string, signal?: AbortSignal): Promise<RoleDetail> =>
    request<RoleDetail>(`/api/roles/${encodeURIComponent(role)}`, { signal }),

  questionFacets: (signal?: AbortSignal): Promise<QuestionFacets> => request<QuestionFacets>('/api/questions/facets', { signal }),

  searchQuestions: (query: QuestionQuery, signal?: AbortSignal): Promise<QuestionList> =>
    request<QuestionList>(`/api/questions${queryString(query)}`, { signal }),

  getQuestion: (id: string, signal?: AbortSignal): Promise<QuestionDetail> => request<QuestionDetail>(questionPath(id), { signal }),

  getModelAnswer: (id: string, signal?: AbortSignal): Promise<ModelAnswer> =>
    request<ModelAnswer>(`${questionPath(id)}/model-answer`, { signal }),

  listSaved: async (signal?: AbortSignal): Promise<SavedQuestion[]> =>
    (await request<{ items: SavedQuestion[] }>('/api/saved', { signal })).items,

  saveQuestion: (id: string, note = ''): Promise<SavedQuestion> =>
    request<SavedQuestion>(`/api/saved/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ note }),
    }),

  removeSaved: (id: string): Promise<void> => request<undefined>(`/api/saved/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  listPlans: async (signal?: AbortSignal): Promise<PlanSummary[]> =>
    (await request<{ items: PlanSummary[] }>('/api/plans', { signal })).items,

  getPlan: (id: string, signal?: AbortSignal): Promise<PlanRecord> => request<PlanRecord>(planPath(id), { signal }),

  /** Analyses a posting (pasted text or an uploaded file) and stores its prep plan. */
  createPlan: (body: CreatePlanBody, signal?: AbortSignal): Promise<PlanRecord> =>
    request<PlanRecord>('/api/plans', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    }),

  deletePlan: (id: string): Promise<void> => request<undefined>(planPath(id), { method: 'DELETE' }),

  /** Scores an answer without recording it (the follow-up preview). */
  scoreAnswer: (body: ScoreBody, signal?: AbortSignal): Promise<ScoreResult> =>
    request<ScoreResult>('/api/score', { method: 'POST', ...json(body), signal }),

  /**
   * Records a scored attempt. `idempotencyKey` is new for each answer; a retry of the same answer after a failure sends
   * the same key, so the server records it once.
   */
  createAttempt: (body: NewAttempt, idempotencyKey: string, signal?: AbortSignal): Promise<AttemptRecord> =>
    request<AttemptRecord>('/api/attempts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
      signal,
    }),

  listAttempts: async (query: { questionId?: string; limit?: number } = {}, signal?: AbortSignal): Promise<AttemptSummary[]> =>
    (await request<{ items: AttemptSummary[] }>(`/api/attempts${queryString(query)}`, { signal })).items,

  getAttempt: (id: string, signal?: AbortSignal): Promise<AttemptRecord> => request<AttemptRecord>(attemptPath(id), { signal }),

  dueReviews: (signal?: AbortSignal): Promise<DueReviews> => request<DueReviews>('/api/reviews/due', { signal }),

  createSession: (body: NewSession, signal?: AbortSignal): Promise<SessionRecord> =>
    request<SessionRecord>('/api/sessions', { method: 'POST', ...json(body), signal }),

  listSessions: async (signal?: AbortSignal): Promise<SessionSummary[]> =>
    (await request<{ items: SessionSummary[] }>('/api/sessions', { signal })).items,

  getSession: (id: string, signal?: AbortSignal): Promise<SessionRecord> => request<SessionRecord>(sessionPath(id), { signal }),

  finishSession: (id: string, signal?: AbortSignal): Promise<SessionRecord> =>
    request<SessionRecord>(`${sessionPath(id)}/finish`, { method: 'POST', signal }),

  /** The organization's own questions (everyone in it may list them). */
  listOrgQuestions: (signal?: AbortSignal): Promise<OrgQuestionList> => request<OrgQuestionList>('/api/org/questions', { signal }),

  /** One of them, whole and as Markdown for the editor (owners and coaches; 403 for members). */
  getOrgQuestion: (slug: string, signal?: AbortSignal): Promise<OrgQuestionRecord> => request<OrgQuestionRecord>(orgQuestionPath(slug), { signal }),

  /** Adds a question written as Markdown (its slug is in the front matter). A 400 lists every problem in `details`. */
  createOrgQuestion: (markdown: string): Promise<OrgQuestionRecord> =>
    request<OrgQuestionRecord>('/api/org/questions/markdown', { method: 'POST', ...json({ markdown }) }),

  /** Replaces the question `slug` (the Markdown must keep that slug). */
  replaceOrgQuestion: (slug: string, markdown: string): Promise<OrgQuestionRecord> =>
    request<OrgQuestionRecord>(`${orgQuestionPath(slug)}/markdown`, { method: 'PUT', ...json({ markdown }) }),

  deleteOrgQuestion: (slug: string): Promise<void> => request<undefined>(orgQuestionPath(slug), { method: 'DELETE' }),

  /** The organization's own role guides (everyone in it may list them). */
  listOrgGuides: (signal?: AbortSignal): Promise<OrgGuideList> => request<OrgGuideList>('/api/org/roles', { signal }),

  getOrgGuide: (slug: string, signal?: AbortSignal): Promise<OrgGuideRecord> => request<OrgGuideRecord>(orgGuidePath(slug), { signal }),

  createOrgGuide: (markdown: string): Promise<OrgGuideRecord> =>
    request<OrgGuideRecord>('/api/org/roles/markdown', { method: 'POST', ...json({ markdown }) }),

  replaceOrgGuide: (slug: string, markdown: string): Promise<OrgGuideRecord> =>
    request<OrgGuideRecord>(`${orgGuidePath(slug)}/markdown`, { method: 'PUT', ...json({ markdown }) }),

  /** Refused (409) while the organization's questions or guides refer to the guide. */
  deleteOrgGuide: (slug: string): Promise<void> => request<undefined>(orgGuidePath(slug), { method: 'DELETE' }),

  getProgress: (query: { role?: string; planId?: string } = {}, signal?: AbortSignal): Promise<ProgressDto> =>
    request<ProgressDto>(`/api/progress${queryString(query)}`, { signal }),
};
