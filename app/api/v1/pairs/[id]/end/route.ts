import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods, readJson } from "@/lib/api/http";
import { unpair } from "@/lib/dal/pairs";
import { unpairSchema } from "@/lib/validation/pairing";

/** For the organisation's coordinators: end a pair, with a reason; the partner's place becomes free. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const { reason } = await readJson(req, unpairSchema);
  await unpair(actor, id, reason);
  return json({ pairId: id, status: "ended" });
});

/** Other methods: a 405 problem naming these. */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
