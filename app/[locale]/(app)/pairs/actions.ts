"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions";
import { logMeeting, respondToMeeting } from "@/lib/dal/meetings";
import { getCurrentActor } from "@/lib/dal/session";
import { formText } from "@/lib/form-data";
import type { ActionResult, FieldErrors } from "@/lib/validation/common";
import { meetingResponseSchema, meetingSchema } from "@/lib/validation/meeting";

/** Every page that shows a pair's meetings or what waits for an answer. */
function revalidateMeetings() {
  revalidatePath("/[locale]/pairs/[id]", "page");
  revalidatePath("/[locale]/participant", "page");
  revalidatePath("/[locale]/partner", "page");
}

/** One side of a pair logs a meeting; the DAL refuses anyone else, the future and absurd durations. */
export async function logMeetingAction(pairId: string, input: unknown): Promise<ActionResult<{ meetingId: string }>> {
  const actor = await getCurrentActor();
  const result = await runAction(meetingSchema, input, (data) => logMeeting(actor, String(pairId), data));
  if (result.ok) revalidateMeetings();
  return result;
}

/** What a meeting's Confirm / Dispute buttons show after a submit; also works as a plain form post. */
export interface MeetingAnswerState {
  meetingId?: string;
  done?: "confirmed" | "disputed";
  error?: string;
  fieldErrors?: FieldErrors;
  /** The comment as typed, so a refused dispute keeps it. */
  comment?: string;
}

/** The other side confirms a logged meeting or disputes it with a comment; the DAL checks they may. */
export async function respondToMeetingAction(_prev: MeetingAnswerState, form: FormData): Promise<MeetingAnswerState> {
  const actor = await getCurrentActor();
  const meetingId = formText(form, "meetingId");
  const comment = formText(form, "comment");
  const result = await runAction(meetingResponseSchema, { response: formText(form, "response"), comment }, (data) =>
    respondToMeeting(actor, meetingId, data.response, data.comment),
  );
  if (result.ok) {
    revalidateMeetings();
    return { meetingId, done: formText(form, "response") === "dispute" ? "disputed" : "confirmed" };
  }
  return { meetingId, error: result.error ?? "generic", fieldErrors: result.fieldErrors, comment };
}
