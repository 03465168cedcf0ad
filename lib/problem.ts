/** Members of a problem document besides `title` and `status` (RFC 9457); extensions allowed. */
export interface ProblemExtra {
  detail?: string;
  type?: string;
  instance?: string;
  errors?: Record<string, string[] | undefined>;
  [extension: string]: unknown;
}

/** An RFC 9457 problem+json response. */
export function problem(status: number, title: string, extra: ProblemExtra = {}, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/problem+json");
  if (!h.has("cache-control")) h.set("cache-control", "no-store");
  const { type, ...rest } = extra;
  return new Response(JSON.stringify({ type: type ?? "about:blank", title, status, ...rest }), { status, headers: h });
}
