/**
 * Decisions on several applications at once, as a coordinator sees them: a preview of who is
 * affected and what each person will be mailed (before anything changes), the batch afterwards
 * with everyone named, and an undo while its mails are still held in the outbox.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cohorts, decisionBatches, enrollments, mailOutbox, pairs, users, type EnrollmentStatus, type Locale } from "@/db/schema";
import { renderEnrollmentMail, type EnrollmentMailKind } from "@/emails/enrollment";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Decision, DecisionInput } from "@/lib/validation/enrollment";
import { assertRole, COORDINATING, type Actor } from "./actor";
import { signInPageUrl } from "./auth";
import { planDecision, TARGET } from "./decision-plan";
import { enrollmentRowColumns, lockCohort, mailKindFor, offersFreedPlaces, placesTaken, readCohort, recordEvent } from "./enrollment-rules";
import { isUuid } from "./programmes";
import { asActor } from "./rls";
import { transaction, type Tx } from "./tx";

export type PersonOutcome = "changed" | "unchanged" | "full" | "withdrawn" | "offered";

/** One person a decision touches, and the mail they get (subject and text in their language). */
export interface AffectedPerson {
  enrollmentId: string;
  name: string;
  email: string;
  locale: Locale;
  from: EnrollmentStatus;
  outcome: PersonOutcome;
  mail: { subject: string; text: string } | null;
}

export interface DecisionPreview {
  cohortId: string;
  cohortName: string;
  decision: Decision;
  people: AffectedPerson[];
  notFound: number;
  /** Freed places will be offered to the waitlist at once (then the decision cannot be undone). */
  offersFreedPlaces: boolean;
  /** Whether the mails will be held, so that the decision can be undone for a short while. */
  undoable: boolean;
}

async function coordinatedCohort(tx: Tx, actor: Actor | null, cohortId: string) {
  if (!isUuid(cohortId)) throw new NotFoundError();
  const [c] = await tx.select({ organisationId: cohorts.organisationId }).from(cohorts).where(eq(cohorts.id, cohortId));
  if (!c) throw new NotFoundError();
  assertRole(actor, c.organisationId, COORDINATING);
}

const personColumns = { ...enrollmentRowColumns, offerExpiresAt: enrollments.offerExpiresAt, name: users.name, email: users.email, locale: users.locale };

/**
 * What `decideEnrollments` would do with `input`, changing nothing: who is affected (by name),
 * who is refused and why, and the mail each person would receive, rendered in their language.
 */
export async function previewDecision(actor: Actor | null, cohortId: string, input: DecisionInput): Promise<DecisionPreview> {
  return asActor(actor, async (tx) => {
    await coordinatedCohort(tx, actor, cohortId);
    const cohort = await readCohort(tx, cohortId);
    const rows = await tx
      .select(personColumns)
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(and(eq(enrollments.cohortId, cohortId), inArray(enrollments.id, input.ids)))
      .orderBy(asc(enrollments.seq));
    const taken = await placesTaken(tx, cohortId);
    const plan = planDecision(input.ids, rows, input.decision, taken, cohort.capacity);
    const to = TARGET[input.decision];
    const changing = rows.filter((r) => plan.changed.includes(r.id));
    const frees = plan.taken < cohort.capacity && changing.some((r) => r.status === "accepted" || r.status === "offered");
    const autoOffers = frees && offersFreedPlaces(cohort);
    // Waitlist positions as they will be: today's waitlist plus the people put on it now.
    const waiting =
      to === "waitlisted"
        ? [...(await tx.select({ seq: enrollments.seq }).from(enrollments).where(and(eq(enrollments.cohortId, cohortId), eq(enrollments.status, "waitlisted")))).map((r) => r.seq), ...changing.map((r) => r.seq)]
        : [];
    const full = plan.taken >= cohort.capacity;
    const refusedWhy = new Map(plan.refused.map((r) => [r.id, r.reason]));
    const people = rows.map((r): AffectedPerson => {
      const outcome: PersonOutcome = plan.changed.includes(r.id) ? "changed" : plan.unchanged.includes(r.id) ? "unchanged" : refusedWhy.get(r.id) === "full" ? "full" : "withdrawn";
      let mail: AffectedPerson["mail"] = null;
      const kind = mailKindFor(to);
      if (outcome === "changed" && kind) {
        const said: EnrollmentMailKind = kind === "waitlisted" && !full ? "waitlistedByReview" : kind;
        const m = renderEnrollmentMail(r.locale, said, {
          name: r.name ?? r.email,
          cohort: cohort.name,
          programme: cohort.programmeName,
          url: signInPageUrl(r.locale, r.email, `/${r.locale}/participant`),
          position: to === "waitlisted" ? waiting.filter((s) => s <= r.seq).length : undefined,
          reason: input.reason || undefined,
        });
        mail = { subject: m.subject, text: m.text };
      }
      return { enrollmentId: r.id, name: r.name ?? r.email, email: r.email, locale: r.locale, from: r.status, outcome, mail };
    });
    return {
      cohortId,
      cohortName: cohort.name,
      decision: input.decision,
      people,
      notFound: plan.refused.filter((r) => r.reason === "notFound").length,
      offersFreedPlaces: autoOffers,
      undoable: !autoOffers && changing.every((r) => r.status !== "accepted"),
    };
  });
}

