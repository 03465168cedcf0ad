import crypto from "node:crypto";
import { and, asc, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations, sessions, users, verificationTokens, type Locale } from "@/db/schema";
import { renderMagicLink } from "@/emails/magic-link";
import { authSecret, hashVerificationToken, SESSION_ABSOLUTE_MAX_S, SESSION_MAX_AGE_S } from "@/lib/auth/secret";
import { appUrl, isDemo } from "@/lib/env";
import { AppError, NotFoundError } from "@/lib/errors";
import { emailAddress } from "@/lib/validation/common";
import { toActor, type MembershipView, type SystemActor, type UserActor } from "./actor";
import { recordAuditQuietly } from "./audit";
import { enqueueMail } from "./mail";
import { hitRateLimit } from "./rate-limit";
import type { DbOrTx } from "./tx";

/** How long a sign-in link works (once: next-auth deletes the token when it is used). */
export const SIGN_IN_LINK_MINUTES = 15;
export const RATE = { perAddress: 5, perIp: 20, windowSeconds: 15 * 60 } as const;

/**
 * Stores a one-time token for `email` and returns the link that signs them in. Any older link for
 * the address stops working: only the newest mail signs in. Mails other than the sign-in mail link
 * to signInPageUrl() instead, which asks for a fresh link.
 */
export async function createSignInLink(tx: DbOrTx, email: string, callbackPath: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("hex");
  await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email));
  await tx.insert(verificationTokens).values({
    identifier: email,
    token: hashVerificationToken(token, authSecret()),
    expires: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
  });
  const base = appUrl();
  const params = new URLSearchParams({ callbackUrl: `${base}${safePath(callbackPath)}`, token, email });
  return `${base}/api/auth/callback/nodemailer?${params.toString()}`;
}

/**
 * The link a mail (offer, decision, invitation, introduction…) carries instead of a token: the
 * sign-in page with the address filled in, which sends a fresh short-lived link and then goes to
 * `callbackPath`. A forwarded or leaked mail therefore signs nobody in.
 */
export function signInPageUrl(locale: Locale, email: string, callbackPath: string): string {
  const params = new URLSearchParams({ email, callbackUrl: safePath(callbackPath) });
  return `${appUrl()}/${locale}/sign-in?${params.toString()}`;
}

/**
 * A same-site path to go to after signing in, or null: it must start with one "/" (not "//" or
 * "/\\", which browsers read as another host) and hold no scheme, backslash or control character.
 */
export function safeCallbackPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 500) return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  try {
    const u = new URL(raw, "http://koppel.invalid");
    if (u.origin !== "http://koppel.invalid") return null;
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return null;
  }
}

const safePath = (p: string): string => safeCallbackPath(p) ?? "/";

/**
 * One mailbox, normalised as the forms do (NFKC, trim, lower case); anything that could address
 * a second recipient (comma, semicolon, angle brackets, line breaks) is refused. The DAL checks
 * again because it, not the form, is where a mail address becomes a recipient.
 */
export function normaliseEmail(raw: string): string {
  const parsed = emailAddress.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid", "Not a single email address");
  return parsed.data;
}

/** Known and unknown addresses get the same answer; only the rate limits show. */
export type SignInRequestOutcome = "accepted" | "rate_limited";

/**
 * A magic-link request. The answer is the same whether or not the address has an account, so
 * nobody can learn which addresses exist; both limits count every request.
 */
export async function requestSignInLink(input: {
  email: string;
  ip: string;
  locale: Locale;
  callbackPath: string;
}): Promise<SignInRequestOutcome> {
  const email = normaliseEmail(input.email);
  const db = await getDb();
  const okAddress = await hitRateLimit(db, `signin:addr:${email}`, RATE.perAddress, RATE.windowSeconds);
  const okIp = await hitRateLimit(db, `signin:ip:${input.ip}`, RATE.perIp, RATE.windowSeconds);
  if (!okAddress || !okIp) {
    await recordRefusedLink(email, okAddress ? "ip" : "address");
    return "rate_limited";
  }
  const [user] = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt)));
  if (!user) return "accepted";
  await db.transaction(async (tx) => {
    const url = await createSignInLink(tx, user.email, input.callbackPath);
    const mail = renderMagicLink(user.locale, { url, minutes: SIGN_IN_LINK_MINUTES });
    await enqueueMail(tx, { ...mail, to: user.email, locale: user.locale, template: "magic-link" });
  });
  return "accepted";
}

/**
 * A refused link request in the audit log: under the person when the address has an account (so
 * their organisations' admins see it), else under nobody; the address itself is not kept.
 */
async function recordRefusedLink(email: string, limit: "address" | "ip"): Promise<void> {
  try {
    const db = await getDb();
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    await recordAuditQuietly({ action: "sign_in_link_refused", actorUserId: user?.id ?? null, detail: { reason: "rate_limited", limit } });
  } catch (err) {
    console.error("[audit] could not record a refused sign-in link", err);
  }
}

/** A finished sign-in (next-auth's `events.signIn`, or a demo button): never breaks the sign-in. */
export async function recordSignIn(userId: string, method: "email" | "demo"): Promise<void> {
  await recordAuditQuietly({ action: "sign_in", actorUserId: userId, detail: { method } });
}

