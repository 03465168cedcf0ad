import crypto from "node:crypto";
import { and, count, desc, eq, isNull, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ApiTokenInput } from "@/lib/validation/api-token";
import { loadActor, requireUser, type Actor, type SystemActor, type UserActor } from "./actor";
import { recordAudit } from "./audit";
import { isUuid } from "./programmes";
import { inScope, type Scope } from "./rls";
import type { DbOrTx, Tx } from "./tx";

/** API tokens are a person's own: every read and write of them runs in that person's scope. */
const own = (userId: string): Scope => ({ kind: "person", userId });

/** How many tokens one person may have that are not revoked. */
export const MAX_ACTIVE_TOKENS = 20;
/** `lastUsedAt` is written at most this often per token, so reads stay reads. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const TOKEN_PREFIX = "kpl_";
/** `kpl_` and 32 random bytes in base64url (43 characters). */
const TOKEN_SHAPE = /^kpl_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 8;

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface NewApiToken {
  id: string;
  /** The token itself: shown once, never stored. */
  token: string;
  prefix: string;
}

const hashOf = (token: string): string => crypto.createHash("sha256").update(token, "utf8").digest("hex");

const viewColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

/** Who made or revoked a token: the person themself, or the operator at the CLI (no user). */
type TokenBy = { userId: string } | { via: "cli" };

async function insertToken(tx: Tx, userId: string, name: string, by: TokenBy): Promise<NewApiToken> {
  // Serialise token creation per person so two requests cannot both pass the limit.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
  const [active] = await tx
    .select({ n: count() })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  if ((active?.n ?? 0) >= MAX_ACTIVE_TOKENS) throw new ConflictError("tooManyTokens");
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  const prefix = token.slice(0, PREFIX_LENGTH);
  const [row] = await tx
    .insert(apiTokens)
    .values({ userId, name: name.trim().slice(0, 100), tokenHash: hashOf(token), prefix })
    .returning({ id: apiTokens.id });
  await recordAudit(tx, tokenEvent("api_token_created", userId, row!.id, { name: name.trim().slice(0, 100), prefix }, by));
  return { id: row!.id, token, prefix };
}

function tokenEvent(action: "api_token_created" | "api_token_revoked", ownerId: string, tokenId: string, detail: Record<string, unknown>, by: TokenBy) {
  // Tokens are personal (they act in every organisation of their owner): the event names the
  // owner, and each organisation's admins see it among their members' events.
  const cli = "via" in by;
  return {
    action,
    organisationId: null,
    actorUserId: cli ? ownerId : by.userId,
    targetType: "api_token",
    targetId: tokenId,
    detail: cli ? { ...detail, via: "cli" } : detail,
  };
}

/** Creates a personal API token for the signed-in person; the token is returned once, only its hash is kept. */
export async function createApiToken(actor: Actor | null, input: ApiTokenInput): Promise<NewApiToken> {
  const user = requireUser(actor);
  return inScope(own(user.userId), (tx) => insertToken(tx, user.userId, input.name, { userId: user.userId }));
}

/** The signed-in person's tokens that are not revoked, newest first (never their hashes). */
export async function listApiTokens(actor: Actor | null): Promise<ApiTokenView[]> {
  const user = requireUser(actor);
  return inScope(own(user.userId), (db) =>
    db
      .select(viewColumns)
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, user.userId), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id)),
  );
}

/** Revokes one of the signed-in person's own tokens; anyone else's is not found (404). */
export async function revokeApiToken(actor: Actor | null, id: string): Promise<void> {
  const user = requireUser(actor);
  if (!isUuid(id)) throw new NotFoundError();
  await inScope(own(user.userId), async (tx) => {
    const [row] = await tx
      .select({ id: apiTokens.id, revokedAt: apiTokens.revokedAt, name: apiTokens.name, prefix: apiTokens.prefix })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, user.userId)));
    if (!row) throw new NotFoundError();
    if (row.revokedAt) return;
    const done = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (done.length > 0) await recordAudit(tx, tokenEvent("api_token_revoked", user.userId, id, { name: row.name, prefix: row.prefix }, { userId: user.userId }));
  });
}

/**
 * The person a bearer token stands for, or null when it is malformed, unknown, revoked or its
 * owner is disabled. Notes the use, at most once a minute per token.
 */
export async function actorFromApiToken(token: string, now: Date = new Date()): Promise<UserActor | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashOf(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  const actor = await loadActor(row.userId);
  if (!actor) return null;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale))));
  }
  return actor;
}

async function enabledUserId(tx: DbOrTx, email: string): Promise<string> {
  const [user] = await tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.email, email));
  if (!user) throw new NotFoundError(`No user with address ${email}`);
  if (user.disabledAt) throw new ConflictError(`${email} is disabled; enable the account first`);
  return user.id;
}

/** The operator (CLI) creates a token for a person by address; printed once. */
export async function createApiTokenForUser(_actor: SystemActor, email: string, name: string): Promise<NewApiToken> {
  // Users are not walled: the person is found first, then the token is written in their scope.
  const db = await getDb();
  const userId = await enabledUserId(db, email);
  return inScope(own(userId), (tx) => insertToken(tx, userId, name, { via: "cli" }));
}

/** The operator (CLI) revokes a person's token by its id or its prefix (`kpl_AbCd`). */
export async function revokeApiTokenForUser(_actor: SystemActor, email: string, prefixOrId: string): Promise<{ id: string; prefix: string; name: string }> {
  const db = await getDb();
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new NotFoundError(`No user with address ${email}`);
  const key = prefixOrId.trim();
  return inScope(own(user.id), async (tx) => {
    const matches = await tx
      .select({ id: apiTokens.id, prefix: apiTokens.prefix, name: apiTokens.name })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.userId, user.id),
          isNull(apiTokens.revokedAt),
          isUuid(key) ? eq(apiTokens.id, key) : eq(apiTokens.prefix, key),
        ),
      );
    if (matches.length === 0) throw new NotFoundError(`${email} has no active token ${key}`);
    if (matches.length > 1) {
      throw new ConflictError(`${email} has ${matches.length} active tokens starting with ${key}; give the token's id instead: ${matches.map((m) => m.id).join(", ")}`);
    }
    const match = matches[0]!;
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, match.id));
    await recordAudit(tx, tokenEvent("api_token_revoked", user.id, match.id, { name: match.name, prefix: match.prefix }, { via: "cli" }));
    return match;
  });
}
