import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  cohortQuestions,
  cohorts,
  enrollmentEvents,
  enrollments,
  organisations,
  programmes,
  users,
  ENROLLMENT_STATUSES,
  type EnrollmentStatus,
} from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { endOfDayIn } from "@/lib/time";
import { assertRole, COORDINATING, requireUser, type Actor } from "./actor";
import { signUpOpen } from "./enrollment-rules";
import { isUuid } from "./programmes";
import { asActor, inScope } from "./rls";
import type { Tx } from "./tx";

/**
 * Places held (accepted or offered) and the waitlist's length per cohort, as SQL over `cohorts`.
 * The catalogue runs in scope "public", which sees no enrollments: these database functions
 * (migration 0012_rls) count them outside the wall and return only the number.
 */
const placesTakenSql = sql<number>`koppel_cohort_places_taken(${cohorts.id})`;
const waitlistSql = sql<number>`koppel_cohort_waitlist_length(${cohorts.id})`;
/** Sign-up is open now: status open and within the window, in the cohort's own time zone. */
const openNowSql = sql`${cohorts.status} = 'open' AND ${cohorts.archivedAt} IS NULL
  AND (${cohorts.enrollmentOpensOn}::timestamp AT TIME ZONE ${cohorts.timeZone}) <= now()
  AND ((${cohorts.enrollmentDeadline} + 1)::timestamp AT TIME ZONE ${cohorts.timeZone}) > now()`;

export interface PublicCohortSummary {
  id: string;
  name: string;
  programmeName: string;
  organisationName: string;
  organisationId: string;
  /** Above 0: the organisation has a logo (see logoUrl). */
  logoVersion: number;
  startDate: string;
  endDate: string;
  enrollmentDeadline: string;
  deadline: Date;
  timeZone: string;
  effortHalfDaysMin: number;
  effortHalfDaysMax: number;
  capacity: number;
  placesLeft: number;
  admissionMode: "first_come" | "reviewed";
}

/** The public catalogue: cohorts of every organisation whose sign-up is open now, soonest deadline first. */
export async function listOpenCohorts(opts: { limit?: number; offset?: number } = {}): Promise<{ rows: PublicCohortSummary[]; total: number }> {
  const [rows, [totalRow]] = await inScope({ kind: "public" }, (db) => Promise.all([
    db
      .select({
        id: cohorts.id,
        name: cohorts.name,
        programmeName: programmes.name,
        organisationName: organisations.name,
        organisationId: organisations.id,
        logoVersion: organisations.logoVersion,
        startDate: cohorts.startDate,
        endDate: cohorts.endDate,
        enrollmentDeadline: cohorts.enrollmentDeadline,
        timeZone: cohorts.timeZone,
        effortHalfDaysMin: programmes.effortHalfDaysMin,
        effortHalfDaysMax: programmes.effortHalfDaysMax,
        capacity: cohorts.capacity,
        taken: placesTakenSql,
        admissionMode: cohorts.admissionMode,
      })
      .from(cohorts)
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .innerJoin(organisations, eq(organisations.id, cohorts.organisationId))
      .where(openNowSql)
      .orderBy(asc(cohorts.enrollmentDeadline), asc(cohorts.name), asc(cohorts.id))
      .limit(Math.min(opts.limit ?? 50, 200))
      .offset(opts.offset ?? 0),
    db.select({ n: count() }).from(cohorts).where(openNowSql),
  ]));
  return {
    rows: rows.map(({ taken, ...r }) => ({
      ...r,
      placesLeft: Math.max(0, r.capacity - Number(taken)),
      deadline: endOfDayIn(r.enrollmentDeadline, r.timeZone),
    })),
    total: totalRow?.n ?? 0,
  };
}

