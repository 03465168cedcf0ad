import { z } from "zod";
import { AppError, ConflictError, httpStatusOf } from "@/lib/errors";
import type { UserActor } from "@/lib/dal/actor";
import { recordRefusal } from "@/lib/dal/audit";
import { logUnexpected } from "@/lib/log-error";
import { problem, type ProblemExtra } from "@/lib/problem";
import { hasNoNul, NUL_REFUSED } from "@/lib/validation/common";
import { apiText } from "./messages";

/** Largest request body the API reads, unless a route says otherwise. */
export const MAX_BODY_BYTES = 64 * 1024;

const REASON: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export const WWW_AUTHENTICATE = 'Bearer realm="koppel"';

/** A refusal decided in the API layer itself (bad body, bad token), answered as problem JSON. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly extra: ProblemExtra & { code: string },
    readonly headers: HeadersInit = {},
  ) {
    super(extra.detail ?? REASON[status] ?? `HTTP ${status}`);
    this.name = "HttpProblem";
  }
}

export type FieldErrors = Record<string, string[]>;

const KEY = /^[a-z][A-Za-z]+$/;

function messageKey(issue: z.core.$ZodIssue): string {
  if (KEY.test(issue.message)) return issue.message;
  // zod 4 leaves the input out of issues unless asked (readJson asks); its own message says it too.
  const missing = "input" in issue ? issue.input === undefined : /received undefined$/.test(issue.message);
  if (issue.code === "invalid_type" && missing) return "required";
  return "invalid";
}

/**
 * A zod error as `{ "field.path": ["messageKey"] }`; unknown fields get `unknownField`. Field
 * names are the client's (`toString`, `__proto__`), so they are collected in a Map, never looked
 * up on a plain object where Object.prototype would answer.
 */
export function apiFieldErrors(error: z.ZodError): FieldErrors {
  const out = new Map<string, string[]>();
  const add = (path: PropertyKey[], key: string) => {
    const name = path.map(String).join(".") || "_body";
    const list = out.get(name) ?? [];
    out.set(name, list);
    if (!list.includes(key)) list.push(key);
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") for (const k of issue.keys) add([...issue.path, k], "unknownField");
    else add(issue.path, messageKey(issue));
  }
  return Object.fromEntries(out);
}

/** One English sentence listing what is wrong, for `detail`. */
export function describeFieldErrors(errors: FieldErrors): string {
  const parts = Object.entries(errors).map(([field, keys]) => `${field}: ${keys.map((k) => apiText(k) ?? k).join(" ")}`);
  return `${parts.length === 1 ? "One field is" : `${parts.length} fields are`} not valid. ${parts.join("; ")}`;
}

export function validationProblem(errors: FieldErrors, where = "request body"): HttpProblem {
  return new HttpProblem(422, { code: "validation", detail: `The ${where} is not valid. ${describeFieldErrors(errors)}`, errors });
}

function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type = "", ...params] = contentType.split(";").map((s) => s.trim().toLowerCase());
  if (type !== "application/json" && !/^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type)) return false;
  const charset = params.find((p) => p.startsWith("charset="))?.slice(8).replace(/"/g, "");
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}

const tooLarge = (max: number) =>
  new HttpProblem(413, { code: "tooLarge", detail: `The request body is larger than ${max} bytes.` });

/** Reads at most `max` bytes of the body; refuses as soon as more arrive, whatever content-length said. */
async function readLimited(req: Request, max: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Reads and validates a JSON request body: 415 unless the content type is JSON (UTF-8), 413 when
 * content-length or the bytes actually sent exceed `maxBytes`, 400 for bytes that are not JSON,
 * 422 with field errors when the schema (a strict object: unknown fields refused) says no.
 * With `allowEmpty`, a request without a body counts as `{}`.
 */
export async function readJson<S extends z.ZodType>(
  req: Request,
  schema: S,
  opts: { maxBytes?: number; allowEmpty?: boolean } = {},
): Promise<z.output<S>> {
  const max = opts.maxBytes ?? MAX_BODY_BYTES;
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > max) throw tooLarge(max);
  const json = isJsonMediaType(req.headers.get("content-type"));
  if (!json && !opts.allowEmpty) {
    throw new HttpProblem(415, { code: "unsupportedMediaType", detail: "Send the request body as application/json (UTF-8)." }, { "accept-post": "application/json" });
  }
  const bytes = await readLimited(req, max);
  let value: unknown;
  if (bytes.byteLength === 0 && opts.allowEmpty) {
    value = {};
  } else if (!json) {
    throw new HttpProblem(415, { code: "unsupportedMediaType", detail: "Send the request body as application/json (UTF-8)." }, { "accept-post": "application/json" });
  } else {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new HttpProblem(400, { code: "malformedJson", detail: "The request body is not valid UTF-8." });
    }
    try {
      value = JSON.parse(text);
    } catch (err) {
      const why = err instanceof SyntaxError ? ` (${err.message})` : "";
      throw new HttpProblem(400, { code: "malformedJson", detail: `The request body is not valid JSON${why}.` });
    }
  }
  return validate(schema, value);
}

