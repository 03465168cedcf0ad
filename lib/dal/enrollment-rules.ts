/**
 * The rules every enrollment change follows, used inside a transaction that holds the cohort's
 * row lock (lockCohort): places are counted, status changes recorded and announced by mail, and
 * freed places offered to the waitlist. Not exported beyond lib/dal.
 */
import { and, asc, count, eq, inArray, lte } from "drizzle-orm";
import { cohorts, enrollmentEvents, enrollments, organisations, programmes, users, type EnrollmentStatus, type Locale } from "@/db/schema";
import { renderEnrollmentMail, type EnrollmentMailKind } from "@/emails/enrollment";
import { NotFoundError } from "@/lib/errors";
import { endOfDayIn, formatInstantFor, startOfDayIn } from "@/lib/time";
import { signInPageUrl } from "./auth";
import { enqueueMail } from "./mail";
import { endPairsOfEnrollment } from "./pair-rules";
import { narrowTo } from "./rls";
import type { Tx } from "./tx";

/** Statuses that hold one of the cohort's places. */
export const HOLDS_PLACE: readonly EnrollmentStatus[] = ["accepted", "offered"];

export interface LockedCohort {
  id: string;
  organisationId: string;
  name: string;
  programmeName: string;
  capacity: number;
  status: "draft" | "open" | "closed" | "completed";
  admissionMode: "first_come" | "reviewed";
  offerDays: number;
  autoOfferWaitlist: boolean;
  timeZone: string;
  enrollmentOpensOn: string;
  enrollmentDeadline: string;
  /** Archived: read-only, hidden from the public; no sign-up. */
  archivedAt: Date | null;
}

/**
 * Locks the cohort's row until the transaction ends (step 1 of the lock order in tx.ts). Every
 * change that takes or frees a place does this first, so no interleaving of sign-ups and
 * decisions can exceed the capacity; pairings take the same lock first.
 */
export async function lockCohort(tx: Tx, cohortId: string): Promise<LockedCohort> {
  return cohortRow(tx, cohortId, true);
}

/**
 * In a transaction opened in scope "public" (a sign-up or its confirmation, by anyone): finds the
 * cohort's organisation as the catalogue sees it (a draft or unknown cohort is a 404) and walls
 * the rest of the transaction to that organisation.
 */
export async function enterCohortOrganisation(tx: Tx, cohortId: string): Promise<string> {
  const [row] = await tx.select({ organisationId: cohorts.organisationId }).from(cohorts).where(eq(cohorts.id, cohortId));
  if (!row) throw new NotFoundError();
  await narrowTo(tx, row.organisationId);
  return row.organisationId;
}

/** The same facts as lockCohort, without the lock: for work that takes no place. */
export async function readCohort(tx: Tx, cohortId: string): Promise<LockedCohort> {
  return cohortRow(tx, cohortId, false);
}

async function cohortRow(tx: Tx, cohortId: string, lock: boolean): Promise<LockedCohort> {
  const query = tx
    .select({
      id: cohorts.id,
      organisationId: cohorts.organisationId,
      name: cohorts.name,
      capacity: cohorts.capacity,
      status: cohorts.status,
      admissionMode: cohorts.admissionMode,
      offerDays: cohorts.offerDays,
      autoOfferWaitlist: cohorts.autoOfferWaitlist,
      timeZone: cohorts.timeZone,
      enrollmentOpensOn: cohorts.enrollmentOpensOn,
      enrollmentDeadline: cohorts.enrollmentDeadline,
      archivedAt: cohorts.archivedAt,
      programmeId: cohorts.programmeId,
    })
    .from(cohorts)
    .where(eq(cohorts.id, cohortId));
  const [row] = lock ? await query.for("no key update") : await query;
  if (!row) throw new NotFoundError();
  const [programme] = await tx.select({ name: programmes.name }).from(programmes).where(eq(programmes.id, row.programmeId));
  return { ...row, programmeName: programme?.name ?? "" };
}