/** A cohort as the public sees it (published and not archived): programme, what it asks, places, questions. */
export async function getPublicCohort(cohortId: string, now: Date = new Date()) {
  if (!isUuid(cohortId)) throw new NotFoundError();
  const { row, questions } = await inScope({ kind: "public" }, async (db) => {
    const [row] = await db
      .select({
        id: cohorts.id,
        name: cohorts.name,
        status: cohorts.status,
        archivedAt: cohorts.archivedAt,
        admissionMode: cohorts.admissionMode,
        startDate: cohorts.startDate,
        endDate: cohorts.endDate,
        enrollmentOpensOn: cohorts.enrollmentOpensOn,
        enrollmentDeadline: cohorts.enrollmentDeadline,
        timeZone: cohorts.timeZone,
        capacity: cohorts.capacity,
        policyAreas: cohorts.policyAreas,
        offerDays: cohorts.offerDays,
        taken: placesTakenSql,
        waitlist: waitlistSql,
        programmeName: programmes.name,
        programmeDescription: programmes.description,
        effortHalfDaysMin: programmes.effortHalfDaysMin,
        effortHalfDaysMax: programmes.effortHalfDaysMax,
        durationMonths: programmes.durationMonths,
        minPartnerMeetings: programmes.minPartnerMeetings,
        organisationName: organisations.name,
        organisationId: organisations.id,
        logoVersion: organisations.logoVersion,
        contactEmail: organisations.contactEmail,
        contactPhone: organisations.contactPhone,
      })
      .from(cohorts)
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .innerJoin(organisations, eq(organisations.id, cohorts.organisationId))
      .where(eq(cohorts.id, cohortId));
    // Drafts and archived cohorts do not exist for the public (the scope's policy hides them too).
    if (!row || row.status === "draft" || row.archivedAt) throw new NotFoundError();
    const questions = await db
      .select({ id: cohortQuestions.id, kind: cohortQuestions.kind, label: cohortQuestions.label, options: cohortQuestions.options, required: cohortQuestions.required })
      .from(cohortQuestions)
      .where(eq(cohortQuestions.cohortId, cohortId))
      .orderBy(asc(cohortQuestions.position), asc(cohortQuestions.createdAt));
    return { row, questions };
  });
  const { taken, waitlist, archivedAt: _archivedAt, ...rest } = row;
  return {
    ...rest,
    placesLeft: Math.max(0, row.capacity - Number(taken)),
    waitlistLength: Number(waitlist),
    deadline: endOfDayIn(row.enrollmentDeadline, row.timeZone),
    open: signUpOpen(row, now),
    questions,
  };
}
export type PublicCohort = Awaited<ReturnType<typeof getPublicCohort>>;

export const ENROLLMENT_SORTS = ["arrival", "newest", "name", "status"] as const;
export type EnrollmentSort = (typeof ENROLLMENT_SORTS)[number];

export interface EnrollmentListQuery {
  q?: string;
  status?: EnrollmentStatus;
  policyArea?: string;
  /** true: only archived applications; otherwise archived ones are left out. */
  archived?: boolean;
  sort?: EnrollmentSort;
  page?: number;
  pageSize?: number;
}

/** Runs `fn` for a cohort the actor coordinates, in one transaction walled to the actor's organisations. */
async function inCoordinatedCohort<T>(actor: Actor | null, cohortId: string, fn: (db: Tx) => Promise<T>): Promise<T> {
  if (!isUuid(cohortId)) throw new NotFoundError();
  return asActor(actor, async (tx) => {
    const [c] = await tx.select({ organisationId: cohorts.organisationId }).from(cohorts).where(eq(cohorts.id, cohortId));
    if (!c) throw new NotFoundError();
    assertRole(actor, c.organisationId, COORDINATING);
    return fn(tx);
  });
}

/**
 * A cohort's applications for its coordinators: search, filter, sort and page through thousands.
 * One query on PostgreSQL's plan of a few milliseconds for 5,000 applications: the page is chosen
 * from `enrollments` alone (by its cohort indexes; the search and the name order read the columns
 * the database maintains from the person, `search_text` and `sort_name`), counted in the same
 * query (`count(*) over ()`), and only the page's rows are joined with `users`.
 */
