import type { UserActor } from "@/lib/dal/actor";
import { actorFromApiToken } from "@/lib/dal/api-tokens";
import { HttpProblem, rememberActor, WWW_AUTHENTICATE } from "./http";

const BEARER = /^Bearer +(\S+) *$/i;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const invalidToken = () =>
  new HttpProblem(
    401,
    { code: "invalidToken", detail: "The bearer token is malformed, unknown or revoked." },
    { "www-authenticate": `${WWW_AUTHENTICATE}, error="invalid_token"` },
  );

/**
 * The person behind a request: from `Authorization: Bearer kpl_…` when that header is sent (a
 * bad or revoked token is a 401, never a fallback to the session), else from the session
 * cookie, else null.
 */
export async function authenticate(req: Request): Promise<UserActor | null> {
  const header = req.headers.get("authorization");
  if (header !== null) {
    const token = BEARER.exec(header)?.[1];
    const actor = token ? await actorFromApiToken(token) : null;
    if (!actor) throw invalidToken();
    return rememberActor(req, actor)!;
  }
  const actor = rememberActor(req, await sessionActor(req));
  // Cookies ride along on cross-site requests; a browser says so, and a change is refused.
  if (actor && !SAFE_METHODS.has(req.method) && req.headers.get("sec-fetch-site") === "cross-site") {
    throw new HttpProblem(403, { code: "crossSite", detail: "Cross-site requests authenticated by a session cookie may not change anything." });
  }
  return actor;
}

/** Like authenticate(), but nobody is a 401 (with `WWW-Authenticate: Bearer`). */
export async function requireActor(req: Request): Promise<UserActor> {
  const actor = await authenticate(req);
  if (!actor) {
    throw new HttpProblem(
      401,
      { code: "unauthenticated", detail: "Authenticate with a bearer token (Authorization: Bearer kpl_…) or a session." },
      { "www-authenticate": WWW_AUTHENTICATE },
    );
  }
  return actor;
}

/** The session's person, if the request carries cookies and runs inside Next's request scope. */
async function sessionActor(req: Request): Promise<UserActor | null> {
  if (!req.headers.get("cookie")) return null;
  try {
    // Loaded only here, so token requests (and tests outside Next) never touch next-auth.
    const { getCurrentActor } = await import("@/lib/dal/session");
    return await getCurrentActor();
  } catch (err) {
    if (err instanceof Error && /outside a request scope/i.test(err.message)) return null;
    throw err;
  }
}
