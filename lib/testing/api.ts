import { expect } from "vitest";

type Handler = (req: Request, ctx: never) => Promise<Response> | Response;

export interface ApiCall {
  method?: string;
  /** The path under /api/v1, with its query string. */
  path: string;
  /** The `[id]` the route is called with. */
  id?: string;
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls a route handler of app/api/v1 directly, as Next would, and reads its JSON answer. */
export async function call(handler: Handler, opts: ApiCall) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(`http://localhost:3999/api/v1${opts.path}`, { method: opts.method ?? (body ? "POST" : "GET"), headers, body });
  const res = await handler(req, { params: Promise.resolve({ id: opts.id ?? "" }) } as never);
  const text = await res.text();
  return { res, status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The answer is RFC 9457 problem JSON with this status, for this path. */
export function expectProblem(r: { res: Response; body: Record<string, unknown> }, status: number, path: string) {
  expect(r.res.status).toBe(status);
  expect(r.res.headers.get("content-type")).toBe("application/problem+json");
  expect(r.body).toMatchObject({ status, instance: `/api/v1${path.split("?")[0]}` });
  expect(typeof r.body.title).toBe("string");
}
