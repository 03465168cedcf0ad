import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const KEY = Symbol.for("koppel.authSecret");
const g = globalThis as typeof globalThis & { [KEY]?: string };

/**
 * AUTH_SECRET, or in demo mode a random one kept in the data folder, so a fresh machine needs
 * no `.env` and sign-in links survive a restart.
 */
export function authSecret(): string {
  if (g[KEY]) return g[KEY];
  const e = env();
  let secret = e.AUTH_SECRET;
  if (!secret) {
    if (e.KOPPEL_ENV === "production") throw new Error("AUTH_SECRET is required when KOPPEL_ENV=production");
    const dir = path.resolve(e.KOPPEL_DATA_DIR);
    const file = path.join(dir, "auth-secret");
    try {
      secret = fs.readFileSync(file, "utf8").trim();
    } catch {
      fs.mkdirSync(dir, { recursive: true });
      secret = crypto.randomBytes(32).toString("hex");
      fs.writeFileSync(file, secret, { mode: 0o600 });
    }
  }
  g[KEY] = secret;
  return secret;
}

/** next-auth's token hash: sha256(token + secret), hex. */
export const hashVerificationToken = (token: string, secret: string): string =>
  crypto.createHash("sha256").update(`${token}${secret}`).digest("hex");

/** Idle lifetime: a session not used for this long ends (next-auth extends it on use). */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
/** Absolute lifetime: a session ends this long after sign-in, however active. */
export const SESSION_ABSOLUTE_MAX_S = 30 * 24 * 60 * 60;

/**
 * The session cookie's name and whether it is Secure. In production (and on any https site) it is
 * `__Host-`-prefixed: the browser then only accepts it Secure, for Path=/ and without a Domain, so
 * neither a sibling subdomain nor a plain-http page can set or overwrite it. Browsers treat
 * http://localhost as secure, so this works for a production server tried out locally too.
 */
export function sessionCookie(): { name: string; secure: boolean } {
  const e = env();
  const secure = e.KOPPEL_ENV === "production" || (e.APP_URL ?? "").startsWith("https://");
  return { name: secure ? "__Host-koppel.session" : "koppel.session", secure };
}

/** The organisation cookie is Secure whenever the site is https. */
export const orgCookieSecure = (): boolean => sessionCookie().secure;
