"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { z } from "zod";
import { routing } from "@/i18n/routing";
import { runAction } from "@/lib/actions";
import { archiveApplication, deleteApplication, restoreApplication } from "@/lib/dal/application-archive";
import { archiveCohort, archiveProgramme, deleteCohort, deleteProgramme, publishCohort, restoreCohort, restoreProgramme } from "@/lib/dal/lifecycle";
import { getCurrentActor } from "@/lib/dal/session";
import { formText } from "@/lib/form-data";
import { revalidatePublicPages } from "@/lib/public-pages";

/*
 * Publishing, archiving, restoring and deleting programmes, cohorts and applications: server
 * forms of one button (they work without JavaScript). Each goes back to a page that says what was
 * done (`done`) or why not (`refused`, a message key under errors.). Public pages change with
 * these (a cohort appears, disappears): the place to revalidate them is `revalidate()` below.
 */

const localeOf = (form: FormData): string => {
  const l = formText(form, "locale");
  return hasLocale(routing.locales, l) ? l : routing.defaultLocale;
};

// Public pages list cohorts and programmes (the catalogue, a cohort's page, the home page); the
// root layout's revalidation covers them and the coordinator's pages.
const revalidate = (): void => revalidatePublicPages();

// The route as the file system has it (route group included).
const COORDINATOR = "/[locale]/(app)/coordinator";

function back(form: FormData, path: string, outcome: Record<string, string>): never {
  redirect(`/${localeOf(form)}${path}?${new URLSearchParams(outcome).toString()}`);
}

type Outcome<T> = { ok: true; data?: T } | { ok: false; error?: string };
const outcomeOf = <T,>(result: Outcome<T>, done: string): Record<string, string> => (result.ok ? { done } : { refused: result.error ?? "generic" });

/** A coordinator publishes a draft cohort: it appears in the catalogue and sign-up opens in its window. */
export async function publishCohortAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const id = formText(form, "id");
  const result = await runAction(z.string(), id, (cohortId) => publishCohort(actor, cohortId));
  revalidate();
  back(form, `/coordinator/cohorts/${encodeURIComponent(id)}`, outcomeOf(result, "published"));
}

/** Archives a cohort: hidden from the catalogue and default lists, read-only. */
export async function archiveCohortAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const id = formText(form, "id");
  const result = await runAction(z.string(), id, (cohortId) => archiveCohort(actor, cohortId));
  revalidate();
  back(form, `/coordinator/cohorts/${encodeURIComponent(id)}`, outcomeOf(result, "archived"));
}

/** Restores an archived cohort. */
export async function restoreCohortAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const id = formText(form, "id");
  const result = await runAction(z.string(), id, (cohortId) => restoreCohort(actor, cohortId));
  revalidate();
  back(form, `/coordinator/cohorts/${encodeURIComponent(id)}`, outcomeOf(result, "restored"));
}

/** Deletes a cohort nothing depends on; back to its programme, which says so. */
export async function deleteCohortAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const id = formText(form, "id");
  const result = await runAction(z.string(), id, (cohortId) => deleteCohort(actor, cohortId));
  revalidate();
  if (result.ok && result.data) back(form, `/coordinator/programmes/${result.data.programmeId}`, { done: "cohortDeleted", name: result.data.name });
  back(form, `/coordinator/cohorts/${encodeURIComponent(id)}`, outcomeOf(result, "deleted"));
}

/** Archives a programme and its cohorts. */
export async function archiveProgrammeAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const id = formText(form, "id");
  const result = await runAction(z.string(), id, (programmeId) => archiveProgramme(actor, programmeId));
  revalidate();
  back(form, `/coordinator/programmes/${encodeURIComponent(id)}`, outcomeOf(result, "archived"));
}

/** Restores a programme and the cohorts archived with it. */
export async function restoreProgrammeAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const id = formText(form, "id");
  const result = await runAction(z.string(), id, (programmeId) => restoreProgramme(actor, programmeId));
  revalidate();
  back(form, `/coordinator/programmes/${encodeURIComponent(id)}`, outcomeOf(result, "restored"));
}

/** Deletes a programme without cohorts; back to the archive page, which says so. */
export async function deleteProgrammeAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const id = formText(form, "id");
  const result = await runAction(z.string(), id, (programmeId) => deleteProgramme(actor, programmeId));
  revalidate();
  if (result.ok && result.data) back(form, "/coordinator/archive", { done: "programmeDeleted", name: result.data.name });
  back(form, `/coordinator/programmes/${encodeURIComponent(id)}`, outcomeOf(result, "deleted"));
}

/** Archives a rejected or withdrawn application. */
export async function archiveApplicationAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const id = formText(form, "id");
  const result = await runAction(z.string(), id, (enrollmentId) => archiveApplication(actor, enrollmentId));
  revalidatePath(COORDINATOR, "layout");
  back(form, `/coordinator/enrollments/${encodeURIComponent(id)}`, outcomeOf(result, "archived"));
}

/** Restores an archived application to its cohort's list. */
export async function restoreApplicationAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const id = formText(form, "id");
  const result = await runAction(z.string(), id, (enrollmentId) => restoreApplication(actor, enrollmentId));
  revalidatePath(COORDINATOR, "layout");
  back(form, `/coordinator/enrollments/${encodeURIComponent(id)}`, outcomeOf(result, "restored"));
}

/** Deletes a rejected or withdrawn application that was never paired; back to the cohort's applications. */
export async function deleteApplicationAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const id = formText(form, "id");
  const result = await runAction(z.string(), id, (enrollmentId) => deleteApplication(actor, enrollmentId));
  revalidatePath(COORDINATOR, "layout");
  if (result.ok && result.data) back(form, `/coordinator/cohorts/${result.data.cohortId}/applications`, { done: "applicationDeleted" });
  back(form, `/coordinator/enrollments/${encodeURIComponent(id)}`, outcomeOf(result, "deleted"));
}