export interface DecisionBatchView {
  id: string;
  cohortId: string;
  decision: Decision;
  createdAt: Date;
  /** Until when the mails wait (null: they were not held). */
  holdUntil: Date | null;
  undoneAt: Date | null;
  /** The mails are still unsent and the decision can be undone now. */
  canUndo: boolean;
  /** How many of its mails have gone out (or are being sent). */
  mailsSent: number;
  mailsQueued: number;
  people: (Omit<AffectedPerson, "mail" | "locale"> & { status: EnrollmentStatus })[];
}

/** A decision batch of a cohort the actor coordinates, naming everyone it touched. */
export async function getDecisionBatch(actor: Actor | null, cohortId: string, batchId: string): Promise<DecisionBatchView> {
  if (!isUuid(batchId)) throw new NotFoundError();
  const { batch, rows } = await asActor(actor, async (tx) => {
    await coordinatedCohort(tx, actor, cohortId);
    const [batch] = await tx
      .select({
        id: decisionBatches.id,
        cohortId: decisionBatches.cohortId,
        decision: decisionBatches.decision,
        items: decisionBatches.items,
        mailIds: decisionBatches.mailIds,
        holdUntil: decisionBatches.holdUntil,
        undoneAt: decisionBatches.undoneAt,
        createdAt: decisionBatches.createdAt,
        held: sql<boolean>`coalesce(${decisionBatches.holdUntil} > now(), false)`,
      })
      .from(decisionBatches)
      .where(and(eq(decisionBatches.id, batchId), eq(decisionBatches.cohortId, cohortId)));
    if (!batch) throw new NotFoundError();
    const ids = batch.items.map((i) => i.enrollmentId);
    const rows = ids.length
      ? await tx
          .select({ id: enrollments.id, status: enrollments.status, name: users.name, email: users.email })
          .from(enrollments)
          .innerJoin(users, eq(users.id, enrollments.userId))
          .where(inArray(enrollments.id, ids))
      : [];
    return { batch, rows };
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Mail is not readable inside a tenant's wall: how many of the batch's mails are still held is
  // counted by id outside it, after it (the ids come from the batch the check above let through).
  const pending = await countHeldMails(batch.mailIds);
  const people = batch.items.flatMap((i) => {
    const r = byId.get(i.enrollmentId);
    return r ? [{ enrollmentId: i.enrollmentId, name: r.name ?? r.email, email: r.email, from: i.from, outcome: i.outcome, status: r.status }] : [];
  });
  return {
    id: batch.id,
    cohortId: batch.cohortId,
    decision: batch.decision as Decision,
    createdAt: batch.createdAt,
    holdUntil: batch.holdUntil,
    undoneAt: batch.undoneAt,
    canUndo: !batch.undoneAt && batch.held && pending === batch.mailIds.length,
    mailsSent: batch.undoneAt ? 0 : batch.mailIds.length - pending,
    mailsQueued: batch.mailIds.length,
    people,
  };
}

async function countHeldMails(ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(and(inArray(mailOutbox.id, ids), eq(mailOutbox.status, "pending"), eq(mailOutbox.attempts, 0)));
  return Number(row?.n ?? 0);
}

/**
 * Undoes a decision batch while its mails are still held: every enrollment it changed goes back
 * to what it was (recorded in its history as undone) and the unsent mails are dropped. Refused
 * (409 `cannotUndo`) once a mail has gone out, the hold is over, or someone's status changed since.
 */
export async function undoDecisionBatch(actor: Actor | null, cohortId: string, batchId: string): Promise<{ restored: string[] }> {
  if (!isUuid(cohortId) || !isUuid(batchId)) throw new NotFoundError();
  const db = await getDb();
  const [head] = await db.select({ organisationId: cohorts.organisationId }).from(cohorts).where(eq(cohorts.id, cohortId));
  if (!head) throw new NotFoundError();
  assertRole(actor, head.organisationId, COORDINATING);
  const by = { userId: actor?.kind === "user" ? actor.userId : null, reason: "undone" };
  return transaction(db, async (tx) => {
    const cohort = await lockCohort(tx, cohortId);
    const [batch] = await tx
      .select({ items: decisionBatches.items, mailIds: decisionBatches.mailIds, decision: decisionBatches.decision, undoneAt: decisionBatches.undoneAt, held: sql<boolean>`coalesce(${decisionBatches.holdUntil} > now(), false)` })
      .from(decisionBatches)
      .where(and(eq(decisionBatches.id, batchId), eq(decisionBatches.cohortId, cohortId)))
      .for("update");
    if (!batch) throw new NotFoundError();
    if (batch.undoneAt || !batch.held) throw new ConflictError("cannotUndo");
    // Only mails nobody has claimed yet are dropped; if one has gone (or is going) out, nothing is undone.
    if (batch.mailIds.length > 0) {
      const dropped = await tx
        .delete(mailOutbox)
        .where(and(inArray(mailOutbox.id, batch.mailIds), eq(mailOutbox.status, "pending"), eq(mailOutbox.attempts, 0)))
        .returning({ id: mailOutbox.id });
      if (dropped.length !== batch.mailIds.length) throw new ConflictError("cannotUndo");
    }
    const to = TARGET[batch.decision as Decision];
    const changed = batch.items.filter((i) => i.outcome === "changed");
    const rows = changed.length
      ? await tx
          .select(enrollmentRowColumns)
          .from(enrollments)
          .where(inArray(enrollments.id, changed.map((i) => i.enrollmentId)))
          .for("update")
      : [];
    // Someone accepted and already paired in the meantime: undoing would leave a pair without a place.
    if (to === "accepted" && rows.length > 0) {
      const [paired] = await tx.select({ id: pairs.id }).from(pairs).where(and(inArray(pairs.enrollmentId, rows.map((r) => r.id)), isNull(pairs.endedAt))).limit(1);
      if (paired) throw new ConflictError("cannotUndo");
    }
    let taken = await placesTaken(tx, cohort.id);
    for (const item of changed) {
      const e = rows.find((r) => r.id === item.enrollmentId);
      // Someone changed since (withdrew, was decided again): putting them back would undo that too.
      if (!e || e.status !== to) throw new ConflictError("cannotUndo");
      const takesPlace = item.from === "accepted" || item.from === "offered";
      if (takesPlace && to !== "accepted") {
        if (taken >= cohort.capacity) throw new ConflictError("cannotUndo");
        taken++;
      }
      if (to === "accepted" && !takesPlace) taken--;
      await tx
        .update(enrollments)
        .set({ status: item.from, offerExpiresAt: item.offerExpiresAt ? new Date(item.offerExpiresAt) : null, updatedAt: new Date() })
        .where(eq(enrollments.id, e.id));
      await recordEvent(tx, { ...e, status: item.from }, e.status, by);
    }
    await tx.update(decisionBatches).set({ undoneAt: sql`now()` }).where(eq(decisionBatches.id, batchId));
    return { restored: changed.map((i) => i.enrollmentId) };
  });
}
