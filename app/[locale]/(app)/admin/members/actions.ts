"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions";
import { inviteMember } from "@/lib/dal/members";
import { getCurrentActor } from "@/lib/dal/session";
import type { ActionResult } from "@/lib/validation/common";
import { inviteSchema } from "@/lib/validation/member";

export async function inviteMemberAction(input: unknown): Promise<ActionResult> {
  const actor = await getCurrentActor();
  const result = await runAction(inviteSchema, input, (data) => inviteMember(actor, data));
  if (result.ok) revalidatePath("/[locale]/admin/members", "page");
  return result;
}
