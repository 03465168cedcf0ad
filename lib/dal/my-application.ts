/**
 * A participant's own application while it is under review: read it back with the cohort's
 * sign-up form, and change the answers until a coordinator has decided. Each change is recorded
 * in the application's history, with its time.
 */
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cohortQuestions, cohorts, enrollments, type EnrollmentAnswers } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { AnswersInput, SignUpQuestion } from "@/lib/validation/enrollment";
import { requireUser, type Actor } from "./actor";
import { enrollmentRowColumns, lockCohort, recordEvent } from "./enrollment-rules";
import { isUuid } from "./programmes";
import { transaction } from "./tx";

/** What an application says and the form it was given on; `editable` while it waits for a decision. */
export interface MyApplication {
  id: string;
  cohortId: string;
  cohortName: string;
  status: string;
  editable: boolean;
  policyAreaOptions: string[];
  questions: SignUpQuestion[];
  values: {
    employer: string;
    department: string;
    jobTitle: string;
    policyAreas: string[];
    motivation: string;
    availableHalfDays: number | null;
    languages: string[];
    region: string | null;
    answers: EnrollmentAnswers;
  };
  updatedAt: Date;
}

async function ownHead(actor: Actor | null, enrollmentId: string) {
  const user = requireUser(actor);
  if (!isUuid(enrollmentId)) throw new NotFoundError();
  const db = await getDb();
  const [head] = await db.select({ userId: enrollments.userId, cohortId: enrollments.cohortId }).from(enrollments).where(eq(enrollments.id, enrollmentId));
  // Someone else's application does not exist for this person.
  if (!head || head.userId !== user.userId) throw new NotFoundError();
  return { user, db, cohortId: head.cohortId };
}

/** One of the person's own applications with its cohort's sign-up form (404 for anyone else's). */
export async function getMyApplication(actor: Actor | null, enrollmentId: string): Promise<MyApplication> {
  const { db, cohortId } = await ownHead(actor, enrollmentId);
  const [[row], questions] = await Promise.all([
    db
      .select({
        id: enrollments.id,
        cohortId: enrollments.cohortId,
        cohortName: cohorts.name,
        status: enrollments.status,
        policyAreaOptions: cohorts.policyAreas,
        employer: enrollments.employer,
        department: enrollments.department,
        jobTitle: enrollments.jobTitle,
        policyAreas: enrollments.policyAreas,
        motivation: enrollments.motivation,
        availableHalfDays: enrollments.availableHalfDays,
        languages: enrollments.languages,
        region: enrollments.region,
        answers: enrollments.answers,
        updatedAt: enrollments.updatedAt,
      })
      .from(enrollments)
      .innerJoin(cohorts, eq(cohorts.id, enrollments.cohortId))
      .where(eq(enrollments.id, enrollmentId)),
    questionsOf(cohortId),
  ]);
  if (!row) throw new NotFoundError();
  const { id, cohortId: _cohort, cohortName, status, policyAreaOptions, updatedAt, ...values } = row;
  return { id, cohortId, cohortName, status, editable: status === "applied", policyAreaOptions, questions, values, updatedAt };
}

async function questionsOf(cohortId: string): Promise<SignUpQuestion[]> {
  const db = await getDb();
  return db
    .select({ id: cohortQuestions.id, kind: cohortQuestions.kind, label: cohortQuestions.label, options: cohortQuestions.options, required: cohortQuestions.required })
    .from(cohortQuestions)
    .where(eq(cohortQuestions.cohortId, cohortId))
    .orderBy(asc(cohortQuestions.position));
}

/**
 * The person changes the answers of their own application while it is under review (parsed by
 * the caller with answersSchemaFor of the same cohort, as the sign-up was). Refused once a
 * coordinator has decided (409 `alreadyDecided`); recorded in the application's history.
 */
export async function updateMyApplication(actor: Actor | null, enrollmentId: string, input: AnswersInput): Promise<void> {
  const { user, db, cohortId } = await ownHead(actor, enrollmentId);
  await transaction(db, async (tx) => {
    // The cohort's lock orders this after any decision being made on it at the same moment.
    await lockCohort(tx, cohortId);
    const [e] = await tx.select(enrollmentRowColumns).from(enrollments).where(eq(enrollments.id, enrollmentId)).for("update");
    if (!e) throw new NotFoundError();
    if (e.status !== "applied") throw new ConflictError("alreadyDecided");
    await tx
      .update(enrollments)
      .set({
        employer: input.employer,
        department: input.department,
        jobTitle: input.jobTitle,
        policyAreas: input.policyAreas,
        motivation: input.motivation,
        availableHalfDays: input.availableHalfDays,
        languages: input.languages,
        region: input.region,
        answers: dropEmpty(input.answers),
        updatedAt: new Date(),
      })
      .where(eq(enrollments.id, enrollmentId));
    await recordEvent(tx, e, "applied", { userId: user.userId, reason: "answersChanged" });
  });
}

function dropEmpty(answers: Record<string, unknown>): EnrollmentAnswers {
  const out: EnrollmentAnswers = {};
  for (const [k, v] of Object.entries(answers)) {
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v as string | string[] | boolean;
  }
  return out;
}
