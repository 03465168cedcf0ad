/**
 * "My data": everything Koppel holds about the signed-in person, across every organisation,
 * for the JSON download and the readable page. Only the actor's own rows are read; other people
 * appear only as the name the person already sees on their pair page. Never secrets: no token
 * hashes, session tokens or mail bodies (those carry sign-in links).
 */
import { and, asc, count, desc, eq, inArray, max, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  apiTokens,
  cohortQuestions,
  cohorts,
  enrollmentEvents,
  enrollments,
  mailOutbox,
  meetings,
  memberships,
  organisations,
  pairs,
  partners,
  programmes,
  sessions,
  users,
  type EnrollmentStatus,
  type MeetingSide,
} from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { requireUser, type Actor } from "./actor";
import { inScope } from "./rls";
import type { DbOrTx } from "./tx";

export interface MyData {
  exportedAt: Date;
  account: { name: string | null; email: string; locale: string; timeZone: string; createdAt: Date; emailVerifiedAt: Date | null };
  memberships: { organisation: string; role: string; since: Date }[];
  enrollments: {
    id: string;
    organisation: string;
    programme: string;
    cohort: string;
    status: EnrollmentStatus;
    signedUpAt: Date;
    updatedAt: Date;
    consentedAt: Date | null;
    offerExpiresAt: Date | null;
    employer: string;
    department: string;
    jobTitle: string;
    policyAreas: string[];
    languages: string[];
    region: string | null;
    motivation: string;
    availableHalfDays: number | null;
    answers: { question: string; answer: string | string[] | boolean }[];
    /** `by`: you, the organisation (a coordinator) or Koppel itself. */
    history: { at: Date; from: EnrollmentStatus | null; to: EnrollmentStatus; by: "you" | "organisation" | "koppel"; reason: string }[];
  }[];
  pairs: {
    id: string;
    side: MeetingSide;
    organisation: string;
    programme: string;
    cohort: string;
    status: string;
    confirmedAt: Date;
    endedAt: Date | null;
    /** The other side, by the name shown on the pair page. */
    counterpart: string;
    meetings: {
      startsAt: Date;
      durationMinutes: number;
      mode: string;
      status: string;
      loggedBy: "you" | "otherSide";
      notes: string;
      disputeComment: string | null;
      respondedAt: Date | null;
    }[];
  }[];
  partners: {
    id: string;
    organisation: string;
    name: string;
    kind: string;
    status: string;
    description: string;
    website: string;
    location: string;
    region: string | null;
    helpRequest: string;
    policyAreas: string[];
    languages: string[];
    capacityPerCohort: number;
    contactEmail: string;
    contactPhone: string | null;
    registeredAt: Date;
  }[];
  apiTokens: { name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }[];
  sessions: { count: number; latestExpiry: Date | null };
  mails: { createdAt: Date; sentAt: Date | null; subject: string; template: string; status: string }[];
}

/** Everything Koppel holds about the acting person (and only them), across all organisations. */
export async function exportMyData(actor: Actor | null, now: Date = new Date()): Promise<MyData> {
  const user = requireUser(actor);
  const me = user.userId;
  // The person's own scope (role koppel_person): their records in every organisation, and
  // nothing of anyone else's but the other side of their own pairs.
  return inScope({ kind: "person", userId: me }, (db) => collect(db, me, now));
}

