import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods, readJson } from "@/lib/api/http";
import { withdrawBody } from "@/lib/api/schemas";
import { withdrawEnrollment } from "@/lib/dal/enrollments";
import { revalidatePublicPages } from "@/lib/public-pages";

/** The authenticated person withdraws one of their own enrollments. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const { reason } = await readJson(req, withdrawBody, { allowEmpty: true });
  await withdrawEnrollment(actor, id, reason);
  revalidatePublicPages(); // a place freed on the cohort's public page
  return json({ id, status: "withdrawn" });
});

/** Other methods: a 405 problem naming these. */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
