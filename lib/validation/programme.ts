import { z } from "zod";
import { optionalText, requiredText, wholeNumber } from "./common";

/** Create or edit a programme (form and server). */
export const programmeSchema = z
  .object({
    name: requiredText(120),
    description: optionalText(4000),
    effortHalfDaysMin: wholeNumber(0, 200),
    effortHalfDaysMax: wholeNumber(0, 200),
    durationMonths: wholeNumber(1, 60),
    minPartnerMeetings: wholeNumber(0, 50),
    /** Weeks after pairing by which a pair should have a confirmed meeting; left out, the stored value stays (4 for a new programme). */
    meetingDueWeeks: wholeNumber(1, 52).optional(),
    /** Months after a cohort's end date until its participants' personal data is anonymised (1–120); left out, the stored value stays (24 for a new programme). */
    retentionMonths: wholeNumber(1, 120).optional(),
  })
  .refine((p) => p.effortHalfDaysMax >= p.effortHalfDaysMin, {
    path: ["effortHalfDaysMax"],
    error: "maxBelowMin",
  });

export type ProgrammeInput = z.infer<typeof programmeSchema>;
export type ProgrammeFormValues = z.input<typeof programmeSchema>;
