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
    if (err instanceof AppError) await noteRefusal(err);
    return failureOf(err);
  }
}

/**
 * A 403 or 404 for a signed-in person goes into the audit log, with the page the form was on.
 * Loaded lazily and never throwing: outside a request (tests) there is simply no one to record.
 */
async function noteRefusal(err: AppError): Promise<void> {
  if (err.code !== "forbidden" && err.code !== "not_found") return;
  try {
    const [{ getCurrentActor }, { recordRefusal }, { headers }] = await Promise.all([
      import("@/lib/dal/session"),
      import("@/lib/dal/audit"),
      import("next/headers"),
    ]);
    const actor = await getCurrentActor();
    const referer = (await headers()).get("referer");
    let page = "";
    try {
      page = referer ? new URL(referer).pathname : "";
    } catch {
      page = "";
    }
    await recordRefusal(actor, err, `action ${page}`.trim());
  } catch {
    // No request scope or no database: the refusal itself still reaches the person.
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
