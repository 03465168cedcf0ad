import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cohorts, decisionBatches, enrollments, type DecisionBatchItem, type Locale } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { DecisionInput, SignUpInput } from "@/lib/validation/enrollment";
import { assertRole, COORDINATING, requireUser, type Actor, type SystemActor, type UserActor } from "./actor";
import { admit, detailsOf, type SignUpResult } from "./admission";
import { planDecision, TARGET, type DecisionRefusal } from "./decision-plan";
import { normaliseEmail } from "./auth";
import {
  enrollmentRowColumns,
  enterCohortOrganisation,
  lockCohort,
  notifyEnrollment,
  offerFreedPlaces,
  placesTaken,
  signUpOpen,
  transition,
} from "./enrollment-rules";
import { isUuid } from "./programmes";
import { limitPublicForm } from "./rate-limit";
import { dropWaitingRequest, requestSignUpConfirmation } from "./sign-up-confirmation";
import { asActor, inScope, narrowTo, system, tenant } from "./rls";
import type { Tx } from "./tx";

export type { SignUpResult } from "./admission";

/** What a sign-up through the public form answers: nothing is held until the address is confirmed. */
export interface UnconfirmedSignUp {
  enrollmentId: null;
  status: "unconfirmed";
  waitlistPosition: null;
}
export type SignUpOutcome = SignUpResult | UnconfirmedSignUp;

/**
 * A person signs up for a cohort. A signed-in person (session or API token) has a proven address
 * and is admitted at once: first-come cohorts accept while places last and nobody waits,
 * otherwise the person joins the waitlist; reviewed cohorts record an application. The cohort's
 * row is locked, so concurrent sign-ups are decided one by one and never exceed the places.
 * Anyone else (the public form) only gets a confirmation mailed to the address: the sign-up
 * holds nothing until its owner follows the link (see sign-up-confirmation.ts).
 */
export async function signUp(actor: UserActor | SystemActor, cohortId: string, input: SignUpInput, opts: SignUpOptions): Promise<SignUpResult>;
export async function signUp(actor: Actor | null, cohortId: string, input: SignUpInput, opts: SignUpOptions): Promise<SignUpOutcome>;
export async function signUp(actor: Actor | null, cohortId: string, input: SignUpInput, opts: SignUpOptions): Promise<SignUpOutcome> {
  if (!isUuid(cohortId)) throw new NotFoundError();
  const now = opts.now ?? new Date();
  const db = await getDb();
  if (!actor) {
    await limitPublicForm(db, "signup", { email: input.email, ip: opts.ip });
    await requestSignUpConfirmation(cohortId, input, { locale: opts.locale, now });
    return { enrollmentId: null, status: "unconfirmed", waitlistPosition: null };
  }
  // A signed-in person always signs up as themself; the operator (system) for the address given.
  const signedIn = actor.kind === "user" ? actor : null;
  const email = signedIn ? signedIn.email : normaliseEmail(input.email);
  // Anyone may sign up, also for an organisation they do not belong to yet: the cohort's
  // organisation is found in the catalogue's scope (no drafts), then the work is walled to it.
  return inScope({ kind: "public" }, async (tx) => {
    await enterCohortOrganisation(tx, cohortId);
    const cohort = await lockCohort(tx, cohortId);
    if (cohort.status === "draft" || cohort.archivedAt) throw new NotFoundError();
    if (!signUpOpen(cohort, now)) throw new ConflictError("signUpClosed");
    const result = await admit(tx, cohort, { email, locale: signedIn?.locale ?? opts.locale }, detailsOf(input), now);
    await dropWaitingRequest(tx, cohort.id, email);
    return result;
  });
}

interface SignUpOptions {
  locale: Locale;
  now?: Date;
  ip?: string;
}

export type { DecisionRefusal } from "./decision-plan";

export interface DecisionResult {
  changed: string[];
  unchanged: string[];
  refused: { id: string; reason: DecisionRefusal }[];
  offered: number;
}

/** How long the mails of a bulk decision wait in the outbox, during which the decision can be undone. */
export const DECISION_HOLD_MS = 2 * 60 * 1000;

/**
 * A coordinator accepts, waitlists or rejects one or more applications of a cohort. Accepting
 * takes a place and is refused when none is left; waitlisting or rejecting someone who held a
 * place frees it for the next person on the waitlist. Applied in arrival order. With `batch`, the
 * decision is recorded as a batch that names everyone it touched (see decision-batches.ts), and,
 * when it can be undone, its mails are held in the outbox for DECISION_HOLD_MS.
 */
