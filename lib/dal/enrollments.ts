import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cohorts, enrollments, memberships, users, type Locale } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { DecisionInput, SignUpInput } from "@/lib/validation/enrollment";
import { assertRole, COORDINATING, requireUser, type Actor, type SystemActor } from "./actor";
import {
  enrollmentRowColumns,
  HOLDS_PLACE,
  lockCohort,
  notifyEnrollment,
  offerFreedPlaces,
  placesTaken,
  recordEvent,
  signUpOpen,
  transition,
  waitlistLength,
  waitlistPosition,
  type EnrollmentRow,
} from "./enrollment-rules";
import { ensureUser } from "./members";
import { isUuid } from "./programmes";
import { limitPublicForm } from "./rate-limit";

/** How long the sign-in link in the first mail after a sign-up stays valid. */
export const SIGN_UP_LINK_MS = 24 * 3600_000;

export interface SignUpResult {
  enrollmentId: string;
  status: "applied" | "accepted" | "waitlisted";
  waitlistPosition: number | null;
}

/**
 * A person signs up for a cohort. No account is needed: one is made for the address (or the
 * signed-in person is used) and mailed a sign-in link. First-come cohorts accept while places
 * last and nobody waits; otherwise the person joins the waitlist. Reviewed cohorts record an
 * application. The cohort's row is locked, so concurrent sign-ups are decided one by one in
 * arrival order and never exceed the places.
 */
export async function signUp(
  actor: Actor | null,
  cohortId: string,
  input: SignUpInput,
  opts: { locale: Locale; now?: Date; ip?: string },
): Promise<SignUpResult> {
  if (!isUuid(cohortId)) throw new NotFoundError();
  const now = opts.now ?? new Date();
  const signedIn = actor?.kind === "user" ? actor : null;
  const db = await getDb();
  if (!signedIn && actor?.kind !== "system") await limitPublicForm(db, "signup", { email: input.email, ip: opts.ip });
  return db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, cohortId);
    if (cohort.status === "draft") throw new NotFoundError();
    if (!signUpOpen(cohort, now)) throw new ConflictError("signUpClosed");

    // A signed-in person (session or API token) always signs up as themself.
    const email = signedIn ? signedIn.email : input.email;
    const user = await ensureUser(tx, email, input.name, signedIn?.locale ?? opts.locale);
    if (!user.name) await tx.update(users).set({ name: input.name }).where(eq(users.id, user.id));

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
    const fields = {
      status,
      employer: input.employer,
      department: input.department,
      jobTitle: input.jobTitle,
      policyAreas: input.policyAreas,
      languages: input.languages,
      region: input.region,
      motivation: input.motivation,
      availableHalfDays: input.availableHalfDays,
      answers: dropEmpty(input.answers),
      consentedAt: now,
      offerExpiresAt: null,
      updatedAt: now,
    };
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
    await notifyEnrollment(tx, cohort, row, { signInForMs: signedIn ? undefined : SIGN_UP_LINK_MS });
    return {
      enrollmentId: row.id,
      status,
      waitlistPosition: status === "waitlisted" ? await waitlistPosition(tx, cohort.id, row.seq) : null,
    };
  });
}

function dropEmpty(answers: Record<string, unknown>): Record<string, string | string[] | boolean> {
  const out: Record<string, string | string[] | boolean> = {};
  for (const [k, v] of Object.entries(answers)) {
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v as string | string[] | boolean;
  }
  return out;
}

export type DecisionRefusal = "full" | "withdrawn" | "notFound";

export interface DecisionResult {
  changed: string[];
  unchanged: string[];
  refused: { id: string; reason: DecisionRefusal }[];
  offered: number;
}

const TARGET = { accept: "accepted", waitlist: "waitlisted", reject: "rejected" } as const;

/**
 * A coordinator accepts, waitlists or rejects one or more applications of a cohort. Accepting
 * takes a place and is refused when none is left; waitlisting or rejecting someone who held a
 * place frees it for the next person on the waitlist. Applied in arrival order.
 */
