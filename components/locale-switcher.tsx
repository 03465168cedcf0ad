"use client";

import { usePathname } from "next/navigation";
import { routing } from "@/i18n/routing";

// The choice sticks for "/" (which picks the language from this cookie first), whether or not the
// proxy sees the request that follows.
const cookie = typeof routing.localeCookie === "object" ? routing.localeCookie : {};
const remember = (locale: string) => {
  document.cookie = `${cookie.name ?? "NEXT_LOCALE"}=${locale}; path=/; max-age=${String(cookie.maxAge ?? 60 * 60 * 24 * 365)}; samesite=lax`;
};

const NAMES: Record<string, string> = { nl: "Nederlands", en: "English", "zh-CN": "简体中文" };

/**
 * Links to this page in each language; each names itself in its own language. Plain anchors that
 * swap the path's first segment: no next-intl client runtime, no messages. It reads the path in
 * the browser, so the page around it can still be static.
 */
export function LocaleSwitcher({ label }: { label: string }) {
  const pathname = usePathname();
  const [, first = "", ...rest] = pathname.split("/");
  const current = (routing.locales as readonly string[]).includes(first) ? first : routing.defaultLocale;
  const tail = (routing.locales as readonly string[]).includes(first) ? rest : [first, ...rest].filter(Boolean);
  return (
    <nav aria-label={label}>
      <ul className="locale-switch">
        {routing.locales.map((l) => (
          <li key={l}>
            <a href={["", l, ...tail].join("/")} lang={l} hrefLang={l} aria-current={l === current ? "true" : undefined} onClick={() => remember(l)}>
              {NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
