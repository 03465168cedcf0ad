/**
 * Admission of one person whose address is proven (signed in, or confirmed by the link in the
 * mail) to a cohort, inside a transaction that holds the cohort's lock. Not exported beyond lib/dal.
 */
import { and, eq, sql } from "drizzle-orm";
import { enrollments, memberships, users, type Locale, type SignUpDetails } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import type { SignUpInput } from "@/lib/validation/enrollment";
import {
  enrollmentRowColumns,
  notifyEnrollment,
  placesTaken,
  recordEvent,
  waitlistLength,
  waitlistPosition,
  type EnrollmentRow,
  type LockedCohort,
} from "./enrollment-rules";
import { ensureUser } from "./members";
import type { Tx } from "./tx";

export interface SignUpResult {
  enrollmentId: string;
  status: "applied" | "accepted" | "waitlisted";
  waitlistPosition: number | null;
}

/** What the form said besides the address and the consent, as kept for an enrollment. */
export function detailsOf(input: SignUpInput): SignUpDetails {
  return {
    name: input.name,
    employer: input.employer,
    department: input.department,
    jobTitle: input.jobTitle,
    policyAreas: input.policyAreas,
    languages: input.languages,
    region: input.region,
    motivation: input.motivation,
    availableHalfDays: input.availableHalfDays,
    answers: dropEmpty(input.answers),
    timeZone: input.timeZone || undefined,
  };
}

function dropEmpty(answers: Record<string, unknown>): Record<string, string | string[] | boolean> {
  const out: Record<string, string | string[] | boolean> = {};
  for (const [k, v] of Object.entries(answers)) {
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v as string | string[] | boolean;
  }
  return out;
}

/** The enrollment of `email` in the cohort that still counts (anything but withdrawn), if any. */
export async function activeEnrollmentOf(tx: Tx, cohortId: string, email: string): Promise<EnrollmentRow | null> {
  const [row] = await tx
    .select(enrollmentRowColumns)
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.cohortId, cohortId), eq(users.email, email), sql`${enrollments.status} <> 'withdrawn'`));
  return row ?? null;
}

/**
 * Admits a person to a locked cohort: first-come cohorts accept while places last and nobody
 * waits, otherwise the person joins the waitlist; reviewed cohorts record an application. The
 * account is made for the address when needed and joins the organisation as a participant.
 * Arrival order (`seq`) is taken now, so the waitlist is ordered by the moment the address was
 * proven. Queues the status mail, whose link leads to the participant page (not a sign-in link).
 */
export async function admit(
  tx: Tx,
  cohort: LockedCohort,
  who: { email: string; locale: Locale },
  details: SignUpDetails,
  now: Date,
): Promise<SignUpResult> {
  const user = await ensureUser(tx, who.email, details.name, who.locale, details.timeZone);
  if (!user.name) await tx.update(users).set({ name: details.name }).where(eq(users.id, user.id));

  const [existing] = await tx
    .select(enrollmentRowColumns)
    .from(enrollments)
    .where(and(eq(enrollments.cohortId, cohort.id), eq(enrollments.userId, user.id)));
  if (existing && existing.status !== "withdrawn") throw new ConflictError("alreadySignedUp", "email");

  await tx
    .insert(memberships)
    .values({ organisationId: cohort.organisationId, userId: user.id, role: "participant" })
    .onConflictDoNothing();

  let status: SignUpResult["status"] = "applied";
  if (cohort.admissionMode === "first_come") {
    const full = (await placesTaken(tx, cohort.id)) >= cohort.capacity;
    status = full || (await waitlistLength(tx, cohort.id)) > 0 ? "waitlisted" : "accepted";
  }
  const { name: _name, timeZone: _zone, ...rest } = details;
  const fields = { ...rest, status, consentedAt: now, offerExpiresAt: null, updatedAt: now };
  let row: EnrollmentRow;
  if (existing) {
    // Signing up again after withdrawing: a new place in the arrival order.
    await tx.update(enrollments).set(fields).where(eq(enrollments.id, existing.id));
    await tx.execute(sql`UPDATE enrollments SET seq = DEFAULT WHERE id = ${existing.id}`);
    const [updated] = await tx.select(enrollmentRowColumns).from(enrollments).where(eq(enrollments.id, existing.id));
    row = updated!;
    await recordEvent(tx, row, "withdrawn", { userId: user.id, reason: "signedUpAgain" });
  } else {
    const [inserted] = await tx
      .insert(enrollments)
      .values({ ...fields, organisationId: cohort.organisationId, cohortId: cohort.id, userId: user.id })
      .returning(enrollmentRowColumns);
    row = inserted!;
    await recordEvent(tx, row, null, { userId: user.id });
  }
  await notifyEnrollment(tx, cohort, row);
  return {
    enrollmentId: row.id,
    status,
    waitlistPosition: status === "waitlisted" ? await waitlistPosition(tx, cohort.id, row.seq) : null,
  };
}
