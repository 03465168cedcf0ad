import { and, asc, eq, max } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cohortQuestions } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { QuestionInput } from "@/lib/validation/enrollment";
import { assertRole, COORDINATING, type Actor } from "./actor";
import { getCohort } from "./cohorts";
import { isUuid } from "./programmes";

/** A cohort's own sign-up questions, in order (coordinators). */
export async function listQuestions(actor: Actor | null, cohortId: string) {
  const cohort = await getCohort(actor, cohortId);
  const db = await getDb();
  return db
    .select()
    .from(cohortQuestions)
    .where(eq(cohortQuestions.cohortId, cohort.id))
    .orderBy(asc(cohortQuestions.position), asc(cohortQuestions.createdAt));
}

/** Adds a question at the end of the cohort's sign-up form. */
export async function addQuestion(actor: Actor | null, cohortId: string, input: QuestionInput): Promise<{ id: string }> {
  const cohort = await getCohort(actor, cohortId);
  const db = await getDb();
  const [last] = await db.select({ p: max(cohortQuestions.position) }).from(cohortQuestions).where(eq(cohortQuestions.cohortId, cohort.id));
  const [row] = await db
    .insert(cohortQuestions)
    .values({ ...input, cohortId: cohort.id, organisationId: cohort.organisationId, position: (last?.p ?? -1) + 1 })
    .returning({ id: cohortQuestions.id });
  return row!;
}

async function ownQuestion(actor: Actor | null, questionId: string) {
  if (!isUuid(questionId)) throw new NotFoundError();
  const db = await getDb();
  const [q] = await db.select().from(cohortQuestions).where(eq(cohortQuestions.id, questionId));
  if (!q) throw new NotFoundError();
  assertRole(actor, q.organisationId, COORDINATING);
  return { db, q };
}

/** Edits a question. Answers already given stay as they were given. */
export async function updateQuestion(actor: Actor | null, questionId: string, input: QuestionInput): Promise<void> {
  const { db, q } = await ownQuestion(actor, questionId);
  await db.update(cohortQuestions).set(input).where(and(eq(cohortQuestions.id, q.id), eq(cohortQuestions.organisationId, q.organisationId)));
}

/** Removes a question from the form; answers already given stay on the applications. */
export async function deleteQuestion(actor: Actor | null, questionId: string): Promise<void> {
  const { db, q } = await ownQuestion(actor, questionId);
  await db.delete(cohortQuestions).where(and(eq(cohortQuestions.id, q.id), eq(cohortQuestions.organisationId, q.organisationId)));
}
