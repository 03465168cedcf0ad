/**
 * Security headers. Two Content-Security-Policies:
 * - signed-in pages render per request, so they get a fresh nonce with 'strict-dynamic' (no
 *   'unsafe-inline' scripts); proxy.ts sets it on the request (Next.js then puts the nonce on its
 *   own scripts) and on the response;
 * - everything else (public pages, which are meant to be cached, the API, static files) gets one
 *   static policy: a cached page cannot carry a per-request nonce, and Next.js's inline bootstrap
 *   scripts differ per page, so scripts are limited to this origin plus inline. Public pages
 *   render no user-written HTML, which is what keeps that trade-off safe.
 * Pure module: next.config.ts (at build) and proxy.ts (per request) both import it.
 */

const dev = process.env.NODE_ENV === "development";

function policy(scriptSrc: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}${dev ? " 'unsafe-eval'" : ""}`,
    // React writes style attributes (style={{…}}); stylesheets come from this origin.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join("; ");
}

/** The policy of cached public pages, the API and static files. */
export const STATIC_CSP = policy("'self' 'unsafe-inline'");

/** The policy of a signed-in (per-request) page with its nonce. */
export const nonceCsp = (nonce: string): string => policy(`'self' 'nonce-${nonce}' 'strict-dynamic'`);

/** Headers on every response. HSTS is ignored by browsers over plain http (RFC 6797 §8.1), so it is always sent. */
export const COMMON_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** The first path segment after the locale of pages that need a signed-in person (app/[locale]/(app)). */
export const SIGNED_IN_AREAS = new Set(["admin", "coordinator", "pairs", "participant", "partner", "settings", "start"]);

/** Whether a page path (with or without locale prefix) is a signed-in, per-request page. */
export function isSignedInPage(pathname: string, locales: readonly string[]): boolean {
  const parts = pathname.split("/").filter(Boolean);
  if (parts[0] && locales.includes(parts[0])) parts.shift();
  return parts[0] !== undefined && SIGNED_IN_AREAS.has(parts[0]);
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
