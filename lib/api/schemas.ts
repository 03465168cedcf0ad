import { z } from "zod";
import { ENROLLMENT_STATUSES, PARTNER_KINDS, PARTNER_STATUSES } from "@/db/schema/enums";
import { AUDIT_ACTIONS } from "@/lib/dal/audit";
import { ENROLLMENT_SORTS } from "@/lib/dal/enrollment-queries";
import type { UserActor } from "@/lib/dal/actor";
import { optionalText, plainString, wholeNumber } from "@/lib/validation/common";
import { signUpSchemaFor, type SignUpQuestion } from "@/lib/validation/enrollment";

/** Paging in the query string: `page` from 1, `pageSize` 1–100. */
export const pageQuery = z.object({
  page: wholeNumber(1, 1_000_000).default(1),
  pageSize: wholeNumber(1, 100).default(20),
});

/** A coordinator's view of a cohort's applications (query string). */
export const enrollmentListQuery = pageQuery.extend({
  q: plainString().trim().max(200, { error: "tooLong" }).optional(),
  status: z.enum(ENROLLMENT_STATUSES, { error: "invalid" }).optional(),
  policyArea: plainString().trim().min(1, { error: "required" }).max(200, { error: "tooLong" }).optional(),
  sort: z.enum(ENROLLMENT_SORTS, { error: "invalid" }).default("arrival"),
  pageSize: wholeNumber(1, 200).default(50),
});

export const withdrawBody = z.strictObject({ reason: optionalText(1000) });

export const offerBody = z.strictObject({ accept: z.boolean({ error: "required" }) });

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A sign-up through the API: the cohort's own sign-up schema; `email` (and `name`, when the
 * account has one) may be left out, since the signed-in person always signs up as themself.
 */
export function apiSignUpSchema(cohort: { policyAreas: string[]; questions: SignUpQuestion[] }, actor: UserActor) {
  return z.preprocess(
    (v) => (isPlainObject(v) ? { email: actor.email, ...(actor.name ? { name: actor.name } : {}), ...v } : v),
    signUpSchemaFor(cohort),
  );
}

/** A coordinator's list of the organisation's partners (query string). */
export const partnerListQuery = z.object({
  status: z.enum(PARTNER_STATUSES, { error: "invalid" }).optional(),
  kind: z.enum(PARTNER_KINDS, { error: "invalid" }).optional(),
  q: plainString().trim().max(200, { error: "tooLong" }).optional(),
});

/** `true`/`false` in a query string. */
const queryFlag = z.enum(["true", "false"], { error: "invalid" }).transform((v) => v === "true");

/** A cohort's pairs (query string): only active ones unless `includeEnded=true`. */
export const cohortPairsQuery = z.object({ includeEnded: queryFlag.default(false) });

/**
 * A PATCH body: any JSON object, kept as parsed. (z.record would drop a `__proto__` key silently;
 * kept, it is refused as an unknown field like any other.)
 */
export const patchBody = z.custom<Record<string, unknown>>(isPlainObject, { error: "invalid" });

/** Fields only a coordinator may change on a partner. */
export const PARTNER_IDENTITY_FIELDS = ["name", "kind", "aliases"] as const;

/**
 * A partial update of a partner: the fields sent are laid over the stored ones and the whole is
 * validated with the form's schema (the owner's or the coordinator's), so PATCH needs only what changes.
 */
export function partnerPatchSchema<S extends z.ZodType>(schema: S, current: Record<string, unknown>) {
  return z.preprocess((v) => (isPlainObject(v) ? { ...current, ...v } : v), schema);
}

/** An admin's view of the organisation's audit log (query string). */
export const auditEventsQuery = pageQuery.extend({
  action: z.enum(AUDIT_ACTIONS, { error: "invalid" }).optional(),
  organisationId: plainString().max(100, { error: "tooLong" }).optional(),
  pageSize: wholeNumber(1, 200).default(50),
});