export async function decideEnrollments(actor: Actor | null, cohortId: string, input: DecisionInput): Promise<DecisionResult>;
export async function decideEnrollments(actor: Actor | null, cohortId: string, input: DecisionInput, opts: { batch: true }): Promise<DecisionResult & { batchId: string }>;
export async function decideEnrollments(
  actor: Actor | null,
  cohortId: string,
  input: DecisionInput,
  opts: { batch?: boolean } = {},
): Promise<DecisionResult & { batchId?: string }> {
  if (!isUuid(cohortId)) throw new NotFoundError();
  const by = { userId: actor?.kind === "user" ? actor.userId : null, reason: input.reason };
  const to = TARGET[input.decision];
  return asActor(actor, async (tx) => {
    // Another organisation's cohort is not there in the actor's scope: 404.
    const [head] = await tx.select({ organisationId: cohorts.organisationId }).from(cohorts).where(eq(cohorts.id, cohortId));
    if (!head) throw new NotFoundError();
    assertRole(actor, head.organisationId, COORDINATING);
    await narrowTo(tx, head.organisationId);
    const cohort = await lockCohort(tx, cohortId);
    if (cohort.archivedAt) throw new ConflictError("archived");
    const rows = await tx
      .select({ ...enrollmentRowColumns, offerExpiresAt: enrollments.offerExpiresAt })
      .from(enrollments)
      // An archived application is decided on only after it is restored.
      .where(and(eq(enrollments.cohortId, cohort.id), inArray(enrollments.id, input.ids), isNull(enrollments.archivedAt)))
      .orderBy(asc(enrollments.seq));
    const before = new Map(rows.map((r) => [r.id, { from: r.status, offerExpiresAt: r.offerExpiresAt }]));
    const plan = planDecision(input.ids, rows, input.decision, await placesTaken(tx, cohort.id), cohort.capacity);
    const changing = rows.filter((r) => plan.changed.includes(r.id));
    for (const e of changing) await transition(tx, e, to, by);
    const offered = await offerFreedPlaces(tx, cohort);
    const result: DecisionResult = { changed: plan.changed, unchanged: plan.unchanged, refused: plan.refused, offered: offered.length };
    // Undoing is only offered where putting things back is exact: no freed place went to someone
    // else and nobody lost a place they held as accepted (their pairs ended with it).
    const undoable = Boolean(opts.batch) && offered.length === 0 && changing.every((e) => before.get(e.id)?.from !== "accepted");
    const holdMs = undoable ? DECISION_HOLD_MS : undefined;
    // Counted once for the batch: whether the cohort is full decides what the waitlist mail says.
    const full = to === "waitlisted" ? (await placesTaken(tx, cohort.id)) >= cohort.capacity : undefined;
    // Mails go out once the outcome is known: someone waitlisted and offered a freed place in the
    // same step gets the offer only, never "you are on the waitlist" beside it.
    const mailIds: string[] = [];
    for (const e of changing) {
      if (offered.includes(e.id)) continue;
      const id = await notifyEnrollment(tx, cohort, { ...e, status: to }, { reason: input.reason || undefined, full, holdMs });
      if (id) mailIds.push(id);
    }
    if (!opts.batch) return result;
    const refusedWhy = new Map(plan.refused.map((r) => [r.id, r.reason]));
    const items: DecisionBatchItem[] = rows.map((r) => ({
      enrollmentId: r.id,
      from: before.get(r.id)!.from,
      offerExpiresAt: before.get(r.id)!.offerExpiresAt?.toISOString() ?? null,
      outcome: plan.changed.includes(r.id) ? "changed" : plan.unchanged.includes(r.id) ? "unchanged" : refusedWhy.get(r.id) === "full" ? "full" : "withdrawn",
    }));
    for (const id of offered) {
      const known = items.find((i) => i.enrollmentId === id);
      if (known) known.outcome = "offered";
      else items.push({ enrollmentId: id, from: "waitlisted", offerExpiresAt: null, outcome: "offered" });
    }
    const [batch] = await tx
      .insert(decisionBatches)
      .values({
        organisationId: cohort.organisationId,
        cohortId: cohort.id,
        actorUserId: by.userId,
        decision: input.decision,
        items,
        mailIds,
        holdUntil: undoable ? sql`now() + make_interval(secs => ${DECISION_HOLD_MS / 1000})` : null,
      })
      .returning({ id: decisionBatches.id });
    return { ...result, batchId: batch!.id };
  });
}

/**
 * Runs `fn` on one of the actor's own enrollments: found in the person's scope (their own
 * records in any organisation), then walled to that enrollment's organisation for the change.
 */
async function onOwnEnrollment<T>(actor: Actor | null, enrollmentId: string, fn: (tx: Tx, user: UserActor, cohortId: string) => Promise<T>): Promise<T> {
  const user = requireUser(actor);
  if (!isUuid(enrollmentId)) throw new NotFoundError();
  return inScope({ kind: "person", userId: user.userId }, async (tx) => {
    const [head] = await tx
      .select({ cohortId: enrollments.cohortId, userId: enrollments.userId, organisationId: enrollments.organisationId })
      .from(enrollments)
      .where(eq(enrollments.id, enrollmentId));
    if (!head || head.userId !== user.userId) throw new NotFoundError();
    await narrowTo(tx, head.organisationId);
    return fn(tx, user, head.cohortId);
  });
}

async function lockedRow(tx: Tx, id: string) {
  const [row] = await tx.select(enrollmentRowColumns).from(enrollments).where(eq(enrollments.id, id)).for("update");
  if (!row) throw new NotFoundError();
  return row;
}

/** A participant withdraws their own sign-up; a place they held goes to the waitlist. */
export async function withdrawEnrollment(actor: Actor | null, enrollmentId: string, reason = ""): Promise<void> {
  await onOwnEnrollment(actor, enrollmentId, async (tx, user, cohortId) => {
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
  await onOwnEnrollment(actor, enrollmentId, async (tx, user, cohortId) => {
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
  // Only which cohorts have lapsed offers is read across organisations; each cohort's work runs
  // walled to its own organisation.
  const due = await inScope(system("offer expiry: cohorts with lapsed offers"), (tx) =>
    tx
      .selectDistinct({ cohortId: enrollments.cohortId, organisationId: enrollments.organisationId })
      .from(enrollments)
      .where(and(eq(enrollments.status, "offered"), lt(enrollments.offerExpiresAt, now))),
  );
  let lapsed = 0;
  for (const { cohortId, organisationId } of due) {
    lapsed += await inScope(tenant(organisationId), async (tx) => {
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
