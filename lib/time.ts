import { TZDate } from "@date-fns/tz";

/** Formats a calendar date (`YYYY-MM-DD`) without shifting it through any time zone. */
export function formatCalendarDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return formatter(locale, "date", () => ({ dateStyle: "medium", timeZone: "UTC" })).format(new Date(Date.UTC(y, m - 1, d)));
}

// Creating an Intl.DateTimeFormat costs ~0.2 ms; pages format hundreds of dates, so reuse them.
const formatters = new Map<string, Intl.DateTimeFormat>();
/** One shared Intl.DateTimeFormat per locale and `key` (the key must name the zone and options). */
export function formatter(locale: string, key: string, options: () => Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options());
    if (formatters.size > 500) formatters.clear();
    formatters.set(id, f);
  }
  return f;
}

const PREFERRED_ZONES = ["Europe/Amsterdam", "Asia/Shanghai", "Asia/Bishkek", "UTC"];

/** Time zones for a picker: the ones our programmes use first, then every IANA zone. */
export function timeZoneOptions(current?: string): string[] {
  const all = Intl.supportedValuesOf("timeZone");
  // A zone kept under an older name (Asia/Calcutta) stays choosable rather than silently changing.
  const first = current && !PREFERRED_ZONES.includes(current) && !all.includes(current) ? [current, ...PREFERRED_ZONES] : PREFERRED_ZONES;
  return [...first, ...all.filter((z) => !first.includes(z))];
}

function ymd(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

/** The instant a calendar day starts (00:00) in `timeZone`. */
export function startOfDayIn(isoDate: string, timeZone: string): Date {
  const [y, m, d] = ymd(isoDate);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, timeZone).getTime());
}

/**
 * The last instant of a calendar day in `timeZone` (23:59:59.999): a deadline "31 May" in
 * Asia/Shanghai ends at 31 May 23:59:59.999 Shanghai time, whatever daylight-saving does.
 */
export function endOfDayIn(isoDate: string, timeZone: string): Date {
  const [y, m, d] = ymd(isoDate);
  return new Date(new TZDate(y, m - 1, d + 1, 0, 0, 0, 0, timeZone).getTime() - 1);
}

/** Today's calendar date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const t = new TZDate(now.getTime(), timeZone);
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}

/** An instant shown in a zone and language, with the zone's name: "Friday 31 May 2027, 23:59 Europe/Amsterdam". */
export function formatInstant(instant: Date, locale: string, timeZone: string): string {
  const text = formatter(locale, `instant|${timeZone}`, () => ({
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  })).format(instant);
  return `${text} ${timeZone}`;
}

/**
 * An instant for one reader: in their own zone, followed by the event's zone in brackets when it
 * differs ("… 10:00 Asia/Shanghai (… 03:00 Europe/Amsterdam)").
 */
export function formatInstantFor(instant: Date, locale: string, readerZone: string, eventZone: string): string {
  const own = formatInstant(instant, locale, readerZone);
  return readerZone === eventZone ? own : `${own} (${formatInstant(instant, locale, eventZone)})`;
}

/** How long until `instant`, in the largest whole unit ("in 3 days", "in 5 hours"); null once passed. */
export function formatCountdown(instant: Date, locale: string, now: Date = new Date()): string | null {
  const ms = instant.getTime() - now.getTime();
  if (ms <= 0) return null;
  const rtf = relativeFormatter(locale);
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return rtf.format(Math.max(1, minutes), "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return rtf.format(hours, "hour");
  return rtf.format(Math.floor(hours / 24), "day");
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormatter(locale: string): Intl.RelativeTimeFormat {
  let f = relativeFormatters.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
    if (relativeFormatters.size > 50) relativeFormatters.clear();
    relativeFormatters.set(locale, f);
  }
  return f;
}

/** A date-and-time formatter for a language and zone ("3 Dec 2026, 10:05"), made once and reused for every row. */
export function dateTimeFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  return formatter(locale, `datetime|${timeZone}`, () => ({ dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone }));
}
