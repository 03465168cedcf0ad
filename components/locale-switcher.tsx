"use client";

import { useLocale } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

const NAMES: Record<string, string> = { nl: "Nederlands", en: "English", "zh-CN": "简体中文" };

/** Links to this page in each language; each names itself in its own language. */
export function LocaleSwitcher({ label }: { label: string }) {
  const pathname = usePathname();
  const current = useLocale();
  return (
    <nav aria-label={label}>
      <ul className="locale-switch">
        {routing.locales.map((l) => (
          <li key={l}>
            <Link href={pathname} locale={l} lang={l} hrefLang={l} aria-current={l === current ? "true" : undefined}>
              {NAMES[l]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
