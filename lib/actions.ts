import type { z } from "zod";
import { AppError, ConflictError } from "@/lib/errors";
import { logUnexpected } from "@/lib/log-error";
import { fieldErrorsOf, type ActionResult } from "@/lib/validation/common";

/**
 * The one way a server action runs: parse the input with the same zod schema the form used,
 * call the DAL, and turn expected failures into values the form can show next to its fields.
 */
export async function runAction<S extends z.ZodType, T = undefined>(
  schema: S,
  input: unknown,
  fn: (data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "fixFields", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const data = await fn(parsed.data);
    return data === undefined ? { ok: true } : { ok: true, data };
  } catch (err) {
    return failureOf(err);
  }
}

/** Maps an error thrown by the DAL to an action result; unexpected errors are logged, not shown. */
export function failureOf(err: unknown): { ok: false; error: string; fieldErrors?: Record<string, string[]> } {
  if (err instanceof ConflictError && err.field) {
    return { ok: false, error: "fixFields", fieldErrors: { [err.field]: [conflictKey(err.message)] } };
  }
  if (err instanceof ConflictError && KEY.test(err.message)) return { ok: false, error: err.message };
  if (err instanceof AppError && err.code === "rate_limited") return { ok: false, error: "rateLimited" };
  if (err instanceof AppError) {
    return { ok: false, error: err.code === "not_found" ? "notFound" : err.code === "forbidden" ? "forbidden" : "generic" };
  }
  logUnexpected("[action] unexpected error:", err);
  return { ok: false, error: "generic" };
}

/** Conflicts carry a message key (`cohortFull`), shown under `errors.` in the reader's language. */
const KEY = /^[a-z][A-Za-z]+$/;
const conflictKey = (message: string): string => (message === "Already a member" ? "alreadyMember" : KEY.test(message) ? message : "invalid");