export async function listCohortEnrollments(actor: Actor | null, cohortId: string, query: EnrollmentListQuery = {}) {
  return inCoordinatedCohort(actor, cohortId, async (db) => {
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 200);
  const page = Math.max(query.page ?? 1, 1);
  const conditions: SQL[] = [eq(enrollments.cohortId, cohortId), query.archived ? sql`${enrollments.archivedAt} IS NOT NULL` : sql`${enrollments.archivedAt} IS NULL`];
  if (query.status && (ENROLLMENT_STATUSES as readonly string[]).includes(query.status)) conditions.push(eq(enrollments.status, query.status));
  if (query.policyArea) conditions.push(sql`${query.policyArea} = ANY(${enrollments.policyAreas})`);
  const q = query.q?.trim();
  if (q) {
    // search_text is lower-cased by the database; lower() the pattern the same way (not in JavaScript).
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`${enrollments.searchText} LIKE lower(${like})`);
  }
  const where = and(...conditions);
  const order = {
    arrival: [asc(enrollments.seq)],
    newest: [desc(enrollments.seq)],
    name: [asc(enrollments.sortName), asc(enrollments.seq)],
    status: [asc(enrollments.status), asc(enrollments.seq)],
  }[query.sort ?? "arrival"];
  // Only `seq` (unique) and the total: without a search the page is read from an index alone.
  const chosen = db
    .select({ seq: enrollments.seq, total: sql<number>`count(*) over ()`.mapWith(Number).as("total") })
    .from(enrollments)
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as("chosen");
  const found = await db
    .select({
      id: enrollments.id,
      name: users.name,
      email: users.email,
      employer: enrollments.employer,
      department: enrollments.department,
      jobTitle: enrollments.jobTitle,
      policyAreas: enrollments.policyAreas,
      status: enrollments.status,
      createdAt: enrollments.createdAt,
      offerExpiresAt: enrollments.offerExpiresAt,
      archivedAt: enrollments.archivedAt,
      waitlistPosition: sql<number | null>`CASE WHEN ${enrollments.status} = 'waitlisted' THEN
        (SELECT count(*)::int FROM ${enrollments} w WHERE w.cohort_id = ${enrollments.cohortId} AND w.status = 'waitlisted' AND w.seq <= ${enrollments.seq}) END`,
      total: chosen.total,
    })
    .from(chosen)
    .innerJoin(enrollments, and(eq(enrollments.cohortId, cohortId), eq(enrollments.seq, chosen.seq)))
    .innerJoin(users, eq(users.id, enrollments.userId))
    .orderBy(...order);
  let total = found[0]?.total ?? 0;
  // Past the last page the window has no row to carry the total: count separately (rare: a stale link).
  if (found.length === 0 && page > 1) {
    const [row] = await db.select({ n: count() }).from(enrollments).where(where);
    total = row?.n ?? 0;
  }
  const rows = found.map(({ total: _total, ...r }) => r);
  return { rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
  });
}

