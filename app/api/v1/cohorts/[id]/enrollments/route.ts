import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods, readJson, readQuery } from "@/lib/api/http";
import { apiSignUpSchema, enrollmentListQuery } from "@/lib/api/schemas";
import { cohortEnrollmentJson, page } from "@/lib/api/serialize";
import { getPublicCohort, listCohortEnrollments } from "@/lib/dal/enrollment-queries";
import { signUp } from "@/lib/dal/enrollments";
import { revalidatePublicPages } from "@/lib/public-pages";

export const dynamic = "force-dynamic";

/** For the cohort's coordinators: its applications, searched, filtered, sorted and paged. */
export const GET = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const q = readQuery(req, enrollmentListQuery);
  const result = await listCohortEnrollments(actor, id, q);
  return json(page(result.rows.map(cohortEnrollmentJson), result));
});

/** The authenticated person signs up for the cohort, as themself. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const cohort = await getPublicCohort(id);
  const input = await readJson(req, apiSignUpSchema(cohort, actor));
  const result = await signUp(actor, id, input, { locale: actor.locale });
  revalidatePublicPages(); // places and waiting list on the cohort's public page
  return json(result, { status: 201 });
});

/** Other methods: a 405 problem naming these. */
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
