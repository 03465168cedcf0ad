"use client";

import { usePathname } from "next/navigation";

// Nothing imported from i18n/routing: it reaches db/schema/enums and with it drizzle (~8 kB gzip on
// every page). locale-switcher.test.ts holds these to routing's locales and cookie.
export const SWITCHER_LOCALES = { nl: "Nederlands", en: "English", "zh-CN": "简体中文" } as const;
export const LOCALE_COOKIE = { name: "NEXT_LOCALE", maxAge: 60 * 60 * 24 * 365 } as const;
const LOCALES = Object.keys(SWITCHER_LOCALES) as (keyof typeof SWITCHER_LOCALES)[];

// The choice sticks for "/" (which picks the language from this cookie first), whether or not the
// proxy sees the request that follows.
const remember = (locale: string) => {
  document.cookie = `${LOCALE_COOKIE.name}=${locale}; path=/; max-age=${String(LOCALE_COOKIE.maxAge)}; samesite=lax`;
};

/**
 * Links to this page in each language; each names itself in its own language. Plain anchors that
 * swap the path's first segment: no next-intl client runtime, no messages. It reads the path in
 * the browser, so the page around it can still be static.
 */
export function LocaleSwitcher({ label }: { label: string }) {
  const pathname = usePathname();
  const [, first = "", ...rest] = pathname.split("/");
  const known = (LOCALES as string[]).includes(first);
  const current = known ? first : null;
  const tail = known ? rest : [first, ...rest].filter(Boolean);
  return (
    <nav aria-label={label}>
      <ul className="locale-switch">
        {LOCALES.map((l) => (
          <li key={l}>
            <a href={["", l, ...tail].join("/")} lang={l} hrefLang={l} aria-current={l === current ? "true" : undefined} onClick={() => remember(l)}>
              {SWITCHER_LOCALES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
