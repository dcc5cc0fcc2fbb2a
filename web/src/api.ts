/**
 * A small typed client for the Loopcoach API. Response types come from the server's zod contracts (types only, so
 * nothing from the server is bundled). Every failure becomes an ApiError carrying the API's own `error.message`.
 */
import type { ErrorResponse } from '../../src/shared/contracts/common.js';
import type { CreatePlanBody, PlanRecord, PlanSummary } from '../../src/shared/contracts/plans.js';
import type { ModelAnswer, QuestionDetail, QuestionFacets, QuestionList, QuestionListQuery } from '../../src/shared/contracts/questions.js';
import type { RoleDetail, RoleSummary } from '../../src/shared/contracts/roles.js';
import type { SavedQuestion } from '../../src/shared/contracts/saved.js';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = body.error;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string';
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
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
  if (!response.ok) {
    if (isErrorResponse(body)) throw new ApiError(response.status, body.error.code, body.error.message);
    throw new ApiError(response.status, 'HTTP', `The server answered ${String(response.status)} ${response.statusText}`.trim());
  }
  if (body === undefined) throw new ApiError(response.status, 'INVALID', 'The server sent a response that is not JSON.');
  return body as T;
}

const questionPath = (id: string): string => `/api/questions/${encodeURIComponent(id)}`;
const planPath = (id: string): string => `/api/plans/${encodeURIComponent(id)}`;

export type QuestionQuery = Partial<QuestionListQuery>;

export function queryString(query: QuestionQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, string | number | undefined][]) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const api = {
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
};
