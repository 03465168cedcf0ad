import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods, readJson } from "@/lib/api/http";
import { changePair } from "@/lib/dal/pairs";
import { changePairSchema } from "@/lib/validation/pairing";

/** For the organisation's coordinators: move the participant to another partner, with a reason; the old pair ends. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const { partnerId, reason } = await readJson(req, changePairSchema);
  const { pairId } = await changePair(actor, id, partnerId, reason);
  return json({ pairId, replaces: id }, { status: 201 });
});

/** Other methods: a 405 problem naming these. */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
