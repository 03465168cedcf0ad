"use server";

import { runAction } from "@/lib/actions";
import { saveOrganisationSettings } from "@/lib/dal/organisation-settings";
import { getCurrentActor } from "@/lib/dal/session";
import { formText } from "@/lib/form-data";
import { revalidatePublicPages } from "@/lib/public-pages";
import type { FieldErrors } from "@/lib/validation/common";
import { organisationSettingsSchema } from "@/lib/validation/organisation";

/** What the settings form shows after sending: saved, or the messages next to their fields, with what was typed. */
export interface OrganisationSettingsState {
  saved?: boolean;
  error?: string;
  fieldErrors?: FieldErrors;
  values?: { name: string; contactEmail: string; contactPhone: string };
}

/**
 * An admin saves the organisation's name, contact and (optionally) a new logo or its removal, in
 * one form that works without JavaScript. The DAL checks the role and the logo's bytes.
 */
export async function saveOrganisationSettingsAction(_prev: OrganisationSettingsState, form: FormData): Promise<OrganisationSettingsState> {
  const actor = await getCurrentActor();
  const values = { name: formText(form, "name"), contactEmail: formText(form, "contactEmail"), contactPhone: formText(form, "contactPhone") };
  const file = form.get("logo");
  const upload = file instanceof File && file.size > 0 ? file : null;
  const logo = formText(form, "removeLogo") === "on" ? ("remove" as const) : upload;
  const organisationId = actor?.kind === "user" ? (actor.current?.organisationId ?? "") : "";
  const result = await runAction(organisationSettingsSchema, values, async (data) => saveOrganisationSettings(actor, organisationId, data, logo));
  if (!result.ok) return { error: result.error ?? "generic", fieldErrors: result.fieldErrors, values };
  // The organisation's name, logo and contact show on its cached public pages.
  revalidatePublicPages();
  return { saved: true };
}
