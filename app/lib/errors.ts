export type DomainErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid"
  | "rate_limited";

export const STATUS_OF: Record<DomainErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
};

/**
 * The one error a use-case function throws for a rule it refuses. Pages turn it into a form
 * error or an error page; the API turns it into its error envelope.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fields?: Record<string, string>;
  /** Seconds until the request may be retried (rate limits). */
  readonly retryAfter?: number;
  /** For a change that cannot be undone and was not confirmed: what it would do, in words. */
  readonly consequence?: string;

  constructor(
    code: DomainErrorCode,
    message: string,
    extra: { fields?: Record<string, string>; retryAfter?: number; consequence?: string } = {},
  ) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.fields = extra.fields;
    this.retryAfter = extra.retryAfter;
    this.consequence = extra.consequence;
  }

  get status(): number {
    return STATUS_OF[this.code];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
