import { problem } from "@/lib/problem";

export const dynamic = "force-dynamic";

/**
 * Any path under /api/v1 that no route serves: an RFC 9457 problem, like every other API
 * refusal, instead of the website's HTML 404 page. Every method gets the same answer.
 */
function notFound(req: Request): Response {
  // The raw path as sent (it may hold percent-escapes that do not decode): never decoded here.
  const instance = new URL(req.url).pathname;
  return problem(404, "Not Found", { detail: "There is no such resource in this API; see /api/v1/openapi.json.", instance, code: "notFound" });
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
