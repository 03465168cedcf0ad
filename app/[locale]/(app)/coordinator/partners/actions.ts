"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { z } from "zod";
import { routing } from "@/i18n/routing";
import { runAction } from "@/lib/actions";
import { formText } from "@/lib/form-data";
import { mapPartnerPolicyAreas } from "@/lib/dal/policy-areas";
import { decidePartner, invitePartner, linkPartnerToCohort, unlinkPartnerFromCohort, updateHelpRequest } from "@/lib/dal/partners";
import { getCurrentActor } from "@/lib/dal/session";
import type { ActionResult } from "@/lib/validation/common";
import { invitePartnerSchema, linkPartnerSchema, mapPolicyAreasSchema, partnerDecisionSchema, partnerEditSchema } from "@/lib/validation/partner";

// The route as the file system has it (route group included): every coordinator page shows partners.
const COORDINATOR = "/[locale]/(app)/coordinator";

/** A coordinator puts a partner on Koppel (approved at once) and its owner gets an invitation. */
export async function invitePartnerAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const actor = await getCurrentActor();
  const result = await runAction(invitePartnerSchema, input, async (data) => ({ id: (await invitePartner(actor, data)).partnerId }));
  if (result.ok) revalidatePath(COORDINATOR, "layout");
  return result;
}

/** A coordinator edits a partner's profile, name and kind included. */
export async function updatePartnerAction(partnerId: string, input: unknown): Promise<ActionResult> {
  const actor = await getCurrentActor();
  const result = await runAction(partnerEditSchema, input, (data) => updateHelpRequest(actor, String(partnerId), data));
  if (result.ok) revalidatePath(COORDINATOR, "layout");
  return result;
}

/** Approves or declines a partner, with an optional reason that goes to its owner. */
export async function decidePartnerAction(partnerId: string, input: unknown): Promise<ActionResult<{ decision: "approve" | "decline" }>> {
  const actor = await getCurrentActor();
  const result = await runAction(partnerDecisionSchema, input, async (data) => {
    await decidePartner(actor, String(partnerId), data.decision, data.reason);
    return { decision: data.decision };
  });
  if (result.ok) revalidatePath(COORDINATOR, "layout");
  return result;
}

/** Links a partner to a cohort with a number of places, or changes that number. */
export async function linkPartnerAction(partnerId: string, input: unknown): Promise<ActionResult> {
  const actor = await getCurrentActor();
  const result = await runAction(linkPartnerSchema, input, async (data) => {
    await linkPartnerToCohort(actor, String(partnerId), data.cohortId, data.capacity);
  });
  if (result.ok) revalidatePath(COORDINATOR, "layout");
  return result;
}

/** Removes a partner from a cohort; refused while it has pairs there. */
export async function unlinkPartnerAction(partnerId: string, cohortId: unknown): Promise<ActionResult> {
  const actor = await getCurrentActor();
  const result = await runAction(z.string(), cohortId, (id) => unlinkPartnerFromCohort(actor, String(partnerId), id));
  if (result.ok) revalidatePath(COORDINATOR, "layout");
  return result;
}

/**
 * Maps a partner's areas that are not on the organisation's list onto listed ones (a plain form:
 * works without JavaScript). Back on the partner's page, which names what was mapped or why not.
 */
export async function mapPolicyAreasFormAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const partnerId = formText(form, "partnerId");
  const locale = hasLocale(routing.locales, formText(form, "locale")) ? formText(form, "locale") : routing.defaultLocale;
  const count = Math.min(30, Number.parseInt(formText(form, "count"), 10) || 0);
  const mappings = Array.from({ length: count }, (_, i) => ({ from: formText(form, `from.${i}`), to: formText(form, `to.${i}`) }));
  const result = await runAction(mapPolicyAreasSchema, { mappings }, (data) => mapPartnerPolicyAreas(actor, partnerId, data));
  const query = new URLSearchParams(result.ok ? { done: "mapped", n: String(result.data?.mapped.length ?? 0) } : { refused: result.error ?? "generic" });
  revalidatePath(COORDINATOR, "layout");
  redirect(`/${locale}/coordinator/partners/${encodeURIComponent(partnerId)}?${query.toString()}#areas`);
}
