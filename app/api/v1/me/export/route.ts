import { requireActor } from "@/lib/api/auth";
import { handle, json, otherMethods } from "@/lib/api/http";
import { exportMyData } from "@/lib/dal/my-data";

export const dynamic = "force-dynamic";

/** Everything Koppel holds about the authenticated person, as a file to download. */
export const GET = handle(async (req) => {
  const actor = await requireActor(req);
  const data = await exportMyData(actor);
  const day = data.exportedAt.toISOString().slice(0, 10);
  return json(data, { headers: { "content-disposition": `attachment; filename="koppel-my-data-${day}.json"` } });
});

/** Other methods: a 405 problem naming these. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
