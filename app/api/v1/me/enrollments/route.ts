import { requireActor } from "@/lib/api/auth";
import { handle, json, otherMethods } from "@/lib/api/http";
import { myEnrollmentJson } from "@/lib/api/serialize";
import { listMyEnrollments } from "@/lib/dal/enrollment-queries";

export const dynamic = "force-dynamic";

/** The authenticated person's own enrollments, across organisations. */
export const GET = handle(async (req) => {
  const actor = await requireActor(req);
  const rows = await listMyEnrollments(actor);
  return json({ items: rows.map(myEnrollmentJson) });
});

/** Other methods: a 405 problem naming these. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
