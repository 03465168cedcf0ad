import type { getTranslations } from "next-intl/server";
import { formatCalendarDate, formatCountdown, formatInstant } from "@/lib/time";

type T = Awaited<ReturnType<typeof getTranslations>>;

/** "Closes in 3 days, on Friday 31 May 2027 at 23:59 Europe/Amsterdam", in the viewer's zone. */
export function deadlineText(t: T, deadline: Date, locale: string, zone: string, now: Date): string {
  const when = formatInstant(deadline, locale, zone);
  const countdown = formatCountdown(deadline, locale, now);
  return countdown ? t("catalogue.closes", { countdown, when }) : t("catalogue.closed", { when });
}

export function dateRangeText(t: T, startDate: string, endDate: string, locale: string): string {
  return t("catalogue.dateRange", { start: formatCalendarDate(startDate, locale), end: formatCalendarDate(endDate, locale) });
}

/** Expected effort in half-days (dagdelen). */
export function effortText(t: T, min: number, max: number): string {
  return min === max ? t("catalogue.effortExact", { count: min }) : t("catalogue.effortRange", { min, max });
}

export function placesText(t: T, placesLeft: number, capacity: number): string {
  return placesLeft > 0 ? t("catalogue.placesLeft", { left: placesLeft, capacity }) : t("catalogue.full");
}

export function admissionText(t: T, mode: "first_come" | "reviewed"): string {
  return mode === "first_come" ? t("catalogue.firstCome") : t("catalogue.reviewed");
}