export async function decideEnrollments(actor: Actor | null, cohortId: string, input: DecisionInput): Promise<DecisionResult> {
  if (!isUuid(cohortId)) throw new NotFoundError();
  const db = await getDb();
  const [head] = await db.select({ organisationId: cohorts.organisationId }).from(cohorts).where(eq(cohorts.id, cohortId));
  if (!head) throw new NotFoundError();
  assertRole(actor, head.organisationId, COORDINATING);
  const by = { userId: actor?.kind === "user" ? actor.userId : null, reason: input.reason };
  const to = TARGET[input.decision];
  return db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, cohortId);
    const rows = await tx
      .select(enrollmentRowColumns)
      .from(enrollments)
      .where(and(eq(enrollments.cohortId, cohort.id), inArray(enrollments.id, input.ids)))
      .orderBy(asc(enrollments.seq));
    const result: DecisionResult = { changed: [], unchanged: [], refused: [], offered: 0 };
    const found = new Set(rows.map((r) => r.id));
    for (const id of input.ids) if (!found.has(id)) result.refused.push({ id, reason: "notFound" });
    let taken = await placesTaken(tx, cohort.id);
    for (const e of rows) {
      if (e.status === to) {
        result.unchanged.push(e.id);
        continue;
      }
      if (e.status === "withdrawn") {
        result.refused.push({ id: e.id, reason: "withdrawn" });
        continue;
      }
      const held = HOLDS_PLACE.includes(e.status);
      if (to === "accepted" && !held) {
        if (taken >= cohort.capacity) {
          result.refused.push({ id: e.id, reason: "full" });
          continue;
        }
        taken++;
      }
      if (to !== "accepted" && held) taken--;
      await transition(tx, e, to, by);
      await notifyEnrollment(tx, cohort, e, { reason: input.reason || undefined });
      result.changed.push(e.id);
    }
    result.offered = await offerFreedPlaces(tx, cohort);
    return result;
  });
}

/** Loads one of the actor's own enrollments, locked with its cohort. */
async function ownEnrollment(actor: Actor | null, enrollmentId: string) {
  const user = requireUser(actor);
  if (!isUuid(enrollmentId)) throw new NotFoundError();
  const db = await getDb();
  const [head] = await db
    .select({ cohortId: enrollments.cohortId, userId: enrollments.userId })
    .from(enrollments)
    .where(eq(enrollments.id, enrollmentId));
  if (!head || head.userId !== user.userId) throw new NotFoundError();
  return { user, db, cohortId: head.cohortId };
}

async function lockedRow(tx: Parameters<Parameters<Awaited<ReturnType<typeof getDb>>["transaction"]>[0]>[0], id: string) {
  const [row] = await tx.select(enrollmentRowColumns).from(enrollments).where(eq(enrollments.id, id)).for("update");
  if (!row) throw new NotFoundError();
  return row;
}

/** A participant withdraws their own sign-up; a place they held goes to the waitlist. */
export async function withdrawEnrollment(actor: Actor | null, enrollmentId: string, reason = ""): Promise<void> {
  const { user, db, cohortId } = await ownEnrollment(actor, enrollmentId);
  await db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, cohortId);
    const e = await lockedRow(tx, enrollmentId);
    if (e.status === "withdrawn" || e.status === "rejected") throw new ConflictError("cannotWithdraw");
    await transition(tx, e, "withdrawn", { userId: user.userId, reason: reason.slice(0, 1000) });
    await notifyEnrollment(tx, cohort, e);
    await offerFreedPlaces(tx, cohort);
  });
}

/** A participant accepts or declines the place offered to them, before the offer expires. */
export async function respondToOffer(actor: Actor | null, enrollmentId: string, accept: boolean, now: Date = new Date()): Promise<void> {
  const { user, db, cohortId } = await ownEnrollment(actor, enrollmentId);
  await db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, cohortId);
    const [e] = await tx
      .select({ ...enrollmentRowColumns, offerExpiresAt: enrollments.offerExpiresAt })
      .from(enrollments)
      .where(eq(enrollments.id, enrollmentId))
      .for("update");
    if (!e || e.status !== "offered") throw new ConflictError("noOpenOffer");
    if (!e.offerExpiresAt || e.offerExpiresAt.getTime() < now.getTime()) throw new ConflictError("offerExpired");
    if (accept) {
      await transition(tx, e, "accepted", { userId: user.userId, reason: "offerAccepted" });
      await notifyEnrollment(tx, cohort, e);
    } else {
      await transition(tx, e, "withdrawn", { userId: user.userId, reason: "offerDeclined" });
      await notifyEnrollment(tx, cohort, e);
      await offerFreedPlaces(tx, cohort, now);
    }
  });
}

/**
 * Koppel's own job: offers nobody answered in time lapse (the person is told), and their
 * places pass to the next people on the waitlist. Returns how many offers lapsed.
 */
export async function expireOffers(_actor: SystemActor, now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const due = await db
    .selectDistinct({ cohortId: enrollments.cohortId })
    .from(enrollments)
    .where(and(eq(enrollments.status, "offered"), lt(enrollments.offerExpiresAt, now)));
  let lapsed = 0;
  for (const { cohortId } of due) {
    lapsed += await db.transaction(async (tx) => {
      const cohort = await lockCohort(tx, cohortId);
      const rows = await tx
        .select(enrollmentRowColumns)
        .from(enrollments)
        .where(and(eq(enrollments.cohortId, cohortId), eq(enrollments.status, "offered"), lt(enrollments.offerExpiresAt, now)))
        .orderBy(asc(enrollments.seq))
        .for("update");
      for (const e of rows) {
        await transition(tx, e, "withdrawn", { userId: null, reason: "offerExpired" });
        await notifyEnrollment(tx, cohort, e, { kind: "offerExpired" });
      }
      await offerFreedPlaces(tx, cohort, now);
      return rows.length;
    });
  }
  return lapsed;
}
