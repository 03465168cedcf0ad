"use client";

import { useLocale, useTranslations } from "next-intl";
import { useViewerZone } from "@/components/viewer";
import { formatCountdown, formatInstant } from "@/lib/time";

/**
 * A cohort's deadline with its countdown, in the viewer's zone. The cached page holds `initial`
 * (the cohort's own zone, counted from when the page was rendered); the browser replaces it.
 */
export function ViewerDeadline({ deadline, initial }: { deadline: string; initial: string }) {
  const t = useTranslations("catalogue");
  const locale = useLocale();
  const zone = useViewerZone();
  if (!zone) return <>{initial}</>;
  const instant = new Date(deadline);
  const when = formatInstant(instant, locale, zone);
  const countdown = formatCountdown(instant, locale, new Date());
  return <>{countdown ? t("closes", { countdown, when }) : t("closed", { when })}</>;
}

/** Which zone the page's times are in: the viewer's, once the browser knows it, else `initial`. */
export function ViewerZoneNote({ initial }: { initial: string }) {
  const t = useTranslations("catalogue");
  const zone = useViewerZone();
  return <>{zone ? t("zoneYours", { zone }) : initial}</>;
}
