import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods, readJson, readQuery } from "@/lib/api/http";
import { cohortPairsQuery } from "@/lib/api/schemas";
import { cohortPairJson } from "@/lib/api/serialize-pairing";
import { listCohortPairs, pairParticipant } from "@/lib/dal/pairs";
import { pairSchema } from "@/lib/validation/pairing";

export const dynamic = "force-dynamic";

/** For the cohort's coordinators: its pairs with meetings logged, confirmed, the last one, and whether overdue. */
export const GET = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const { includeEnded } = readQuery(req, cohortPairsQuery);
  const rows = await listCohortPairs(actor, id, { includeEnded });
  return json({ items: rows.map(cohortPairJson) });
});

/** For the cohort's coordinators: pair an accepted participant with a linked partner; both are introduced by mail. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const { enrollmentId, partnerId } = await readJson(req, pairSchema);
  const { pairId } = await pairParticipant(actor, id, enrollmentId, partnerId);
  return json({ pairId }, { status: 201 });
});

/** Other methods: a 405 problem naming these. */
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
