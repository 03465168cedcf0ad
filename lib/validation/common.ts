import { z } from "zod";

// zod compiles object parsers with `new Function` when it can; probing for that trips the
// signed-in pages' Content-Security-Policy (no 'unsafe-eval'). Every schema module imports this one.
z.config({ jitless: true });

/*
 * Error messages in schemas are message keys (under `errors.` in messages/*.json), so one schema
 * serves the browser and the server and the text is shown in the reader's language.
 */

/** PostgreSQL text cannot hold U+0000: a string with one is refused before it reaches the database. */
export const hasNoNul = (v: string): boolean => !v.includes("\u0000");
export const NUL_REFUSED = { error: "invalidCharacter", abort: true } as const;

/**
 * `z.string()` that refuses U+0000 with `invalidCharacter`. Every string of every schema in
 * lib/validation and lib/api starts from this one (nul.test.ts checks that none uses
 * `z.string()` itself).
 */
export const plainString = (params?: Parameters<typeof z.string>[0]) => z.string(params).refine(hasNoNul, NUL_REFUSED);

export const requiredText = (max: number) =>
  plainString({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: "tooLong" });

export const optionalText = (max: number) => plainString().trim().max(max, { error: "tooLong" }).default("");

export const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: "number" })
    .refine((n) => Number.isFinite(n), { error: "number" })
    .refine((n) => Number.isInteger(n), { error: "wholeNumber" })
    .refine((n) => n >= min, { error: "tooSmall" })
    .refine((n) => n <= max, { error: "tooLarge" });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as `YYYY-MM-DD` that exists (no 30 February). */
export const calendarDate = plainString({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .refine((v) => ISO_DATE.test(v), { error: "date", abort: true })
  .refine((v) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100, { error: "date", abort: true })
  .refine(isRealDate, { error: "dateNotReal" });

/** Whether a well-formed `YYYY-MM-DD` names a day that exists (no 31 February). */
function isRealDate(v: string): boolean {
  const [y, m, d] = v.split("-").map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const timeZone = plainString({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .refine(isTimeZone, { error: "timeZone" });

export function isTimeZone(v: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: v });
    return v.includes("/") || v === "UTC";
  } catch {
    return false;
  }
}

/**
 * One mailbox, normalised: NFKC, trimmed, lower-cased; no display names, lists, quotes or
 * anything an address parser could split into two recipients.
 */
export const emailAddress = plainString({ error: "required" })
  .transform((v) => v.normalize("NFKC").trim().toLowerCase())
  .pipe(
    plainString()
      .min(1, { error: "required" })
      .max(254, { error: "tooLong" })
      .refine(isSingleMailbox, { error: "email" }),
  );

const SINGLE_MAILBOX = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function isSingleMailbox(v: string): boolean {
  return SINGLE_MAILBOX.test(v) && !v.includes("..") && v.split("@").length === 2;
}

export type FieldErrors = Record<string, string[] | undefined>;

/** What a server action answers: expected failures come back as values, never as throws. */
export type ActionResult<T = void> =
  | { ok: true; data?: T }
  | { ok: false; error?: string; fieldErrors?: FieldErrors };

/**
 * Turns a zod error into `{ field: [messageKey] }`. Paths may carry names the client chose
 * (`constructor`), so they are collected in a Map, not looked up on a plain object.
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out = new Map<string, string[]>();
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out.set(key, [...(out.get(key) ?? []), issue.message]);
  }
  return Object.fromEntries(out);
}