/** Whether sign-up is open at `now`: published (open) and not archived, and within the window in the cohort's own zone. */
export function signUpOpen(
  cohort: Pick<LockedCohort, "status" | "timeZone" | "enrollmentOpensOn" | "enrollmentDeadline"> & { archivedAt?: Date | null },
  now: Date,
): boolean {
  return (
    cohort.status === "open" &&
    !cohort.archivedAt &&
    startOfDayIn(cohort.enrollmentOpensOn, cohort.timeZone).getTime() <= now.getTime() &&
    now.getTime() <= endOfDayIn(cohort.enrollmentDeadline, cohort.timeZone).getTime()
  );
}

export async function placesTaken(tx: Tx, cohortId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(enrollments)
    .where(and(eq(enrollments.cohortId, cohortId), inArray(enrollments.status, [...HOLDS_PLACE])));
  return row?.n ?? 0;
}

export async function waitlistLength(tx: Tx, cohortId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(enrollments)
    .where(and(eq(enrollments.cohortId, cohortId), eq(enrollments.status, "waitlisted")));
  return row?.n ?? 0;
}

/** 1-based place on the waitlist, in arrival order. */
export async function waitlistPosition(tx: Tx, cohortId: string, seq: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(enrollments)
    .where(and(eq(enrollments.cohortId, cohortId), eq(enrollments.status, "waitlisted"), lte(enrollments.seq, seq)));
  return row?.n ?? 0;
}

export interface EnrollmentRow {
  id: string;
  userId: string;
  cohortId: string;
  organisationId: string;
  status: EnrollmentStatus;
  seq: number;
}

/** Changes a status and records who did it and why; clears an offer's expiry when it leaves 'offered'. */
export async function transition(
  tx: Tx,
  e: EnrollmentRow,
  to: EnrollmentStatus,
  by: { userId: string | null; reason?: string },
  extra: { offerExpiresAt?: Date | null } = {},
): Promise<void> {
  const now = new Date();
  await tx
    .update(enrollments)
    .set({ status: to, offerExpiresAt: to === "offered" ? (extra.offerExpiresAt ?? null) : null, updatedAt: now })
    .where(eq(enrollments.id, e.id));
  await recordEvent(tx, { ...e, status: to }, e.status, by);
  // Someone who no longer has a place is no longer paired: the partner's place frees up.
  if (e.status === "accepted" && to !== "accepted") await endPairsOfEnrollment(tx, e.id, { userId: by.userId, reason: `enrollment:${to}` });
  e.status = to;
}

/** Records that `e` reached its current status (from `from`; null for a new sign-up). */
export async function recordEvent(
  tx: Tx,
  e: EnrollmentRow,
  from: EnrollmentStatus | null,
  by: { userId: string | null; reason?: string },
): Promise<void> {
  await tx.insert(enrollmentEvents).values({
    organisationId: e.organisationId,
    enrollmentId: e.id,
    fromStatus: from,
    toStatus: e.status,
    actorUserId: by.userId,
    reason: by.reason ?? "",
  });
}

const MAIL_FOR: Partial<Record<EnrollmentStatus, EnrollmentMailKind>> = {
  applied: "received",
  accepted: "accepted",
  waitlisted: "waitlisted",
  offered: "offered",
  rejected: "rejected",
  withdrawn: "withdrawn",
};

/** The mail an enrollment that reached `status` gets, if any (before the "full or not" choice for the waitlist). */
export const mailKindFor = (status: EnrollmentStatus): EnrollmentMailKind | undefined => MAIL_FOR[status];

/**
 * Queues the mail that announces an enrollment's status to its person, in their language. Its
 * button leads to the sign-in page (which mails a fresh link), never carrying a token itself.
 * `full` says whether the cohort is full (a batch counts its places once, not per person);
 * `holdMs` keeps the mail in the outbox that long. Returns the outbox row's id, if one was queued.
 */
