/**
 * PostgreSQL errors caused by the values a request carried, not by the server: a text that is not a UUID where an
 * id is expected, a value a check constraint refuses, a duplicate, a reference to nothing. The HTTP shell answers
 * them as 4xx instead of 500 (routes validate with zod first; this is the net under better-auth's endpoints,
 * whose ids are UUID columns).
 */
import { AppError } from '../../shared/errors.js';

export function inputErrorFromDatabase(err: unknown): AppError | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  // Class 22, data exception: invalid text representation (22P02: "not a uuid"), too long, out of range…
  if (code.startsWith('22')) return new AppError('BAD_REQUEST', 'a value in the request is not valid for its field (an id must be a UUID)');
  // 54000, program limit exceeded: a text too long to index (a tsvector over 1 MB).
  if (code === '54000') return new AppError('BAD_REQUEST', 'a value in the request is too long to store and index');
  if (code === '23514') return new AppError('BAD_REQUEST', 'a value in the request is out of bounds for its field');
  if (code === '23505') return new AppError('CONFLICT', 'that already exists');
  if (code === '23503') return new AppError('NOT_FOUND', 'the request refers to something that does not exist');
  return null;
}
