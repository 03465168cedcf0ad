import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods, readJson } from "@/lib/api/http";
import { decideEnrollments } from "@/lib/dal/enrollments";
import { decisionSchema } from "@/lib/validation/enrollment";
import { revalidatePublicPages } from "@/lib/public-pages";

/** For the cohort's coordinators: accept, waitlist or reject applications. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const input = await readJson(req, decisionSchema);
  const result = await decideEnrollments(actor, id, input);
  revalidatePublicPages(); // places and waiting list on the cohort's public page
  return json(result);
});

/** Other methods: a 405 problem naming these. */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