/** Validates a value already read from the body; failures are 422 with field errors. */
export async function validate<S extends z.ZodType>(schema: S, value: unknown): Promise<z.output<S>> {
  const parsed = await schema.safeParseAsync(value, { reportInput: true });
  if (!parsed.success) throw validationProblem(apiFieldErrors(parsed.error));
  return parsed.data;
}

/**
 * Validates query parameters (each given once) with a schema; failures are 422 like bodies. A
 * parameter holding U+0000 (which PostgreSQL text cannot hold) is refused whatever its name.
 */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const params: Record<string, string> = {};
  const refused = new Map<string, string[]>();
  for (const [k, v] of new URL(req.url).searchParams) {
    if (!hasNoNul(k) || !hasNoNul(v)) refused.set(k, [NUL_REFUSED.error]);
    else Object.defineProperty(params, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  if (refused.size > 0) throw validationProblem(Object.fromEntries(refused), "query string");
  const parsed = schema.safeParse(params, { reportInput: true });
  if (!parsed.success) throw validationProblem(apiFieldErrors(parsed.error), "query string");
  return parsed.data;
}

const camel = (code: string) => code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Any error as a problem response; unexpected ones are logged and answered without details. */
export function problemFor(err: unknown, req: Request): Response {
  const instance = new URL(req.url).pathname;
  if (err instanceof HttpProblem) {
    return problem(err.status, REASON[err.status] ?? "Error", { ...err.extra, instance }, err.headers);
  }
  if (err instanceof z.ZodError) {
    const p = validationProblem(apiFieldErrors(err));
    return problem(422, REASON[422]!, { ...p.extra, instance });
  }
  if (err instanceof AppError) {
    const status = httpStatusOf(err);
    const key = KEY.test(err.message) ? err.message : camel(err.code);
    const extra: ProblemExtra = { detail: apiText(key) ?? err.message, instance, code: key };
    if (err instanceof ConflictError && err.field) extra.errors = { [err.field]: [key] };
    const headers: HeadersInit = status === 401 ? { "www-authenticate": WWW_AUTHENTICATE } : {};
    return problem(status, REASON[status] ?? "Error", extra, headers);
  }
  logUnexpected(`[api] unexpected error on ${req.method} ${instance}:`, err);
  return problem(500, REASON[500]!, { detail: "Something went wrong on our side. Please try again later.", instance, code: "internal" });
}

/**
 * Wraps a route handler: whatever it throws becomes RFC 9457 problem JSON (AppError → its
 * status, ZodError → 422, anything else → 500 without a stack).
 */
export function handle<C = unknown>(fn: (req: Request, ctx: C) => Promise<Response>): (req: Request, ctx: C) => Promise<Response> {
  return async (req, ctx) => {
    try {
      return await fn(req, ctx);
    } catch (err) {
      if (err instanceof AppError) await recordRefusal(actors.get(req) ?? null, err, `${req.method} ${new URL(req.url).pathname}`);
      return problemFor(err, req);
    }
  };
}

// The person lib/api/auth found for a request, so a refusal can be audited without a second lookup.
const actors = new WeakMap<Request, UserActor>();

/** Notes who a request acts for (called by lib/api/auth). */
export function rememberActor(req: Request, actor: UserActor | null): UserActor | null {
  if (actor) actors.set(req, actor);
  return actor;
}

/** A JSON answer that is never cached. */
export function json(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("cache-control", "no-store");
  return Response.json(body, { status: init.status ?? 200, headers });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/**
 * Handlers for the methods a route does not serve: a 405 problem naming the ones it does in
 * `Allow` (Next's own 405 has neither body nor `Allow`). In a route file:
 * `export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");`
 */
export function otherMethods(...allowed: Method[]): Record<Method, (req: Request) => Response> {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = (req: Request) =>
    problem(405, REASON[405]!, { detail: `${req.method} is not allowed here; this resource answers ${allow}.`, instance: new URL(req.url).pathname, code: "methodNotAllowed" }, { allow });
  return Object.fromEntries(METHODS.map((m) => [m, refuse])) as Record<Method, (req: Request) => Response>;
}

/** The second argument Next passes to a route handler under `[id]`. */
export interface IdContext {
  params: Promise<{ id: string }>;
}
