import { requireActor } from "@/lib/api/auth";
import { handle, json, type IdContext } from "@/lib/api/http";
import { enrollmentDetailJson } from "@/lib/api/serialize";
import { getEnrollmentDetail } from "@/lib/dal/enrollment-queries";

export const dynamic = "force-dynamic";

/** For the cohort's coordinators: one application with its answers and status history. */
export const GET = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  return json(enrollmentDetailJson(await getEnrollmentDetail(actor, id)));
});
