import { formatter } from "@/lib/time";

/** A date in the viewer's zone, short: "3 Mar 2027". */
export function formatDay(instant: Date, locale: string, timeZone: string): string {
  return formatter(locale, `day|${timeZone}`, () => ({ dateStyle: "medium", timeZone })).format(instant);
}

/** A moment in the viewer's zone, short: "3 Mar 2027, 14:05" (formatters shared per locale and zone, not made per row). */
export function formatMoment(instant: Date, locale: string, timeZone: string): string {
  return formatter(locale, `moment|${timeZone}`, () => ({ dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone })).format(instant);
}

/** The zone to show times in: the viewer's own, else the cohort's. */
export const viewerZone = (actor: { timeZone?: string | null } | null | undefined, cohortZone: string): string => actor?.timeZone || cohortZone;
