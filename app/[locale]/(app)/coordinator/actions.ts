"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { z } from "zod";
import { routing } from "@/i18n/routing";
import { runAction } from "@/lib/actions";
import { createCohort, updateCohort } from "@/lib/dal/cohorts";
import { undoDecisionBatch } from "@/lib/dal/decision-batches";
import { decideEnrollments, type DecisionResult } from "@/lib/dal/enrollments";
import { createProgramme, updateProgramme } from "@/lib/dal/programmes";
import { addQuestion, deleteQuestion } from "@/lib/dal/questions";
import { getCurrentActor } from "@/lib/dal/session";
import { formText } from "@/lib/form-data";
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

const localeOf = (form: FormData): string => {
  const l = formText(form, "locale");
  return hasLocale(routing.locales, l) ? l : routing.defaultLocale;
};

/** The decision form's fields as the preview page posts them back (ids repeated, one per person). */
const decisionOf = (form: FormData) => ({
  ids: form.getAll("ids").filter((v): v is string => typeof v === "string"),
  decision: formText(form, "decision"),
  reason: formText(form, "reason"),
});

/**
 * The confirmed bulk decision (from the preview page; a server form, works without JavaScript):
 * applies it as a batch and leads to the page that names everyone it touched, with an undo while
 * the mails are held. A refusal leads back to the preview, which says why.
 */
export async function confirmDecisionFormAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const cohortId = formText(form, "cohortId");
  const input = decisionOf(form);
  const result = await runAction(decisionSchema, input, (data) => decideEnrollments(actor, cohortId, data, { batch: true }));
  const base = `/${localeOf(form)}/coordinator/cohorts/${encodeURIComponent(cohortId)}/applications`;
  if (!result.ok || !result.data) {
    const back = new URLSearchParams({ decision: input.decision, reason: input.reason, refused: result.ok ? "generic" : (result.error ?? "generic") });
    for (const id of input.ids) back.append("ids", id);
    redirect(`${base}/decide?${back.toString()}`);
  }
  revalidatePath(COORDINATOR, "layout");
  redirect(`${base}/decisions/${result.data.batchId}`);
}

/** Undoes a bulk decision while its mails are still held; the batch's page says what happened. */
export async function undoDecisionFormAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const cohortId = formText(form, "cohortId");
  const batchId = formText(form, "batchId");
  const result = await runAction(z.string(), batchId, (id) => undoDecisionBatch(actor, cohortId, id));
  revalidatePath(COORDINATOR, "layout");
  const outcome = result.ok ? "undone=1" : `refused=${encodeURIComponent(result.error ?? "generic")}`;
  redirect(`/${localeOf(form)}/coordinator/cohorts/${encodeURIComponent(cohortId)}/applications/decisions/${encodeURIComponent(batchId)}?${outcome}`);
}
