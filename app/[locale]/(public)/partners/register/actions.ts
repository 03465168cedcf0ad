"use server";

import { revalidatePath } from "next/cache";
import { hasLocale } from "next-intl";
import { getLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { runAction } from "@/lib/actions";
import { clientIp } from "@/lib/client-ip";
import { registerPartner } from "@/lib/dal/partners";
import { getCurrentActor } from "@/lib/dal/session";
import type { ActionResult } from "@/lib/validation/common";
import { registerPartnerFormSchema } from "@/lib/validation/partner-registration";

/**
 * An initiative owner registers their initiative with an organisation. The DAL makes the account
 * (or uses the signed-in one), puts the registration up for review and mails a sign-in link.
 */
export async function registerPartnerAction(input: unknown): Promise<ActionResult<{ partnerId: string }>> {
  const actor = await getCurrentActor();
  const requested = await getLocale();
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const result = await runAction(registerPartnerFormSchema, input, async ({ organisation, ...profile }) => registerPartner(actor, organisation, profile, { locale, ip: await clientIp() }));
  if (result.ok) revalidatePath("/[locale]/partner", "page");
  return result;
}