async function collect(db: DbOrTx, me: string, now: Date): Promise<MyData> {
  const [account] = await db
    .select({ name: users.name, email: users.email, locale: users.locale, timeZone: users.timeZone, createdAt: users.createdAt, emailVerifiedAt: users.emailVerified })
    .from(users)
    .where(eq(users.id, me));
  if (!account) throw new NotFoundError();

  const [memberRows, enrollmentRows, partnerRows, tokenRows, sessionRows, mailRows] = await Promise.all([
    db
      .select({ organisation: organisations.name, role: memberships.role, since: memberships.createdAt })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, me))
      .orderBy(asc(organisations.name)),
    db
      .select({
        id: enrollments.id,
        cohortId: enrollments.cohortId,
        organisation: organisations.name,
        programme: programmes.name,
        cohort: cohorts.name,
        status: enrollments.status,
        signedUpAt: enrollments.createdAt,
        updatedAt: enrollments.updatedAt,
        consentedAt: enrollments.consentedAt,
        offerExpiresAt: enrollments.offerExpiresAt,
        employer: enrollments.employer,
        department: enrollments.department,
        jobTitle: enrollments.jobTitle,
        policyAreas: enrollments.policyAreas,
        languages: enrollments.languages,
        region: enrollments.region,
        motivation: enrollments.motivation,
        availableHalfDays: enrollments.availableHalfDays,
        answers: enrollments.answers,
      })
      .from(enrollments)
      .innerJoin(cohorts, eq(cohorts.id, enrollments.cohortId))
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .innerJoin(organisations, eq(organisations.id, enrollments.organisationId))
      .where(eq(enrollments.userId, me))
      .orderBy(asc(enrollments.createdAt)),
    db
      .select({
        id: partners.id,
        organisation: organisations.name,
        name: partners.name,
        kind: partners.kind,
        status: partners.status,
        description: partners.description,
        website: partners.website,
        location: partners.location,
        region: partners.region,
        helpRequest: partners.helpRequest,
        policyAreas: partners.policyAreas,
        languages: partners.languages,
        capacityPerCohort: partners.capacityPerCohort,
        contactEmail: partners.contactEmail,
        contactPhone: partners.contactPhone,
        registeredAt: partners.registeredAt,
      })
      .from(partners)
      .innerJoin(organisations, eq(organisations.id, partners.organisationId))
      .where(eq(partners.ownerUserId, me))
      .orderBy(asc(partners.name)),
    db
      .select({ name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(eq(apiTokens.userId, me))
      .orderBy(asc(apiTokens.createdAt)),
    db.select({ n: count(), latest: max(sessions.expires) }).from(sessions).where(eq(sessions.userId, me)),
    db
      .select({ createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt, subject: mailOutbox.subject, template: mailOutbox.template, status: mailOutbox.status })
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, account.email))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1000),
  ]);

  const enrollmentIds = enrollmentRows.map((e) => e.id);
  const cohortIds = [...new Set(enrollmentRows.map((e) => e.cohortId))];
  const [eventRows, questionRows] = await Promise.all([
    enrollmentIds.length === 0
      ? []
      : db
          .select({ enrollmentId: enrollmentEvents.enrollmentId, at: enrollmentEvents.createdAt, from: enrollmentEvents.fromStatus, to: enrollmentEvents.toStatus, actorUserId: enrollmentEvents.actorUserId, reason: enrollmentEvents.reason })
          .from(enrollmentEvents)
          .where(inArray(enrollmentEvents.enrollmentId, enrollmentIds))
          .orderBy(asc(enrollmentEvents.createdAt)),
    cohortIds.length === 0
      ? []
      : db.select({ id: cohortQuestions.id, label: cohortQuestions.label, position: cohortQuestions.position }).from(cohortQuestions).where(inArray(cohortQuestions.cohortId, cohortIds)),
  ]);
  const labels = new Map(questionRows.map((q) => [q.id, q.label]));

  return {
    exportedAt: now,
    account,
    memberships: memberRows,
    enrollments: enrollmentRows.map(({ cohortId: _c, answers, ...e }) => ({
      ...e,
      answers: Object.entries(answers).map(([id, answer]) => ({ question: labels.get(id) ?? id, answer })),
      history: eventRows
        .filter((ev) => ev.enrollmentId === e.id)
        .map((ev) => ({ at: ev.at, from: ev.from, to: ev.to, by: ev.actorUserId === me ? "you" : ev.actorUserId ? "organisation" : "koppel", reason: ev.reason })),
    })),
    pairs: await myPairs(db, me),
    partners: partnerRows,
    apiTokens: tokenRows,
    sessions: { count: sessionRows[0]?.n ?? 0, latestExpiry: sessionRows[0]?.latest ?? null },
    mails: mailRows,
  };
}

/** Pairs the person took part in, as a participant or as a partner's owner, with their meetings. */
async function myPairs(db: DbOrTx, me: string): Promise<MyData["pairs"]> {
  const person = alias(users, "person");
  const rows = await db
    .select({
      id: pairs.id,
      organisation: organisations.name,
      programme: programmes.name,
      cohort: cohorts.name,
      status: pairs.status,
      confirmedAt: pairs.confirmedAt,
      endedAt: pairs.endedAt,
      participantUserId: enrollments.userId,
      participantName: person.name,
      partnerName: partners.name,
    })
    .from(pairs)
    .innerJoin(enrollments, eq(enrollments.id, pairs.enrollmentId))
    .innerJoin(person, eq(person.id, enrollments.userId))
    .innerJoin(partners, eq(partners.id, pairs.partnerId))
    .innerJoin(cohorts, eq(cohorts.id, pairs.cohortId))
    .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .innerJoin(organisations, eq(organisations.id, pairs.organisationId))
    .where(or(eq(enrollments.userId, me), eq(partners.ownerUserId, me)))
    .orderBy(asc(pairs.confirmedAt));
  if (rows.length === 0) return [];
  const meetingRows = await db
    .select({
      pairId: meetings.pairId,
      startsAt: meetings.startsAt,
      durationMinutes: meetings.durationMinutes,
      mode: meetings.mode,
      status: meetings.status,
      loggedBySide: meetings.loggedBySide,
      notes: meetings.notes,
      disputeComment: meetings.disputeComment,
      respondedAt: meetings.respondedAt,
    })
    .from(meetings)
    .where(and(inArray(meetings.pairId, rows.map((r) => r.id))))
    .orderBy(asc(meetings.startsAt));
  return rows.map((r) => {
    const side: MeetingSide = r.participantUserId === me ? "participant" : "partner";
    return {
      id: r.id,
      side,
      organisation: r.organisation,
      programme: r.programme,
      cohort: r.cohort,
      status: r.status,
      confirmedAt: r.confirmedAt,
      endedAt: r.endedAt,
      counterpart: side === "participant" ? r.partnerName : (r.participantName ?? "—"),
      meetings: meetingRows
        .filter((m) => m.pairId === r.id)
        .map(({ pairId: _p, loggedBySide, ...m }) => ({ ...m, loggedBy: loggedBySide === side ? "you" : "otherSide" })),
    };
  });
}
