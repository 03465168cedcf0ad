"use server";

import { revalidatePath } from "next/cache";
import { hasLocale } from "next-intl";
import { getLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { failureOf, runAction } from "@/lib/actions";
import { clientIp } from "@/lib/client-ip";
import { getPublicCohort } from "@/lib/dal/enrollment-queries";
import { signUp, type SignUpOutcome } from "@/lib/dal/enrollments";
import { getCurrentActor } from "@/lib/dal/session";
import type { ActionResult } from "@/lib/validation/common";
import { signUpSchemaFor } from "@/lib/validation/enrollment";
import { revalidatePublicPages } from "@/lib/public-pages";

/**
 * Signs the person up for a cohort (a signed-in person at once; anyone else gets a link to
 * confirm by mail, see confirmSignUpAction). The form's schema is built again from the cohort as stored
 * (its policy areas and questions now), never from anything the browser sent about the cohort.
 */
export async function signUpAction(cohortId: string, input: unknown): Promise<ActionResult<SignUpOutcome>> {
  const actor = await getCurrentActor();
  const requested = await getLocale();
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  let cohort: Awaited<ReturnType<typeof getPublicCohort>>;
  try {
    cohort = await getPublicCohort(String(cohortId));
  } catch (err) {
    return failureOf(err);
  }
  const result = await runAction(signUpSchemaFor(cohort), input, async (data) => signUp(actor, cohort.id, data, { locale, ip: await clientIp() }));
  // An unconfirmed sign-up changes no count: nothing to refresh.
  if (result.ok && result.data?.status !== "unconfirmed") {
    revalidatePublicPages();
    revalidatePath("/[locale]/participant", "page");
  }
  return result;
}
