import { NextRequest, type NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { isSignedInPage, newNonce, nonceCsp } from "./lib/security-headers";

// Picks the language (URL, cookie, Accept-Language). Who may see what is decided in lib/dal.
const i18n = createMiddleware(routing);

/**
 * Signed-in pages render per request and get a per-request CSP nonce (set on the request, so
 * Next.js puts it on its scripts, and on the response). Every other response keeps the static
 * policy from next.config.ts.
 */
export default function proxy(request: NextRequest): NextResponse {
  if (!isSignedInPage(request.nextUrl.pathname, routing.locales)) return i18n(request);
  const csp = nonceCsp(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = i18n(new NextRequest(request, { headers }));
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!api|dev|_next|_vercel|.*\\..*).*)"],
};
