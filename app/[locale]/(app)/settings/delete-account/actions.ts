"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { failureOf } from "@/lib/actions";
import { sessionCookie } from "@/lib/auth/secret";
import { deleteMyAccount } from "@/lib/dal/account-deletion";
import { getCurrentActor } from "@/lib/dal/session";
import { formText } from "@/lib/form-data";
import { revalidatePublicPages } from "@/lib/public-pages";
import type { FieldErrors } from "@/lib/validation/common";

/** What the confirmation form shows after a refusal; the typed address comes back (also without JavaScript). */
export interface DeleteAccountState {
  error?: string;
  fieldErrors?: FieldErrors;
  email?: string;
}

/**
 * Deletes the signed-in person's own account once they typed its address; the DAL erases it and
 * ends every session, this clears the browser's cookie and shows the page that says it is done.
 */
export async function deleteAccountAction(_prev: DeleteAccountState, form: FormData): Promise<DeleteAccountState> {
  const l = formText(form, "locale");
  const locale = hasLocale(routing.locales, l) ? l : routing.defaultLocale;
  const email = formText(form, "email").slice(0, 254);
  const actor = await getCurrentActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  try {
    await deleteMyAccount(actor, { email });
  } catch (err) {
    const failure = failureOf(err);
    return { error: failure.error, fieldErrors: failure.fieldErrors, email };
  }
  // The person's active enrollments were withdrawn: the cohorts' places and waiting lists changed.
  revalidatePublicPages();
  const cookie = sessionCookie();
  // A __Host- cookie is only cleared with the same Secure flag and path it was set with.
  (await cookies()).delete({ name: cookie.name, path: "/", secure: cookie.secure });
  redirect(`/${locale}/account-deleted`);
}
