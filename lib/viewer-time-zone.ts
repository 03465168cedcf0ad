import { cookies } from "next/headers";
import { isTimeZone } from "@/lib/validation/common";

/** The browser's own zone (Intl), written by components/time-zone-cookie.tsx. */
export const TIME_ZONE_COOKIE = "koppel.tz";

/** What the page knows about the viewer's zone: `zone` is null when only the cohort's own zone can be used. */
export interface ViewerTimeZone {
  zone: string | null;
  /** The cookie exactly as sent (also when not a valid zone), so the browser can tell whether to write it. */
  cookie: string | null;
  /** Whether `zone` came from the cookie, i.e. a page would look different once the cookie is written. */
  fromCookie: boolean;
}

/**
 * The viewer's time zone: the signed-in person's own setting, else the zone their browser
 * reported, else null (callers then show each cohort in its own zone). Unknown zones are ignored.
 */
export function resolveViewerTimeZone(actorZone: string | null | undefined, cookieZone: string | null | undefined): ViewerTimeZone {
  const cookie = cookieZone ?? null;
  if (actorZone && isTimeZone(actorZone)) return { zone: actorZone, cookie, fromCookie: false };
  if (cookie && isTimeZone(cookie)) return { zone: cookie, cookie, fromCookie: true };
  return { zone: null, cookie, fromCookie: false };
}

/** The viewer's time zone for this request (see resolveViewerTimeZone). */
export async function getViewerTimeZone(actor: { timeZone: string } | null): Promise<ViewerTimeZone> {
  const cookie = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return resolveViewerTimeZone(actor?.timeZone, cookie);
}
