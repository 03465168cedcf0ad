"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/actions";
import { createCohort, updateCohort } from "@/lib/dal/cohorts";
import { decideEnrollments, type DecisionResult } from "@/lib/dal/enrollments";
import { createProgramme, updateProgramme } from "@/lib/dal/programmes";
import { addQuestion, deleteQuestion } from "@/lib/dal/questions";
import { getCurrentActor } from "@/lib/dal/session";
import type { ActionResult } from "@/lib/validation/common";
import { cohortSchema } from "@/lib/validation/cohort";
import { decisionSchema, questionSchema, type Decision } from "@/lib/validation/enrollment";
import { programmeSchema } from "@/lib/validation/programme";
import { revalidatePublicPages } from "@/lib/public-pages";

// The route as the file system has it (route group included); the page on screen comes back updated with the action's answer.
const COORDINATOR = "/[locale]/(app)/coordinator";

export async function createProgrammeAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const actor = await getCurrentActor();
  const result = await runAction(programmeSchema, input, (data) => createProgramme(actor, data));
  if (result.ok) {
    revalidatePath(COORDINATOR, "layout");
    revalidatePublicPages();
  }
  return result;
}

export async function updateProgrammeAction(id: string, input: unknown): Promise<ActionResult> {
  const actor = await getCurrentActor();
  const result = await runAction(programmeSchema, input, (data) => updateProgramme(actor, String(id), data));
  if (result.ok) {
    revalidatePath(COORDINATOR, "layout");
    revalidatePublicPages();
  }
  return result;
}

export async function createCohortAction(programmeId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const actor = await getCurrentActor();
  const result = await runAction(cohortSchema, input, (data) => createCohort(actor, String(programmeId), data));
  if (result.ok) {
    revalidatePath(COORDINATOR, "layout");
    revalidatePublicPages();
  }
  return result;
}

export async function updateCohortAction(id: string, input: unknown): Promise<ActionResult> {
  const actor = await getCurrentActor();
  const result = await runAction(cohortSchema, input, (data) => updateCohort(actor, String(id), data));
  if (result.ok) {
    revalidatePath(COORDINATOR, "layout");
    revalidatePublicPages();
  }
  return result;
}

/** What a decision did, with the decision itself so the page can say "3 accepted". */
export type DecisionOutcome = DecisionResult & { decision: Decision };

/** Accepts, waitlists or rejects one or more applications of a cohort (with an optional reason). */
export async function decideEnrollmentsAction(cohortId: string, input: unknown): Promise<ActionResult<DecisionOutcome>> {
  const actor = await getCurrentActor();
  const result = await runAction(decisionSchema, input, async (data) => ({
    ...(await decideEnrollments(actor, String(cohortId), data)),
    decision: data.decision,
  }));
  if (result.ok) {
    revalidatePath(COORDINATOR, "layout");
    revalidatePublicPages();
  }
  return result;
}

/** Adds one of the cohort's own sign-up questions. */
export async function addQuestionAction(cohortId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const actor = await getCurrentActor();
  const result = await runAction(questionSchema, input, (data) => addQuestion(actor, String(cohortId), data));
  if (result.ok) {
    revalidatePath(COORDINATOR, "layout");
    revalidatePublicPages();
  }
  return result;
}

/** Removes a sign-up question; answers already given stay on the applications. */
export async function deleteQuestionAction(questionId: unknown): Promise<ActionResult> {
  const actor = await getCurrentActor();
  const result = await runAction(z.string(), questionId, (id) => deleteQuestion(actor, id));
  if (result.ok) {
    revalidatePath(COORDINATOR, "layout");
    revalidatePublicPages();
  }
  return result;
}
