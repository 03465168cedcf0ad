"use server";

import { redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { failureOf } from "@/lib/actions";
import { confirmSignUp } from "@/lib/dal/sign-up-confirmation";
import { formText } from "@/lib/form-data";
import { revalidatePublicPages } from "@/lib/public-pages";

/** Refusals the confirmation page says in words; the others (used, expired, unknown link) it shows from the link's state. */
const SHOWN = new Set(["signUpClosed", "generic"]);

/**
 * "Confirm my sign-up": admits the person whose address the link proved. A POST from the page's
 * button (never the GET that opens the link, so mail scanners that fetch links confirm nothing);
 * works without JavaScript. Back to the same page, which then shows the outcome or the refusal.
 */
export async function confirmSignUpAction(form: FormData): Promise<void> {
  const token = formText(form, "token").slice(0, 100);
  const cohortId = formText(form, "cohortId").slice(0, 100);
  const l = formText(form, "locale");
  const locale = hasLocale(routing.locales, l) ? l : routing.defaultLocale;
  const query = new URLSearchParams({ token });
  try {
    await confirmSignUp(token);
    revalidatePublicPages();
  } catch (err) {
    const error = failureOf(err).error;
    if (SHOWN.has(error)) query.set("error", error);
  }
  redirect(`/${locale}/programmes/${encodeURIComponent(cohortId)}/confirm?${query.toString()}`);
}
