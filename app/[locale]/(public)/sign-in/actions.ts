"use server";

import { getLocale } from "next-intl/server";
import type { Locale } from "@/db/schema/enums";
import { runAction } from "@/lib/actions";
import { clientIp } from "@/lib/client-ip";
import { requestSignInLink, safeCallbackPath } from "@/lib/dal/auth";
import { formText } from "@/lib/form-data";
import type { FieldErrors } from "@/lib/validation/common";
import { signInSchema } from "@/lib/validation/member";

export interface SignInState {
  done?: boolean;
  error?: string;
  fieldErrors?: FieldErrors;
  /** What was typed, so a refused address stays in the field (also without JavaScript). */
  email?: string;
}

/**
 * Asks for a magic link (a plain form post, so it works without JavaScript). The answer is the
 * same whether or not the address has an account. `callbackUrl` is where the link leads after
 * signing in: a same-site path only, else the start page.
 */
export async function requestSignInLinkAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const locale = (await getLocale()) as Locale;
  const ip = await clientIp();
  const email = formText(form, "email");
  const callbackPath = safeCallbackPath(formText(form, "callbackUrl")) ?? `/${locale}/start`;
  const result = await runAction(signInSchema, { email }, async (values) => {
    await requestSignInLink({ email: values.email, ip, locale, callbackPath });
  });
  return result.ok ? { done: true, email } : { error: result.error, fieldErrors: result.fieldErrors, email };
}
