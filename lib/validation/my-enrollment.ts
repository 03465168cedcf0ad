import { z } from "zod";
import { optionalText } from "./common";

const enrollmentId = z.uuid({ error: "invalid" });

/** What a participant does with their own enrollment: answer an offer, or withdraw (with an optional reason). */
export const myEnrollmentActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.strictObject({ intent: z.literal("accept"), enrollmentId }),
    z.strictObject({ intent: z.literal("decline"), enrollmentId }),
    z.strictObject({ intent: z.literal("withdraw"), enrollmentId, reason: optionalText(1000) }),
  ],
  { error: "invalid" },
);
export type MyEnrollmentActionInput = z.infer<typeof myEnrollmentActionSchema>;
export type MyEnrollmentIntent = MyEnrollmentActionInput["intent"];
