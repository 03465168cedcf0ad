import { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { malformedRequest } from "./lib/malformed-request";
import { isSignedInPage, newNonce, nonceCsp } from "./lib/security-headers";

// Picks the language (URL, cookie, Accept-Language). Who may see what is decided in lib/dal.
const i18n = createMiddleware(routing);
/** The paths that get a language (the first matcher below). */
const LOCALISED = /^\/(?!api|dev|_next|_vercel|.*\..*)/;

/**
 * First, requests Next itself would answer with a bare 500 (undecodable paths, broken form
 * bodies) are refused with a 400 or the 404 page: see lib/malformed-request.ts.
 * Signed-in pages render per request and get a per-request CSP nonce (set on the request, so
 * Next.js puts it on its scripts, and on the response). Every other response keeps the static
 * policy from next.config.ts.
 */
export default async function proxy(request: NextRequest): Promise<Response> {
  const refused = await malformedRequest(request);
  if (refused) return refused;
  if (!LOCALISED.test(request.nextUrl.pathname)) return NextResponse.next();
  if (!isSignedInPage(request.nextUrl.pathname, routing.locales)) return i18n(request);
  const csp = nonceCsp(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = i18n(new NextRequest(request, { headers }));
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // The second matcher brings every path holding a percent-escape here (API ones too) to be checked.
  matcher: ["/((?!api|dev|_next|_vercel|.*\\..*).*)", "/:path(.*%.*)"],
};
