/** Expected failures; pages turn them into 404/403/redirects, actions into `{ ok: false }`. */
export class AppError extends Error {
  /** For a refusal raised by the role check: the organisation the person tried to act in (for the audit log). */
  organisationId?: string;

  constructor(
    readonly code: "not_found" | "forbidden" | "unauthenticated" | "conflict" | "rate_limited" | "invalid",
    message?: string,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super("not_found", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Forbidden") {
    super("forbidden", message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in first") {
    super("unauthenticated", message);
  }
}

export class ConflictError extends AppError {
  constructor(
    message = "Conflict",
    readonly field?: string,
  ) {
    super("conflict", message);
  }
}

/** Too many attempts from one address or network in a while; the message is the key `rateLimited`. */
export class RateLimitedError extends AppError {
  constructor(message = "rateLimited") {
    super("rate_limited", message);
  }
}

export const httpStatusOf = (err: AppError): number =>
  ({ not_found: 404, forbidden: 403, unauthenticated: 401, conflict: 409, rate_limited: 429, invalid: 422 })[err.code];
