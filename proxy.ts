import { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { malformedRequest } from "./lib/malformed-request";
import { isSignedInPage, newNonce, nonceCsp } from "./lib/security-headers";

// Picks the language (URL, cookie, Accept-Language). Who may see what is decided in lib/dal.
const i18n = createMiddleware(routing);
/** The request header next-intl's middleware sets to the locale it chose (next-intl/server reads it). */
const LOCALE_HEADER = "X-NEXT-INTL-LOCALE";
/** The paths that get a language (the first matcher below). */
const LOCALISED = /^\/(?!api|dev|_next|_vercel|.*\..*)/;
/** The catalogue's later pages: `/{locale}/programmes?page=N` is served by `/{locale}/programmes/pages/N`. */
const CATALOGUE = /^\/([^/]+)\/programmes\/?$/;

/**
 * Runs only where it is needed (see `config.matcher`), because public pages are served from the
 * cache and every proxy run costs time on each request:
 * - first, requests Next itself would answer with a bare 500 (undecodable paths, broken form
 *   bodies) are refused with a 400 or the 404 page: see lib/malformed-request.ts;
 * - paths without a language get one (a redirect by cookie or Accept-Language);
 * - signed-in pages render per request and get a per-request CSP nonce (set on the request, so
 *   Next.js puts it on its scripts, and on the response). Every other response keeps the static
 *   policy from next.config.ts;
 * - the catalogue's `?page=N` is rewritten to a path, so each catalogue page is cached on its own.
 * Public pages with a language do not come here: the language switch (next-intl's Link) stores
 * the chosen language in the browser itself.
 */
export default async function proxy(request: NextRequest): Promise<Response> {
  const refused = await malformedRequest(request);
  if (refused) return refused;
  const { pathname, searchParams } = request.nextUrl;
  if (!LOCALISED.test(pathname)) return NextResponse.next();
  const catalogue = CATALOGUE.exec(pathname);
  const page = searchParams.get("page");
  if (catalogue && (routing.locales as readonly string[]).includes(catalogue[1]!) && page && /^[1-9][0-9]{0,3}$/.test(page) && page !== "1") {
    const url = request.nextUrl.clone();
    url.pathname = `/${catalogue[1]}/programmes/pages/${page}`;
    url.searchParams.delete("page");
    return NextResponse.rewrite(url);
  }
  if (!isSignedInPage(pathname, routing.locales)) return i18n(request);
  const csp = nonceCsp(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const locale = pathname.split("/")[1] ?? "";
  if (!(routing.locales as readonly string[]).includes(locale)) {
    // A signed-in area without a language (`/coordinator`): next-intl redirects it to one.
    const response = i18n(new NextRequest(request, { headers }));
    response.headers.set("Content-Security-Policy", csp);
    return response;
  }
  // A signed-in page with its language in the path: next-intl's middleware has nothing to decide
  // here and cost about a third of such a page's server CPU. The page gets the nonce and the
  // locale header that middleware would have set (next-intl reads it where no locale is passed).
  headers.set(LOCALE_HEADER, locale);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Literal strings only (Next reads them at build time); lib/proxy-matcher.test.ts keeps the
// locales and signed-in areas here in step with routing.locales and SIGNED_IN_AREAS.
export const config = {
  matcher: [
    // Paths without a language (not the API, Next's files, or files with an extension).
    "/((?!api|dev|_next|_vercel|(?:nl|en|zh-CN)(?:/|$)|.*\\..*).*)",
    // Signed-in pages: the per-request CSP nonce.
    "/:locale(nl|en|zh-CN)/:area(admin|coordinator|pairs|participant|partner|settings|start)/:rest*",
    // The catalogue's later pages.
    { source: "/:locale(nl|en|zh-CN)/programmes", has: [{ type: "query", key: "page" }] },
    // Every path holding a percent-escape (API ones too), to be checked.
    "/:path(.*%.*)",
    // Form posts and server action calls, whose bodies are checked.
    { source: "/((?!api|_next).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    { source: "/((?!api|_next).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
