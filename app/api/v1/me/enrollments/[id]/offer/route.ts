import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods, readJson } from "@/lib/api/http";
import { offerBody } from "@/lib/api/schemas";
import { respondToOffer } from "@/lib/dal/enrollments";
import { revalidatePublicPages } from "@/lib/public-pages";

/** The authenticated person accepts or declines the place offered to them. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const { accept } = await readJson(req, offerBody);
  await respondToOffer(actor, id, accept);
  revalidatePublicPages(); // places and waiting list on the cohort's public page
  return json({ id, status: accept ? "accepted" : "withdrawn" });
});

/** Other methods: a 405 problem naming these. */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
