import { and, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cohorts, enrollments, meetings, pairs, partners, users, type MeetingMode, type MeetingSide, type MeetingStatus } from "@/db/schema";
import { renderMeetingMail } from "@/emails/meetings";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatInstant } from "@/lib/time";
import { meetingSchemaAt, type MeetingFormValues, type MeetingResponse } from "@/lib/validation/meeting";
import { COORDINATING, requireUser, type Actor, type UserActor } from "./actor";
import { signInPageUrl } from "./auth";
import { enqueueMail } from "./mail";
import { isUuid } from "./programmes";
import { asActor } from "./rls";
import type { DbOrTx, Tx } from "./tx";

const other = (side: MeetingSide): MeetingSide => (side === "participant" ? "partner" : "participant");

/** A pair with both sides' people, for deciding who may log or answer. */
async function pairSides(db: DbOrTx, pairId: string) {
  if (!isUuid(pairId)) throw new NotFoundError();
  const [pair] = await db
    .select({
      id: pairs.id,
      organisationId: pairs.organisationId,
      status: pairs.status,
      participantUserId: enrollments.userId,
      ownerUserId: partners.ownerUserId,
      partnerName: partners.name,
    })
    .from(pairs)
    .innerJoin(enrollments, eq(enrollments.id, pairs.enrollmentId))
    .innerJoin(partners, eq(partners.id, pairs.partnerId))
    .where(eq(pairs.id, pairId));
  if (!pair) throw new NotFoundError();
  return pair;
}

/** The actor's side of the pair, or null when they are on neither (or no longer in its organisation). */
function sideOf(actor: UserActor, pair: { organisationId: string; participantUserId: string; ownerUserId: string | null }): MeetingSide | null {
  if (!actor.memberships.some((m) => m.organisationId === pair.organisationId)) return null;
  if (pair.participantUserId === actor.userId) return "participant";
  if (pair.ownerUserId === actor.userId) return "partner";
  return null;
}

/** Mails one side of a pair about a meeting, in their language and time zone. */
async function mailSide(
  tx: Tx,
  pair: { organisationId: string; participantUserId: string; ownerUserId: string | null },
  to: MeetingSide,
  kind: "logged" | "disputed",
  m: { startsAt: Date; durationMinutes: number; mode: MeetingMode; notes?: string; comment?: string; otherName: string },
): Promise<void> {
  const userId = to === "participant" ? pair.participantUserId : pair.ownerUserId;
  if (!userId) return;
  const [person] = await tx.select({ email: users.email, name: users.name, locale: users.locale, timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  if (!person) return;
  const mail = renderMeetingMail(person.locale, kind, {
    name: person.name ?? person.email,
    other: m.otherName,
    when: formatInstant(m.startsAt, person.locale, person.timeZone),
    duration: m.durationMinutes,
    mode: m.mode,
    notes: m.notes,
    comment: m.comment,
    url: signInPageUrl(person.locale, person.email, `/${person.locale}/${to}`),
  });
  await enqueueMail(tx, { ...mail, to: person.email, locale: person.locale, template: `meeting-${kind}`, organisationId: pair.organisationId });
}

/**
 * One side of an active pair logs a meeting: when, how long, in person or online, what was
 * done. Refused for anyone else (404), in the future, 0 or fewer minutes or over 12 hours. The
 * other side is asked by mail to confirm it.
 */
export async function logMeeting(actor: Actor | null, pairId: string, input: MeetingFormValues, now: Date = new Date()): Promise<{ meetingId: string }> {
  const user = requireUser(actor);
  return asActor(user, async (tx) => {
    const pair = await pairSides(tx, pairId);
    const side = sideOf(user, pair);
    if (!side) throw new NotFoundError();
    if (pair.status !== "confirmed") throw new ConflictError("pairEnded");
    // The DAL checks again with its own clock: the form's check ran in the browser.
    const parsed = meetingSchemaAt(() => now).safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConflictError(issue.message, String(issue.path[0] ?? "startsAt"));
    }
    const m = parsed.data;
    const [twin] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.pairId, pair.id), eq(meetings.startsAt, m.startsAt), ne(meetings.status, "disputed")));
    if (twin) throw new ConflictError("meetingAlreadyLogged", "startsAt");
    const [row] = await tx
      .insert(meetings)
      .values({ organisationId: pair.organisationId, pairId: pair.id, loggedById: user.userId, loggedBySide: side, ...m })
      .returning({ id: meetings.id });
    await mailSide(tx, pair, other(side), "logged", { ...m, otherName: user.name ?? user.email });
    return { meetingId: row!.id };
  });
}

/**
 * The other side of the pair confirms a logged meeting, or disputes it with a comment (the one
 * who logged it is told). The side that logged it may not answer it (403); anyone else gets 404.
 */
