"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/** IANA zone names only: nothing that needs escaping in a cookie. */
const ZONE_NAME = /^[A-Za-z0-9/_+-]{1,64}$/;

/**
 * Tells the server the browser's time zone (a cookie), so instants are shown in the viewer's
 * zone. When the cookie was missing or different and the page depends on it, the page is
 * fetched again once; without JavaScript the page simply keeps the cohort's own zone.
 */
export function TimeZoneCookie({ name, current, refresh }: { name: string; current: string | null; refresh: boolean }) {
  const router = useRouter();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || !ZONE_NAME.test(zone) || zone === current) return;
    document.cookie = `${name}=${zone}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
    if (refresh) router.refresh();
  }, [name, current, refresh, router]);
  return null;
}