export async function notifyEnrollment(
  tx: Tx,
  cohort: LockedCohort,
  e: EnrollmentRow,
  opts: { kind?: EnrollmentMailKind; reason?: string; offerExpiresAt?: Date; full?: boolean; holdMs?: number } = {},
): Promise<string | null> {
  const kind = opts.kind ?? MAIL_FOR[e.status];
  if (!kind) return null;
  const [person] = await tx
    .select({ email: users.email, name: users.name, locale: users.locale, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, e.userId));
  if (!person) return null;
  const locale: Locale = person.locale;
  const path = `/${locale}/participant`;
  const url = signInPageUrl(locale, person.email, path);
  const position = e.status === "waitlisted" ? await waitlistPosition(tx, e.cohortId, e.seq) : undefined;
  // "The cohort is full" only when it is: a coordinator may waitlist someone while places are free.
  const full = kind === "waitlisted" && (opts.full ?? (await placesTaken(tx, cohort.id)) >= cohort.capacity);
  const said: EnrollmentMailKind = kind === "waitlisted" && !full ? "waitlistedByReview" : kind;
  const mail = renderEnrollmentMail(locale, said, {
    name: person.name ?? person.email,
    cohort: cohort.name,
    programme: cohort.programmeName,
    url,
    position,
    // In the person's own zone; the cohort's beside it when they differ.
    expires: opts.offerExpiresAt ? formatInstantFor(opts.offerExpiresAt, locale, person.timeZone, cohort.timeZone) : undefined,
    reason: opts.reason,
  });
  return enqueueMail(tx, { ...mail, to: person.email, locale, template: `enrollment-${said}`, organisationId: cohort.organisationId, holdMs: opts.holdMs });
}

/** Whether freed places go to the waitlist by themselves: always in first-come cohorts, in reviewed ones only when the cohort says so. */
export const offersFreedPlaces = (cohort: Pick<LockedCohort, "admissionMode" | "autoOfferWaitlist">): boolean =>
  cohort.admissionMode === "first_come" || cohort.autoOfferWaitlist;

/**
 * Offers every free place to the next people on the waitlist, in arrival order; each offer
 * expires after the cohort's number of offer days. Call after anything that frees a place. Does
 * nothing in a reviewed cohort that does not offer freed places itself (the coordinator decides).
 * Returns the enrollments offered a place.
 */
export async function offerFreedPlaces(tx: Tx, cohort: LockedCohort, now: Date = new Date()): Promise<string[]> {
  if (!offersFreedPlaces(cohort)) return [];
  const free = cohort.capacity - (await placesTaken(tx, cohort.id));
  if (free <= 0) return [];
  const next = await tx
    .select({
      id: enrollments.id,
      userId: enrollments.userId,
      cohortId: enrollments.cohortId,
      organisationId: enrollments.organisationId,
      status: enrollments.status,
      seq: enrollments.seq,
    })
    .from(enrollments)
    .where(and(eq(enrollments.cohortId, cohort.id), eq(enrollments.status, "waitlisted")))
    .orderBy(asc(enrollments.seq))
    .limit(free);
  const expires = new Date(now.getTime() + cohort.offerDays * 86400_000);
  for (const e of next) {
    await transition(tx, e, "offered", { userId: null, reason: "placeFreed" }, { offerExpiresAt: expires });
    await notifyEnrollment(tx, cohort, e, { offerExpiresAt: expires });
  }
  return next.map((e) => e.id);
}

/** The organisation's name, for messages. */
export async function organisationName(tx: Tx, id: string): Promise<string> {
  const [row] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name ?? "";
}

export const enrollmentRowColumns = {
  id: enrollments.id,
  userId: enrollments.userId,
  cohortId: enrollments.cohortId,
  organisationId: enrollments.organisationId,
  status: enrollments.status,
  seq: enrollments.seq,
};
