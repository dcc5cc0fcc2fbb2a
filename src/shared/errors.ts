/**
 * The one application error type. A closed set of codes, mapped to HTTP statuses by the HTTP error handler and to
 * exit codes by the CLI. Expected failures in the core are returned as data; this is thrown by the shell.
 */
export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, exit: 2 },
  UNAUTHORIZED: { status: 401, exit: 8 },
  FORBIDDEN: { status: 403, exit: 9 },
  NOT_FOUND: { status: 404, exit: 3 },
  CONFLICT: { status: 409, exit: 4 },
  PAYLOAD_TOO_LARGE: { status: 413, exit: 2 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, exit: 2 },
  CONTENT_INVALID: { status: 500, exit: 5 },
  CONFIG_INVALID: { status: 500, exit: 6 },
  UNAVAILABLE: { status: 503, exit: 7 },
} as const satisfies Record<string, { status: number; exit: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
}

export const notFound = (what: string, id: string): AppError => new AppError('NOT_FOUND', `${what} "${id}" not found`);