/** Counts per status and the places left, for a cohort's coordinators. */
export async function cohortEnrollmentCounts(actor: Actor | null, cohortId: string) {
  const rows = await inCoordinatedCohort(actor, cohortId, (db) =>
    db
      .select({ status: enrollments.status, n: count() })
      .from(enrollments)
      .where(eq(enrollments.cohortId, cohortId))
      .groupBy(enrollments.status),
  );
  const counts = Object.fromEntries(ENROLLMENT_STATUSES.map((s) => [s, 0])) as Record<EnrollmentStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** One application with the person, their answers and its whole status history. */
export async function getEnrollmentDetail(actor: Actor | null, enrollmentId: string) {
  if (!isUuid(enrollmentId)) throw new NotFoundError();
  return asActor(actor, async (db) => {
    const [row] = await db
      .select({
        id: enrollments.id,
        organisationId: enrollments.organisationId,
        cohortId: enrollments.cohortId,
        cohortName: cohorts.name,
        timeZone: cohorts.timeZone,
        status: enrollments.status,
        seq: enrollments.seq,
        name: users.name,
        email: users.email,
        employer: enrollments.employer,
        department: enrollments.department,
        jobTitle: enrollments.jobTitle,
        policyAreas: enrollments.policyAreas,
        motivation: enrollments.motivation,
        availableHalfDays: enrollments.availableHalfDays,
        answers: enrollments.answers,
        consentedAt: enrollments.consentedAt,
        offerExpiresAt: enrollments.offerExpiresAt,
        archivedAt: enrollments.archivedAt,
        cohortArchivedAt: cohorts.archivedAt,
        createdAt: enrollments.createdAt,
      })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .innerJoin(cohorts, eq(cohorts.id, enrollments.cohortId))
      .where(eq(enrollments.id, enrollmentId));
    if (!row) throw new NotFoundError();
    assertRole(actor, row.organisationId, COORDINATING);
    const by = alias(users, "by_user");
    const [questions, events, [pos]] = await Promise.all([
      db
        .select({ id: cohortQuestions.id, label: cohortQuestions.label, kind: cohortQuestions.kind })
        .from(cohortQuestions)
        .where(eq(cohortQuestions.cohortId, row.cohortId))
        .orderBy(asc(cohortQuestions.position), asc(cohortQuestions.createdAt)),
      db
        .select({
          id: enrollmentEvents.id,
          fromStatus: enrollmentEvents.fromStatus,
          toStatus: enrollmentEvents.toStatus,
          reason: enrollmentEvents.reason,
          createdAt: enrollmentEvents.createdAt,
          byName: by.name,
          byEmail: by.email,
        })
        .from(enrollmentEvents)
        .leftJoin(by, eq(by.id, enrollmentEvents.actorUserId))
        .where(eq(enrollmentEvents.enrollmentId, enrollmentId))
        .orderBy(asc(enrollmentEvents.createdAt), asc(enrollmentEvents.id)),
      db
        .select({ n: count() })
        .from(enrollments)
        .where(and(eq(enrollments.cohortId, row.cohortId), eq(enrollments.status, "waitlisted"), sql`${enrollments.seq} <= ${row.seq}`)),
    ]);
    return { ...row, waitlistPosition: row.status === "waitlisted" ? (pos?.n ?? null) : null, questions, events };
  });
}

/** The person's own enrollments across organisations, with waitlist place and open offer. */
export async function listMyEnrollments(actor: Actor | null) {
  const user = requireUser(actor);
  // In the person's own scope: their enrollments in any organisation, and those cohorts' names.
  return inScope({ kind: "person", userId: user.userId }, (db) => db
    .select({
      id: enrollments.id,
      cohortId: enrollments.cohortId,
      status: enrollments.status,
      cohortName: cohorts.name,
      programmeName: programmes.name,
      organisationName: organisations.name,
      startDate: cohorts.startDate,
      endDate: cohorts.endDate,
      timeZone: cohorts.timeZone,
      offerExpiresAt: enrollments.offerExpiresAt,
      createdAt: enrollments.createdAt,
      // The others waiting are not in the person's scope: counted outside the wall (migration 0013).
      waitlistPosition: sql<number | null>`CASE WHEN ${enrollments.status} = 'waitlisted' THEN koppel_my_waitlist_position(${enrollments.id}) END`,
    })
    .from(enrollments)
    .innerJoin(cohorts, eq(cohorts.id, enrollments.cohortId))
    .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .innerJoin(organisations, eq(organisations.id, enrollments.organisationId))
    .where(eq(enrollments.userId, user.userId))
    .orderBy(desc(cohorts.startDate), asc(cohorts.name)));
}
export type MyEnrollment = Awaited<ReturnType<typeof listMyEnrollments>>[number];

/** Used by status filters: every status an enrollment can have. */
export const enrollmentStatuses = ENROLLMENT_STATUSES;
