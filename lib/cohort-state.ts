import type { CohortStatus } from "@/db/schema/enums";
import { todayIn } from "@/lib/time";

/**
 * Where a cohort stands, as coordinators and the start page name it. Derived here and nowhere
 * else, from the stored status (draft / open / closed / completed), the archive mark, the dates in
 * the cohort's own zone and the places left:
 *
 *   archived   archived (by itself or with its programme): hidden, read-only, restorable
 *   draft      not published: only its coordinators see it
 *   completed  marked completed, or its end date has passed
 *   running    between its start and end dates
 *   upcoming   published, sign-up opens later ("opens on …")
 *   open       sign-up open now, places left
 *   full       sign-up open now, no place left (new sign-ups join the waitlist or apply)
 *   closed     published, sign-up over (marked closed or past its deadline), not started yet
 */
export const COHORT_STATES = ["draft", "upcoming", "open", "full", "closed", "running", "completed", "archived"] as const;
export type CohortState = (typeof COHORT_STATES)[number];

export interface CohortStateInput {
  status: CohortStatus;
  archivedAt: Date | null;
  startDate: string;
  endDate: string;
  enrollmentOpensOn: string;
  enrollmentDeadline: string;
  timeZone: string;
  capacity: number;
  /** Places held (accepted or offered). */
  placesTaken: number;
}

/** The one derivation of a cohort's state (see COHORT_STATES). */
export function cohortState(c: CohortStateInput, now: Date = new Date()): CohortState {
  if (c.archivedAt) return "archived";
  if (c.status === "draft") return "draft";
  // ISO calendar dates compare correctly as strings.
  const today = todayIn(c.timeZone, now);
  if (c.status === "completed" || today > c.endDate) return "completed";
  if (today >= c.startDate) return "running";
  if (c.status === "closed" || today > c.enrollmentDeadline) return "closed";
  if (today < c.enrollmentOpensOn) return "upcoming";
  return c.placesTaken >= c.capacity ? "full" : "open";
}
