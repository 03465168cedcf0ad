import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods } from "@/lib/api/http";
import { enrollmentDetailJson } from "@/lib/api/serialize";
import { getEnrollmentDetail } from "@/lib/dal/enrollment-queries";

export const dynamic = "force-dynamic";

/** For the cohort's coordinators: one application with its answers and status history. */
export const GET = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  return json(enrollmentDetailJson(await getEnrollmentDetail(actor, id)));
});

/** Other methods: a 405 problem naming these. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
