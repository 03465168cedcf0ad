import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods, readJson } from "@/lib/api/http";
import { decidePartner } from "@/lib/dal/partners";
import { partnerDecisionSchema } from "@/lib/validation/partner";

/** For the organisation's coordinators: approve or decline a partner; its owner is told by mail. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const { decision, reason } = await readJson(req, partnerDecisionSchema);
  await decidePartner(actor, id, decision, reason);
  return json({ id, status: decision === "approve" ? "approved" : "declined" });
});

/** Other methods: a 405 problem naming these. */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
