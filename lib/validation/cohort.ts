import { z } from "zod";
import { ADMISSION_MODES, COHORT_STATUSES } from "@/db/schema/enums";
import { calendarDate, requiredText, timeZone, wholeNumber } from "./common";
import { policyAreaLines } from "./enrollment";

/** Create or edit a cohort (form and server). Dates are calendar dates in the cohort's zone. */
export const cohortSchema = z
  .object({
    name: requiredText(120),
    startDate: calendarDate,
    endDate: calendarDate,
    enrollmentOpensOn: calendarDate,
    enrollmentDeadline: calendarDate,
    capacity: wholeNumber(1, 10000),
    timeZone,
    /** Left out: a new cohort is a draft, an existing one keeps its status (publishing is its own step). */
    status: z.enum(COHORT_STATUSES, { error: "required" }).optional(),
    admissionMode: z.enum(ADMISSION_MODES, { error: "required" }).default("reviewed"),
    offerDays: wholeNumber(1, 60).default(5),
    autoOfferWaitlist: z.boolean({ error: "invalid" }).default(false),
    policyAreas: policyAreaLines.default([]),
  })
  .superRefine((c, ctx) => {
    // ISO dates compare correctly as strings.
    if (c.endDate < c.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "endBeforeStart" });
    if (c.enrollmentDeadline < c.enrollmentOpensOn)
      ctx.addIssue({ code: "custom", path: ["enrollmentDeadline"], message: "deadlineBeforeOpening" });
    if (c.enrollmentDeadline > c.startDate)
      ctx.addIssue({ code: "custom", path: ["enrollmentDeadline"], message: "deadlineAfterStart" });
  });

export type CohortInput = z.infer<typeof cohortSchema>;
export type CohortFormValues = z.input<typeof cohortSchema>;
