"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { runAction } from "@/lib/actions";
import { applyProposal, changePair, pairParticipant, unpair, type ApplyProposalResult } from "@/lib/dal/pairs";
import { linkPartnersToCohort } from "@/lib/dal/cohort-partners";
import { getCurrentActor } from "@/lib/dal/session";
import { formText } from "@/lib/form-data";
import type { ActionResult, FieldErrors } from "@/lib/validation/common";
import { applyProposalSchema, changePairSchema, pairSchema, unpairSchema } from "@/lib/validation/pairing";
import { linkPartnersSchema } from "@/lib/validation/partner";

// The route as the file system has it (route group included): pairs show on several coordinator pages.
const COORDINATOR = "/[locale]/(app)/coordinator";

/** What a pairing form on the board shows after a refusal; on success the board is shown again with what was done. */
export interface PairFormState {
  error?: string;
  fieldErrors?: FieldErrors;
  /** The reason typed, kept after a refusal (also without JavaScript). */
  reason?: string;
  partnerId?: string;
}

const localeOf = (form: FormData): string => {
  const l = formText(form, "locale");
  return hasLocale(routing.locales, l) ? l : routing.defaultLocale;
};

/** Back to the board, which says what was done (`done`) or refused (`refused`, a message key) and to whom (`e`, `p`). */
function backToBoard(form: FormData, cohortId: string, outcome: { done: "paired" | "unpaired" | "changed" } | { refused: string }): never {
  revalidatePath(COORDINATOR, "layout");
  const query = new URLSearchParams({ ...outcome, e: formText(form, "enrollmentId"), p: formText(form, "partnerId") });
  // Back to the same search and pages the coordinator was on.
  const view = new URLSearchParams(formText(form, "view"));
  for (const key of ["q", "page", "pairedPage"]) {
    const value = view.get(key);
    if (value) query.set(key, value.slice(0, 200));
  }
  redirect(`/${localeOf(form)}/coordinator/cohorts/${encodeURIComponent(cohortId)}/pairing?${query.toString()}`);
}

/**
 * "Pair with X": one accepted participant with one suggested partner. Works without JavaScript.
 * A refusal (someone else took the last place meanwhile) comes back on the board too, freshly
 * ranked, with the reason at the top: the button pressed may no longer be there.
 */
export async function pairFormAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const cohortId = formText(form, "cohortId");
  const result = await runAction(pairSchema, { enrollmentId: formText(form, "enrollmentId"), partnerId: formText(form, "partnerId") }, async (data) => {
    await pairParticipant(actor, cohortId, data.enrollmentId, data.partnerId);
  });
  backToBoard(form, cohortId, result.ok ? { done: "paired" } : { refused: result.error ?? "generic" });
}

/** Ends a pair; the reason is required and stays on the pair's record. */
export async function unpairFormAction(_prev: PairFormState, form: FormData): Promise<PairFormState> {
  const actor = await getCurrentActor();
  const reason = formText(form, "reason");
  const result = await runAction(unpairSchema, { reason }, (data) => unpair(actor, formText(form, "pairId"), data.reason));
  if (!result.ok) return { error: result.error ?? "generic", fieldErrors: result.fieldErrors, reason };
  backToBoard(form, formText(form, "cohortId"), { done: "unpaired" });
}

/** Moves a participant to another partner, with the reason. */
export async function changePairFormAction(_prev: PairFormState, form: FormData): Promise<PairFormState> {
  const actor = await getCurrentActor();
  const reason = formText(form, "reason");
  const partnerId = formText(form, "partnerId");
  const result = await runAction(changePairSchema, { partnerId, reason }, async (data) => {
    await changePair(actor, formText(form, "pairId"), data.partnerId, data.reason);
  });
  if (!result.ok) return { error: result.error ?? "generic", fieldErrors: result.fieldErrors, reason, partnerId };
  backToBoard(form, formText(form, "cohortId"), { done: "changed" });
}

/** Applies an (edited) proposal in one step: all pairs are made, or none and the answer says which failed and why. */
export async function applyProposalAction(cohortId: string, input: unknown): Promise<ActionResult<ApplyProposalResult>> {
  const actor = await getCurrentActor();
  const result = await runAction(applyProposalSchema, input, (data) => applyProposal(actor, String(cohortId), data.pairs));
  if (result.ok && result.data?.applied) revalidatePath(COORDINATOR, "layout");
  return result;
}

/** What the "link partners" form shows: who was linked (and whose places changed), or why not, per field. */
export interface LinkPartnersState {
  linked?: { name: string; capacity: number }[];
  changed?: { name: string; capacity: number }[];
  error?: string;
  fieldErrors?: FieldErrors;
  /** What was ticked and typed, kept after a refusal (also without JavaScript). */
  chosen?: string[];
  places?: Record<string, string>;
}

/**
 * Links the ticked partners to the cohort, each with the places typed beside it: one form, one
 * transaction. Works without JavaScript; the answer names who was linked.
 */
export async function linkPartnersFormAction(_prev: LinkPartnersState, form: FormData): Promise<LinkPartnersState> {
  const actor = await getCurrentActor();
  const cohortId = formText(form, "cohortId");
  const chosen = [...new Set(form.getAll("partner").filter((v): v is string => typeof v === "string"))].slice(0, 101);
  const places = Object.fromEntries(chosen.map((id) => [id, formText(form, `places.${id}`)]));
  const links = chosen.map((partnerId) => ({ partnerId, capacity: places[partnerId] }));
  const result = await runAction(linkPartnersSchema, { links }, (data) => linkPartnersToCohort(actor, cohortId, data.links));
  if (!result.ok) {
    // "links.2.capacity" → "places.<that partner's id>": the message goes next to its field.
    const fieldErrors: FieldErrors = {};
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
      const m = /^links\.(\d+)\./.exec(key);
      fieldErrors[m ? `places.${chosen[Number(m[1])]}` : key === "links" ? "partner" : key] = messages;
    }
    return { error: result.error ?? "generic", fieldErrors, chosen, places };
  }
  revalidatePath(COORDINATOR, "layout");
  const strip = (l: { name: string; capacity: number }[]) => l.map(({ name, capacity }) => ({ name, capacity }));
  return { linked: strip(result.data!.linked), changed: strip(result.data!.changed) };
}
