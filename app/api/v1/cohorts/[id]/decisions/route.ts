import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods, readJson } from "@/lib/api/http";
import { decideEnrollments } from "@/lib/dal/enrollments";
import { decisionSchema } from "@/lib/validation/enrollment";

/** For the cohort's coordinators: accept, waitlist or reject applications. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const input = await readJson(req, decisionSchema);
  return json(await decideEnrollments(actor, id, input));
});

/** Other methods: a 405 problem naming these. */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
