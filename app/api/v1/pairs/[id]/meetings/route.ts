import { requireActor } from "@/lib/api/auth";
import { handle, type IdContext, json, otherMethods, readJson } from "@/lib/api/http";
import { meetingJson } from "@/lib/api/serialize-pairing";
import { listPairMeetings, logMeeting } from "@/lib/dal/meetings";
import { meetingSchema } from "@/lib/validation/meeting";

export const dynamic = "force-dynamic";

/** A pair's meetings, newest first: for either side of the pair and the organisation's coordinators. */
export const GET = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const rows = await listPairMeetings(actor, id);
  return json({ items: rows.map(meetingJson) });
});

/** Either side of an active pair logs a meeting that has taken place; the other side is asked to confirm it. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  // Parsed here too, so a meeting in the future or too long is a 422 naming the field.
  const input = await readJson(req, meetingSchema);
  const { meetingId } = await logMeeting(actor, id, input);
  const logged = (await listPairMeetings(actor, id)).find((m) => m.id === meetingId)!;
  return json(meetingJson(logged), { status: 201 });
});

/** Other methods: a 405 problem naming these. */
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
