/**
 * One log line for an unexpected error that names the database's own complaint behind it.
 * drizzle wraps a failing query as "Failed query: … params: …" (the parameters are personal data:
 * addresses, names) and keeps PostgreSQL's error (code, message, constraint, detail) only as
 * `cause`; this line carries the query text and the cause, never the parameters or the values a
 * detail quotes.
 */

/** drizzle's DrizzleQueryError, recognised by shape (only lib/dal may import drizzle). */
interface QueryError extends Error {
  query: string;
  params: unknown[];
}
const isQueryError = (err: unknown): err is QueryError =>
  err instanceof Error && typeof (err as Partial<QueryError>).query === "string" && Array.isArray((err as Partial<QueryError>).params);

interface PgLike {
  code?: unknown;
  message?: unknown;
  constraint?: unknown;
  detail?: unknown;
  table?: unknown;
  column?: unknown;
  schema?: unknown;
}

/** PostgreSQL quotes values in details ("Key (email)=(a@b.nl) already exists.") and some messages. */
function withoutValues(text: string): string {
  return text.replace(/=\((?:[^()]|\([^()]*\))*\)/g, "=(…)").replace(/"[^"]*"/g, '"…"');
}

function databaseCause(err: unknown): PgLike | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as PgLike).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return e;
  }
  return undefined;
}

/** A one-line description of `err` for the server log, free of query parameters. */
export function describeError(err: unknown): string {
  const cause = databaseCause(err);
  const parts: string[] = [];
  if (isQueryError(err)) {
    parts.push(`query failed: ${err.query.replace(/\s+/g, " ").slice(0, 500)} (${err.params.length} params, not logged)`);
  } else if (err instanceof Error) {
    parts.push(`${err.name}: ${cause ? withoutValues(err.message) : err.message}`);
  } else {
    parts.push(String(err));
  }
  if (cause) {
    const fields: string[] = [`code=${String(cause.code)}`];
    if (typeof cause.message === "string") fields.push(`message=${JSON.stringify(withoutValues(cause.message))}`);
    for (const key of ["constraint", "table", "column"] as const) if (typeof cause[key] === "string") fields.push(`${key}=${cause[key]}`);
    if (typeof cause.detail === "string") fields.push(`detail=${JSON.stringify(withoutValues(cause.detail))}`);
    parts.push(`cause: ${fields.join(" ")}`);
  }
  return parts.join("; ");
}

/** Logs an unexpected error: the description, then the stack of a non-database error (a database error's stack repeats its parameters). */
export function logUnexpected(prefix: string, err: unknown): void {
  const line = `${prefix} ${describeError(err)}`;
  if (err instanceof Error && !databaseCause(err) && !isQueryError(err) && err.stack) console.error(`${line}\n${err.stack.split("\n").slice(1).join("\n")}`);
  else console.error(line);
}
