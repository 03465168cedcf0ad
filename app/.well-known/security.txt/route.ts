import { appUrl, securityContact } from "@/lib/env";

export const dynamic = "force-dynamic";

const DAY = 86_400_000;

/**
 * RFC 9116 security.txt: where to report a vulnerability (SECURITY_CONTACT; README "Security").
 * Expires is a year ahead, counted from the start of today (UTC), so the text changes once a day.
 */
export function GET(): Response {
  const today = Math.floor(Date.now() / DAY) * DAY;
  const base = appUrl();
  const body = [
    `Contact: ${securityContact()}`,
    `Expires: ${new Date(today + 365 * DAY).toISOString()}`,
    "Preferred-Languages: nl, en, zh",
    `Canonical: ${base}/.well-known/security.txt`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=3600" } });
}
