"use server";

import { getLocale } from "next-intl/server";
import type { Locale } from "@/db/schema/enums";
import { runAction } from "@/lib/actions";
import { clientIp } from "@/lib/client-ip";
import { requestSignInLink } from "@/lib/dal/auth";
import type { ActionResult } from "@/lib/validation/common";
import { signInSchema } from "@/lib/validation/member";

/** Asks for a magic link. The answer is the same whether or not the address has an account. */
export async function requestSignInLinkAction(input: unknown): Promise<ActionResult> {
  const locale = (await getLocale()) as Locale;
  const ip = await clientIp();
  return runAction(signInSchema, input, async ({ email }) => {
    await requestSignInLink({ email, ip, locale, callbackPath: `/${locale}/start` });
  });
}
