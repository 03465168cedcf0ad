type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A meeting's length in words: "1 hour and 30 minutes", "45 minutes", "2 hours" (keys under meetingLog). */
export function durationText(t: Translate, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t("durationMinutesOnly", { minutes: rest });
  if (rest === 0) return t("durationHoursOnly", { hours });
  return t("durationHoursMinutes", { hours, minutes: rest });
}
