/** Error codes of the public API contract (SPEC.md). Clients switch on these strings. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status the local server answers with for each code (200 for ok). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** Field path → human message (Chinese), e.g. `{ "venue.address": "请填写地址" }`. */
export type FieldErrors = Record<string, string>;

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  /** RATE_LIMITED: seconds until a retry can succeed (also sent as the HTTP Retry-After header). */
  retryAfter?: number;
  /** The id of this request in the server's log: a screenshot of the error is enough to find it. */
  requestId?: string;
}

/**
 * An expected failure with a contract code. Domain code throws it; the router turns it into the
 * envelope. Anything else thrown becomes INTERNAL, so user mistakes must always be AppErrors.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** RATE_LIMITED only: seconds until a retry can succeed. */
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors, retryAfter?: number) {
    // No stack: an AppError is an answer, not a fault, and nobody reads where it was thrown.
    // Capturing one was 2 % of a lost grab's time (issue 14); a rush answers hundreds a second.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (message = '没有权限执行此操作') => new AppError('FORBIDDEN', message);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', '请先登录');
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const rateLimited = (message: string, retryAfter?: number) =>
  new AppError('RATE_LIMITED', message, undefined, retryAfter);
export const invalid = (field: string, message: string) =>
  new AppError('VALIDATION', message, { [field]: message });