/** For the operator's CLI: a sign-in link for an existing, enabled user. */
export async function createSignInLinkForUser(_actor: SystemActor, email: string): Promise<string> {
  const db = await getDb();
  const [user] = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt)));
  if (!user) throw new NotFoundError(`No enabled user with address ${email}`);
  return createSignInLink(db, user.email, `/${user.locale}/start`);
}

/**
 * next-auth's session read (its adapter's getSessionAndUser): the session and its person, or null.
 * A session older than the absolute lifetime is deleted and refused, however recently it was used
 * (next-auth itself only knows the idle lifetime, which every use extends).
 */
export async function getLiveSessionAndUser(sessionToken: string) {
  const db = await getDb();
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.sessionToken, sessionToken));
  if (!row) return null;
  if (row.session.createdAt.getTime() < Date.now() - SESSION_ABSOLUTE_MAX_S * 1000) {
    await db.delete(sessions).where(and(eq(sessions.sessionToken, sessionToken), lt(sessions.createdAt, new Date(Date.now() - SESSION_ABSOLUTE_MAX_S * 1000))));
    return null;
  }
  return row;
}

/** How often a used session's idle expiry is pushed forward (next-auth's default `updateAge`). */
export const SESSION_UPDATE_AGE_S = 24 * 60 * 60;

/**
 * The person behind a session cookie, with their memberships, in one query (session ⋈ user ⟕
 * memberships ⟕ organisations). The same rules as next-auth's session read through
 * getLiveSessionAndUser: a session past its idle expiry or its absolute lifetime is deleted and
 * refused; a disabled person is nobody. A session in use gets its idle expiry pushed forward at
 * most once a day (a second statement on that one request only).
 */
export async function loadSessionActor(sessionToken: string, preferredOrganisationId?: string | null): Promise<UserActor | null> {
  const db = await getDb();
  const rows = await db
    .select({
      expires: sessions.expires,
      createdAt: sessions.createdAt,
      user: { id: users.id, email: users.email, name: users.name, locale: users.locale, timeZone: users.timeZone, disabledAt: users.disabledAt },
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      organisationSlug: organisations.slug,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(sessions.sessionToken, sessionToken))
    .orderBy(asc(organisations.name));
  const first = rows[0];
  if (!first) return null;
  const now = Date.now();
  if (first.expires.getTime() < now || first.createdAt.getTime() < now - SESSION_ABSOLUTE_MAX_S * 1000) {
    await db.delete(sessions).where(eq(sessions.sessionToken, sessionToken));
    return null;
  }
  if (first.user.disabledAt) return null;
  if (first.expires.getTime() - SESSION_MAX_AGE_S * 1000 + SESSION_UPDATE_AGE_S * 1000 <= now) {
    await db
      .update(sessions)
      .set({ expires: new Date(now + SESSION_MAX_AGE_S * 1000) })
      .where(eq(sessions.sessionToken, sessionToken));
  }
  const views: MembershipView[] = [];
  for (const r of rows) {
    if (r.organisationId && r.organisationName !== null && r.organisationSlug !== null && r.role) {
      views.push({ organisationId: r.organisationId, organisationName: r.organisationName, organisationSlug: r.organisationSlug, role: r.role });
    }
  }
  return toActor(first.user, views, preferredOrganisationId);
}

/** Whether a user may finish signing in (called by next-auth before it creates a session). */
export async function mayUserSignIn(email: string): Promise<boolean> {
  const db = await getDb();
  const [user] = await db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.email, email));
  return Boolean(user && !user.disabledAt);
}

export const DEMO_ACCOUNTS = {
  coordinator: "coordinator@example.org",
  participant: "participant@example.org",
  partner: "partner@example.org",
  admin: "admin@example.org",
} as const;
export type DemoRole = keyof typeof DEMO_ACCOUNTS;

/** Demo mode only: a server-side session for one of the demo accounts. */
export async function createDemoSession(role: DemoRole): Promise<{ token: string; expires: Date; locale: Locale }> {
  if (!isDemo()) throw new NotFoundError();
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(and(eq(users.email, DEMO_ACCOUNTS[role]), isNull(users.disabledAt)));
  if (!user) throw new NotFoundError("The demo data has not been seeded");
  const token = crypto.randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_S * 1000);
  await db.insert(sessions).values({ sessionToken: token, userId: user.id, expires });
  await recordSignIn(user.id, "demo");
  return { token, expires, locale: user.locale };
}

/** Disables an account and ends every one of its sessions on the server. */
export async function disableUser(_actor: SystemActor, email: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.email, email))
      .returning({ id: users.id });
    if (!user) throw new NotFoundError(`No user with address ${email}`);
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
  });
}

/** Re-enables an account (it signs in again by a new link). */
export async function enableUser(_actor: SystemActor, email: string): Promise<void> {
  const db = await getDb();
  const rows = await db.update(users).set({ disabledAt: null }).where(eq(users.email, email)).returning({ id: users.id });
  if (rows.length === 0) throw new NotFoundError(`No user with address ${email}`);
}
