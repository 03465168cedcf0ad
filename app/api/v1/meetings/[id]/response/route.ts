import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods, readJson } from "@/lib/api/http";
import { respondToMeeting } from "@/lib/dal/meetings";
import { meetingResponseSchema } from "@/lib/validation/meeting";

/** The other side of the pair confirms a logged meeting, or disputes it with a comment. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const { response, comment } = await readJson(req, meetingResponseSchema);
  await respondToMeeting(actor, id, response, comment);
  return json({ id, status: response === "confirm" ? "confirmed" : "disputed" });
});

/** Other methods: a 405 problem naming these. */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
