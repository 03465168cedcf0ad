import { and, asc, eq, max } from "drizzle-orm";
import { cohortQuestions } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { QuestionInput } from "@/lib/validation/enrollment";
import { assertRole, COORDINATING, type Actor } from "./actor";
import { getCohort } from "./cohorts";
import { isUuid } from "./programmes";
import { asActor, inScope, tenant } from "./rls";
import { lockWritableCohortRow, type Tx } from "./tx";

/** A cohort's own sign-up questions, in order (coordinators). */
export async function listQuestions(actor: Actor | null, cohortId: string) {
  const cohort = await getCohort(actor, cohortId);
  return inScope(tenant(cohort.organisationId), (tx) =>
    tx.select().from(cohortQuestions).where(eq(cohortQuestions.cohortId, cohort.id)).orderBy(asc(cohortQuestions.position), asc(cohortQuestions.createdAt)),
  );
}

/** Adds a question at the end of the cohort's sign-up form. */
export async function addQuestion(actor: Actor | null, cohortId: string, input: QuestionInput): Promise<{ id: string }> {
  const cohort = await getCohort(actor, cohortId);
  if (cohort.archivedAt) throw new ConflictError("archived");
  return inScope(tenant(cohort.organisationId), async (tx) => {
    const [last] = await tx.select({ p: max(cohortQuestions.position) }).from(cohortQuestions).where(eq(cohortQuestions.cohortId, cohort.id));
    const [row] = await tx
      .insert(cohortQuestions)
      .values({ ...input, cohortId: cohort.id, organisationId: cohort.organisationId, position: (last?.p ?? -1) + 1 })
      .returning({ id: cohortQuestions.id });
    return row!;
  });
}

/** Runs `fn` on a question the actor coordinates, walled to the actor's organisations. */
async function withOwnQuestion(actor: Actor | null, questionId: string, fn: (tx: Tx, q: typeof cohortQuestions.$inferSelect) => Promise<unknown>): Promise<void> {
  if (!isUuid(questionId)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const [q] = await tx.select().from(cohortQuestions).where(eq(cohortQuestions.id, questionId));
    if (!q) throw new NotFoundError();
    assertRole(actor, q.organisationId, COORDINATING);
    await lockWritableCohortRow(tx, q.cohortId);
    await fn(tx, q);
  });
}

/** Edits a question. Answers already given stay as they were given. */
export async function updateQuestion(actor: Actor | null, questionId: string, input: QuestionInput): Promise<void> {
  await withOwnQuestion(actor, questionId, (tx, q) =>
    tx.update(cohortQuestions).set(input).where(and(eq(cohortQuestions.id, q.id), eq(cohortQuestions.organisationId, q.organisationId))),
  );
}

/** Removes a question from the form; answers already given stay on the applications. */
export async function deleteQuestion(actor: Actor | null, questionId: string): Promise<void> {
  await withOwnQuestion(actor, questionId, (tx, q) =>
    tx.delete(cohortQuestions).where(and(eq(cohortQuestions.id, q.id), eq(cohortQuestions.organisationId, q.organisationId))),
  );
}
