import { requireActor } from "@/lib/api/auth";
import { handle, json, otherMethods, readQuery } from "@/lib/api/http";
import { partnerListQuery } from "@/lib/api/schemas";
import { partnerSummaryJson } from "@/lib/api/serialize-pairing";
import { listPartners } from "@/lib/dal/partners";

export const dynamic = "force-dynamic";

/** For coordinators: the partners of their current organisation, filtered by status, kind or name. */
export const GET = handle(async (req) => {
  const actor = await requireActor(req);
  const q = readQuery(req, partnerListQuery);
  const rows = await listPartners(actor, q);
  return json({ items: rows.map(partnerSummaryJson) });
});

/** Other methods: a 405 problem naming these. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
