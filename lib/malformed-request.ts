import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/i18n/routing";
import { problem } from "@/lib/problem";

/*
 * Requests Next.js itself would answer with a bare "Internal Server Error" before any of our
 * code runs, refused here (from proxy.ts) with a 400, or a redirect to the 404 page, instead:
 * - a path whose percent-escapes do not decode (`/nl/%ZZ`, `/api/v1/cohorts/%E0%A4%A`): Next's
 *   router throws a DecodeError on it and then fails to render its own /400 page;
 * - a form POST to a page whose multipart body does not parse (bad boundary, truncated), and a
 *   server action call whose text body is not JSON: Next's action handler throws while decoding.
 */

/** Whether every percent-escape of the raw path decodes to UTF-8. */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const badRequest = (what: string) => new NextResponse(`Bad Request: ${what}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** Server actions take at most 1 MB (Next's default); larger bodies are Next's own 413 to give. */
const MAX_CHECKED_BODY = 1024 * 1024;

/** The refusal for a malformed request, or null to let it through. */
export async function malformedRequest(req: NextRequest): Promise<Response | null> {
  // The raw path, as sent: nextUrl may hold a normalised one.
  const pathname = new URL(req.url).pathname;
  if (!isDecodablePath(pathname)) {
    if (pathname.startsWith("/api/")) {
      return problem(400, "Bad Request", { detail: "The path holds a percent-escape that does not decode to UTF-8.", instance: pathname, code: "malformedPath" });
    }
    // A page: off to "page not found" in the path's language (the [locale] catch-all answers 404).
    // A redirect, not a rewrite: after a rewrite Next still decodes the original path (and fails).
    const first = pathname.split("/")[1] ?? "";
    const locale = (routing.locales as readonly string[]).includes(first) ? first : routing.defaultLocale;
    return NextResponse.redirect(new URL(`/${locale}/not-found`, req.url), 303);
  }
  if (req.method !== "POST" || pathname.startsWith("/api/")) return null;
  const type = req.headers.get("content-type")?.toLowerCase() ?? "";
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_CHECKED_BODY) return null;
  if (type.startsWith("multipart/form-data")) {
    try {
      await req.clone().formData();
    } catch {
      return badRequest("the form data could not be read.");
    }
  } else if (req.headers.has("next-action") && type.startsWith("text/plain")) {
    try {
      JSON.parse(await req.clone().text());
    } catch {
      return badRequest("the server action arguments are not valid.");
    }
  }
  return null;
}
