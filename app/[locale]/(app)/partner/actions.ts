"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions";
import { updateHelpRequest } from "@/lib/dal/partners";
import { getCurrentActor } from "@/lib/dal/session";
import type { ActionResult } from "@/lib/validation/common";
import { helpRequestSchema } from "@/lib/validation/partner";

/** The owner updates the help request and what pairing uses; the DAL checks it is their partner. */
export async function updateHelpRequestAction(partnerId: string, input: unknown): Promise<ActionResult> {
  const actor = await getCurrentActor();
  const result = await runAction(helpRequestSchema, input, (data) => updateHelpRequest(actor, String(partnerId), data));
  if (result.ok) {
    revalidatePath("/[locale]/partner", "layout");
    revalidatePath("/[locale]/pairs/[id]", "page");
    revalidatePath("/[locale]/participant", "page");
  }
  return result;
}
