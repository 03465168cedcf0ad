"use client";

import { fill, useViewerZone } from "@/components/viewer";
import { formatCountdown, formatInstant } from "@/lib/time";

/** The catalogue's texts as raw templates (`t.raw`): this island carries no next-intl runtime. */
export interface DeadlineTexts {
  /** "Closes {countdown}, on {when}" */
  closes: string;
  /** "Closed on {when}" */
  closed: string;
}

/**
 * A cohort's deadline with its countdown, in the viewer's zone. The cached page holds `initial`
 * (the cohort's own zone, counted from when the page was rendered); the browser replaces it.
 */
export function ViewerDeadline({ deadline, initial, locale, texts }: { deadline: string; initial: string; locale: string; texts: DeadlineTexts }) {
  const zone = useViewerZone();
  if (!zone) return <>{initial}</>;
  const instant = new Date(deadline);
  const when = formatInstant(instant, locale, zone);
  const countdown = formatCountdown(instant, locale, new Date());
  return <>{countdown ? fill(texts.closes, { countdown, when }) : fill(texts.closed, { when })}</>;
}

/** Which zone the page's times are in: the viewer's (`zoneYours`, "… {zone}"), once the browser knows it, else `initial`. */
export function ViewerZoneNote({ initial, zoneYours }: { initial: string; zoneYours: string }) {
  const zone = useViewerZone();
  return <>{zone ? fill(zoneYours, { zone }) : initial}</>;
}
