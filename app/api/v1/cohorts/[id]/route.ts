import { authenticate } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods } from "@/lib/api/http";
import { cohortJson } from "@/lib/api/serialize";
import { getPublicCohort } from "@/lib/dal/enrollment-queries";

export const dynamic = "force-dynamic";

/** One cohort as the public sees it, with its questions and places left. */
export const GET = handle(async (req, ctx: IdContext) => {
  await authenticate(req);
  const { id } = await ctx.params;
  return json(cohortJson(await getPublicCohort(id)));
});

/** Other methods: a 405 problem naming these. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
