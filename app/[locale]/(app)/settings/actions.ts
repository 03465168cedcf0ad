"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions";
import { createApiToken, revokeApiToken } from "@/lib/dal/api-tokens";
import { updateMyProfile } from "@/lib/dal/profile";
import { getCurrentActor } from "@/lib/dal/session";
import { apiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-token";
import type { ActionResult } from "@/lib/validation/common";
import { profileSchema } from "@/lib/validation/profile";

/** Creates a personal API token; the token comes back in this one answer and never again. */
export async function createApiTokenAction(input: unknown): Promise<ActionResult<{ name: string; token: string; prefix: string }>> {
  const actor = await getCurrentActor();
  const result = await runAction(apiTokenSchema, input, async (data) => {
    const { token, prefix } = await createApiToken(actor, data);
    return { name: data.name, token, prefix };
  });
  if (result.ok) revalidatePath("/[locale]/settings", "page");
  return result;
}

/** Revokes one of the signed-in person's own tokens. */
export async function revokeApiTokenAction(input: unknown): Promise<ActionResult> {
  const actor = await getCurrentActor();
  const result = await runAction(revokeApiTokenSchema, input, (data) => revokeApiToken(actor, data.id));
  if (result.ok) revalidatePath("/[locale]/settings", "page");
  return result;
}

/** The person saves their own profile; the page then reloads in the language they chose. */
export async function updateProfileAction(input: unknown): Promise<ActionResult<{ locale: string }>> {
  const actor = await getCurrentActor();
  const result = await runAction(profileSchema, input, async (data) => {
    await updateMyProfile(actor, data);
    return { locale: data.locale };
  });
  if (result.ok) revalidatePath("/[locale]", "layout");
  return result;
}
