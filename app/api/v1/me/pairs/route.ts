import { requireActor } from "@/lib/api/auth";
import { handle, json, otherMethods } from "@/lib/api/http";
import { myPairJson } from "@/lib/api/serialize-pairing";
import { listMyPairs } from "@/lib/dal/pairs";

export const dynamic = "force-dynamic";

/** The authenticated person's active pairs: as a participant their own, as a partner's owner those of their partners. */
export const GET = handle(async (req) => {
  const actor = await requireActor(req);
  const rows = await listMyPairs(actor);
  return json({ items: rows.map(myPairJson) });
});

/** Other methods: a 405 problem naming these. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
