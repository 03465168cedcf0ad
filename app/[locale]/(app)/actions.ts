"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { signOut } from "@/lib/auth";
import { orgCookieSecure } from "@/lib/auth/secret";
import { getCurrentActor, ORG_COOKIE } from "@/lib/dal/session";
import { formText } from "@/lib/form-data";

const localeOf = (form: FormData): string => {
  const l = formText(form, "locale");
  return hasLocale(routing.locales, l) ? l : routing.defaultLocale;
};

/** Chooses the organisation the person works in; only one of their own memberships counts. */
export async function switchOrganisation(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const locale = localeOf(form);
  if (!actor) redirect(`/${locale}/sign-in`);
  const wanted = formText(form, "organisationId");
  if (actor.memberships.some((m) => m.organisationId === wanted)) {
    (await cookies()).set(ORG_COOKIE, wanted, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365, secure: orgCookieSecure() });
  }
  redirect(`/${locale}/start`);
}

/** Ends this browser's session on the server. */
export async function signOutAction(form: FormData): Promise<void> {
  await signOut({ redirectTo: `/${localeOf(form)}` });
}
