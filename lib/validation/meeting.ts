import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { MEETING_MODES } from "@/db/schema/enums";
import { isTimeZone, optionalText, plainString } from "./common";

/** Over 12 hours is not one meeting: log separate days separately. */
export const MEETING_MAX_MINUTES = 720;
/** A phone's clock may run a little ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;
const EARLIEST = Date.UTC(2000, 0, 1);

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A form's `datetime-local` value read in the viewer's zone, or an ISO instant with offset (API). */
function toInstant(value: unknown, timeZone: string | undefined): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "string") return null;
  const local = LOCAL.exec(value.trim());
  if (local) {
    if (!timeZone) return null;
    const [y, mo, d, h, mi, s] = local.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
    return new Date(new TZDate(y, mo - 1, d, h, mi, s, 0, timeZone).getTime());
  }
  if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) return null;
  const parsed = new Date(value.trim());
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/**
 * Logging a meeting (form and server): when it started, how long, in person or online, what was
 * done. Refused: in the future (beyond 5 minutes of clock skew), 0 or fewer minutes, over 12 hours.
 * `now` is read when parsing, so one schema serves a long-open form.
 */
export function meetingSchemaAt(now?: () => Date) {
  return z
    .strictObject({
      startsAt: z.union([z.date(), plainString()], { error: "required" }),
      /** The zone a `datetime-local` value was entered in (the viewer's). */
      timeZone: plainString().refine(isTimeZone, { error: "timeZone" }).optional(),
      durationMinutes: z.coerce
        .number({ error: "number" })
        .refine((n) => Number.isFinite(n), { error: "number" })
        .refine((n) => Number.isInteger(n), { error: "wholeNumber" })
        .refine((n) => n >= 1, { error: "durationTooShort" })
        .refine((n) => n <= MEETING_MAX_MINUTES, { error: "durationTooLong" }),
      mode: z.enum(MEETING_MODES, { error: "choose" }),
      notes: optionalText(4000),
    })
    .transform((m, ctx) => {
      const startsAt = toInstant(m.startsAt, m.timeZone);
      if (!startsAt || startsAt.getTime() < EARLIEST) {
        ctx.addIssue({ code: "custom", path: ["startsAt"], message: "date" });
        return z.NEVER;
      }
      if (meetingInFuture(startsAt, now ? now() : new Date())) {
        ctx.addIssue({ code: "custom", path: ["startsAt"], message: "meetingInFuture" });
        return z.NEVER;
      }
      return { startsAt, durationMinutes: m.durationMinutes, mode: m.mode, notes: m.notes };
    });
}

export const meetingSchema = meetingSchemaAt();
export type MeetingInput = z.output<typeof meetingSchema>;
export type MeetingFormValues = z.input<typeof meetingSchema>;

/** Whether a meeting starting at `startsAt` has not happened yet at `now`. */
export const meetingInFuture = (startsAt: Date, now: Date): boolean => startsAt.getTime() > now.getTime() + CLOCK_SKEW_MS;

export const MEETING_RESPONSES = ["confirm", "dispute"] as const;
export type MeetingResponse = (typeof MEETING_RESPONSES)[number];

/** The other side confirms a meeting, or disputes it and says why. */
export const meetingResponseSchema = z
  .strictObject({
    response: z.enum(MEETING_RESPONSES, { error: "choose" }),
    comment: optionalText(1000),
  })
  .superRefine((r, ctx) => {
    if (r.response === "dispute" && r.comment === "") ctx.addIssue({ code: "custom", path: ["comment"], message: "disputeCommentRequired" });
  });
export type MeetingResponseInput = z.infer<typeof meetingResponseSchema>;
