import type { ComponentProps } from "react";

/** A path and its query, as next-intl's `Link` takes it; undefined values are left out. */
export type Href = string | { pathname: string; query?: Record<string, string | number | undefined> };

/** `href` (starting with "/") under the locale's prefix, e.g. ("nl", "/programmes") → "/nl/programmes". */
export function localePath(locale: string, href: Href): string {
  if (typeof href !== "string") {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(href.query ?? {})) if (v !== undefined) query.set(k, String(v));
    const search = query.toString();
    return localePath(locale, search ? `${href.pathname}?${search}` : href.pathname);
  }
  return href === "/" ? `/${locale}` : `/${locale}${href}`;
}

/**
 * A plain anchor to a page in `locale`, for lists and tables rendered on the server. next-intl's
 * server `Link` is async (it reads the locale) and suspends once per link: hundreds of RSC rows on
 * a long list. This renders synchronously; a click is an ordinary page load.
 */
export function LocaleLink({ locale, href, ...rest }: Omit<ComponentProps<"a">, "href"> & { locale: string; href: Href }) {
  return <a href={localePath(locale, href)} {...rest} />;
}