export async function respondToMeeting(actor: Actor | null, meetingId: string, response: MeetingResponse, comment = ""): Promise<void> {
  const user = requireUser(actor);
  if (!isUuid(meetingId)) throw new NotFoundError();
  const why = comment.trim().slice(0, 1000);
  await asActor(user, async (tx) => {
    const [head] = await tx.select({ pairId: meetings.pairId }).from(meetings).where(eq(meetings.id, meetingId));
    if (!head) throw new NotFoundError();
    const pair = await pairSides(tx, head.pairId);
    const side = sideOf(user, pair);
    if (!side) throw new NotFoundError();
    if (response === "dispute" && !why) throw new ConflictError("disputeCommentRequired", "comment");
    const [m] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for("update");
    if (!m) throw new NotFoundError();
    if (m.loggedBySide === side) throw new ForbiddenError("The other side confirms a meeting");
    if (m.status !== "logged") throw new ConflictError("meetingAlreadyAnswered");
    await tx
      .update(meetings)
      .set({ status: response === "confirm" ? "confirmed" : "disputed", respondedById: user.userId, respondedAt: new Date(), disputeComment: response === "dispute" ? why : null })
      .where(eq(meetings.id, m.id));
    if (response === "dispute") await mailSide(tx, pair, m.loggedBySide, "disputed", { ...m, comment: why, otherName: user.name ?? user.email });
  });
}

export interface MeetingView {
  id: string;
  pairId: string;
  startsAt: Date;
  durationMinutes: number;
  mode: MeetingMode;
  notes: string;
  status: MeetingStatus;
  loggedBySide: MeetingSide;
  loggedByName: string;
  respondedAt: Date | null;
  disputeComment: string | null;
  /** Logged by the other side and not answered yet by the viewer. */
  awaitingMe: boolean;
}

const logger = alias(users, "logger");
const meetingColumns = {
  id: meetings.id,
  pairId: meetings.pairId,
  startsAt: meetings.startsAt,
  durationMinutes: meetings.durationMinutes,
  mode: meetings.mode,
  notes: meetings.notes,
  status: meetings.status,
  loggedBySide: meetings.loggedBySide,
  loggedByName: sql<string>`coalesce(${logger.name}, ${logger.email}, '')`,
  respondedAt: meetings.respondedAt,
  disputeComment: meetings.disputeComment,
};

/**
 * A pair's meetings, newest first: for either side of the pair and the organisation's
 * coordinators. Anyone else gets 404, members of the organisation too: another person's pair is
 * not revealed, as for logging and answering.
 */
export async function listPairMeetings(actor: Actor | null, pairId: string): Promise<MeetingView[]> {
  const user = requireUser(actor);
  const { rows, side } = await asActor(user, async (db) => {
    const pair = await pairSides(db, pairId);
    const side = sideOf(user, pair);
    if (!side && !user.memberships.some((m) => m.organisationId === pair.organisationId && COORDINATING.includes(m.role))) throw new NotFoundError();
    const rows = await db
      .select(meetingColumns)
      .from(meetings)
      .leftJoin(logger, eq(logger.id, meetings.loggedById))
      .where(eq(meetings.pairId, pair.id))
      .orderBy(desc(meetings.startsAt));
    return { rows, side };
  });
  return rows.map((r) => ({ ...r, awaitingMe: side !== null && r.status === "logged" && r.loggedBySide !== side }));
}

/** Meetings the other side logged that wait for the actor's confirmation, across their pairs. */
export async function listMeetingsAwaitingMe(actor: Actor | null) {
  const user = requireUser(actor);
  const orgs = user.memberships.map((m) => m.organisationId);
  const person = alias(users, "person");
  const rows = await asActor(user, (db) =>
    db
      .select({
        ...meetingColumns,
        cohortName: cohorts.name,
        partnerName: partners.name,
        participantName: sql<string>`coalesce(${person.name}, ${person.email})`,
      })
      .from(meetings)
      .innerJoin(pairs, eq(pairs.id, meetings.pairId))
      .innerJoin(cohorts, eq(cohorts.id, pairs.cohortId))
      .innerJoin(enrollments, eq(enrollments.id, pairs.enrollmentId))
      .innerJoin(person, eq(person.id, enrollments.userId))
      .innerJoin(partners, eq(partners.id, pairs.partnerId))
      .leftJoin(logger, eq(logger.id, meetings.loggedById))
      .where(
        and(
          eq(meetings.status, "logged"),
          inArray(pairs.organisationId, orgs),
          or(
            and(eq(meetings.loggedBySide, "partner"), eq(enrollments.userId, user.userId)),
            and(eq(meetings.loggedBySide, "participant"), eq(partners.ownerUserId, user.userId)),
          ),
        ),
      )
      .orderBy(desc(meetings.startsAt)),
  );
  // The counterpart is the other side: a participant sees the partner's name, a partner the participant's.
  return rows.map(({ partnerName, participantName, ...r }) => ({
    ...r,
    counterpartName: r.loggedBySide === "partner" ? partnerName : participantName,
  }));
}
