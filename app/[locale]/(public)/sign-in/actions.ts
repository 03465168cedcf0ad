"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/db/schema/enums";
import { runAction } from "@/lib/actions";
import { requestSignInLink } from "@/lib/dal/auth";
import type { ActionResult } from "@/lib/validation/common";
import { signInSchema } from "@/lib/validation/member";

/** Asks for a magic link. The answer is the same whether or not the address has an account. */
export async function requestSignInLinkAction(input: unknown): Promise<ActionResult> {
  const locale = (await getLocale()) as Locale;
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
  return runAction(signInSchema, input, async ({ email }) => {
    await requestSignInLink({ email, ip, locale, callbackPath: `/${locale}/start` });
  });
}
