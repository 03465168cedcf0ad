import { eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { headers } from "next/headers";
import { auditEvents, users } from "@/db/schema";
import { clientIp } from "@/lib/client-ip";
import type { AppError } from "@/lib/errors";
import { ADMINS, assertRole, currentOrganisation, type Actor, type SystemActor, type UserActor } from "./actor";
import { inScope, system, tenant, type Scope } from "./rls";
import type { DbOrTx, Tx } from "./tx";

/** What the audit log records; the names are stable (exports and the API show them). */
export const AUDIT_ACTIONS = [
  "sign_in",
  "sign_in_link_refused",
  "member_invited",
  "partner_invited",
  "member_role_changed",
  "member_removed",
  "api_token_created",
  "api_token_revoked",
  "access_refused",
  "cohort_published",
  "record_archived",
  "record_restored",
  "record_deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const isAuditAction = (v: string): v is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(v);

/** Events about a person rather than an organisation: every organisation the person belongs to sees them. */
const PERSONAL_ACTIONS: AuditAction[] = ["sign_in", "sign_in_link_refused", "api_token_created", "api_token_revoked"];

/** How long audit events are kept: two years, then `purgeAuditEvents` deletes them. */
export const AUDIT_RETENTION_DAYS = 730;
export const AUDIT_PAGE_SIZE = 50;
const USER_AGENT_MAX = 200;

/** Where a request came from; null outside a request (CLI, tests, background jobs). */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** The current request's client address and user agent, or nulls when there is no request. */
export async function requestOrigin(): Promise<RequestOrigin> {
  try {
    const h = await headers();
    return { ip: await clientIp(), userAgent: h.get("user-agent")?.slice(0, USER_AGENT_MAX) || null };
  } catch {
    return { ip: null, userAgent: null };
  }
}

export interface AuditInput {
  action: AuditAction;
  organisationId?: string | null;
  actorUserId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  /** Small and without secrets: roles, names, a token's name and prefix, never the token. */
  detail?: Record<string, unknown>;
  /** Defaults to the current request's. */
  origin?: RequestOrigin;
}

/** Records one event; call it inside the transaction of the change it records, so both happen or neither. */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  const origin = input.origin ?? (await requestOrigin());
  await db.insert(auditEvents).values({
    action: input.action,
    organisationId: input.organisationId ?? null,
    actorUserId: input.actorUserId ?? null,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    detail: input.detail ?? {},
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
  });
}

/**
 * The wall an event outside a change is written behind: its organisation's, else the person's own
 * (personal events), else, for a refusal nobody can be named for, the one system job that may.
 */
function auditScope(input: AuditInput): Scope {
  if (input.organisationId) return tenant(input.organisationId);
  if (input.actorUserId) return { kind: "person", userId: input.actorUserId };
  return system("audit: an event with neither organisation nor person");
}

/** Records an event that is not part of a change (a sign-in, a refusal): a failure is logged, never thrown. */
export async function recordAuditQuietly(input: AuditInput): Promise<void> {
  try {
    const origin = input.origin ?? (await requestOrigin());
    await inScope(auditScope(input), (tx) => recordAudit(tx, { ...input, origin }));
  } catch (err) {
    console.error("[audit] could not record", input.action, err);
  }
}

/**
 * A 403 or 404 the DAL raised for a signed-in person. It is recorded in the organisation the
 * refusal named only when the person belongs to it (the role check sets it then); otherwise in
 * the person's current organisation, so another tenant learns nothing. Never throws.
 */
export async function recordRefusal(actor: UserActor | null, err: AppError, where: string): Promise<void> {
  if (!actor || (err.code !== "forbidden" && err.code !== "not_found")) return;
  const named = err.organisationId && actor.memberships.some((m) => m.organisationId === err.organisationId) ? err.organisationId : null;
  await recordAuditQuietly({
    action: "access_refused",
    organisationId: named ?? actor.current?.organisationId ?? null,
    actorUserId: actor.userId,
    detail: { status: err.code === "forbidden" ? 403 : 404, where: where.slice(0, 200) },
  });
}

/** The organisation whose log an admin reads: the one named (admin there, else 404/403) or their current one. */
function logOrganisation(actor: Actor | null, organisationId?: string): string {
  if (organisationId === undefined) return currentOrganisation(actor, ADMINS);
  if (actor?.kind === "system") return organisationId;
  assertRole(actor, organisationId, ADMINS);
  return organisationId;
}

/**
 * The newest `upTo` events an organisation's admins may see (before `before`, when given): its own
 * events by its index, and its current members' personal events (sign-ins, tokens) person by
 * person over the partial index, each branch cut to `upTo`, so nothing scans the table.
 */
function visibleHits(organisationId: string, action: AuditAction | undefined, upTo: number, before?: { at: string; id: string }): SQL {
  const personal = sql.join(
    PERSONAL_ACTIONS.map((a) => sql`${a}`),
    sql`, `,
  );
  const own = sql`${action ? sql`AND action = ${action}` : sql``} ${before ? sql`AND (created_at, id) < (${before.at}::timestamptz, ${before.id}::uuid)` : sql``}`;
  const mine = sql`AND a.action IN (${personal}) ${action ? sql`AND a.action = ${action}` : sql``} ${
    before ? sql`AND (a.created_at, a.id) < (${before.at}::timestamptz, ${before.id}::uuid)` : sql``
  }`;
  return sql`
      (SELECT id, created_at FROM audit_events
        WHERE organisation_id = ${organisationId} ${own}
        ORDER BY created_at DESC, id DESC LIMIT ${upTo})
      UNION ALL
      (SELECT x.id, x.created_at FROM memberships m
         CROSS JOIN LATERAL (
           SELECT a.id, a.created_at FROM audit_events a
            WHERE a.actor_user_id = m.user_id AND a.organisation_id IS NULL ${mine}
            ORDER BY a.created_at DESC, a.id DESC LIMIT ${upTo}) x
        WHERE m.organisation_id = ${organisationId}
        ORDER BY x.created_at DESC, x.id DESC LIMIT ${upTo})`;
}

/** Full rows for ids, in the order given. */
async function rowsFor(db: Tx, ids: string[]): Promise<AuditRow[]> {
  if (ids.length === 0) return [];
  const found = await db.select(rowColumns).from(auditEvents).leftJoin(users, eq(users.id, auditEvents.actorUserId)).where(inArray(auditEvents.id, ids));
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is AuditRow => r !== undefined);
}

const rowColumns = {
  id: auditEvents.id,
  createdAt: auditEvents.createdAt,
  action: auditEvents.action,
  actorUserId: auditEvents.actorUserId,
  actorName: users.name,
  actorEmail: users.email,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  detail: auditEvents.detail,
  ip: auditEvents.ip,
  userAgent: auditEvents.userAgent,
};

export interface AuditRow {
  id: string;
  createdAt: Date;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditFilter {
  action?: AuditAction;
  /** Another organisation the admin belongs to; default their current one. */
  organisationId?: string;
}

/**
 * One page of an organisation's audit log, newest first, with the total (admins only). The page
 * and the count are one statement: the organisation's events by its index, and its members'
 * personal events person by person (LATERAL over the partial index), each branch cut to what the
 * page can need, so no query scans the table.
 */
export async function listAuditEvents(
  actor: Actor | null,
  opts: AuditFilter & { page?: number; pageSize?: number } = {},
): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }> {
  const organisationId = logOrganisation(actor, opts.organisationId);
  const pageSize = Math.min(Math.max(1, Math.floor(opts.pageSize ?? AUDIT_PAGE_SIZE)), 200);
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), 100_000);
  const offset = (page - 1) * pageSize;
  const upTo = offset + pageSize;
  const action = opts.action;
  const personalAction = sql`AND a.action IN (${sql.join(
    PERSONAL_ACTIONS.map((x) => sql`${x}`),
    sql`, `,
  )}) ${action ? sql`AND a.action = ${action}` : sql``}`;
  return inScope(tenant(organisationId), async (db) => {
    const result = await db.execute<{ id: string | null; total: number }>(sql`
      WITH total AS (
        SELECT (SELECT count(*) FROM audit_events WHERE organisation_id = ${organisationId} ${action ? sql`AND action = ${action}` : sql``})::int
          + (SELECT count(*) FROM memberships m
               JOIN audit_events a ON a.actor_user_id = m.user_id AND a.organisation_id IS NULL
              WHERE m.organisation_id = ${organisationId} ${personalAction})::int AS n
      ), hits AS (${visibleHits(organisationId, action, upTo)}
      ), page AS (
        SELECT id, created_at FROM hits ORDER BY created_at DESC, id DESC LIMIT ${pageSize} OFFSET ${offset}
      )
      SELECT page.id::text AS id, total.n AS total FROM total LEFT JOIN page ON true
      ORDER BY page.created_at DESC, page.id DESC`);
    const total = Number(result.rows[0]?.total ?? 0);
    const ids = result.rows.map((r) => r.id).filter((id): id is string => id !== null);
    return { rows: await rowsFor(db, ids), total, page, pageSize };
  });
}

const EXPORT_BATCH = 1000;

/**
 * The whole log for an export, in batches, newest first (admins only). The check runs when this
 * is called, before the first batch, so a refusal is an error status and not half a file.
 */
export function exportAuditEvents(actor: Actor | null, filter: AuditFilter = {}): AsyncIterable<AuditRow[]> {
  const organisationId = logOrganisation(actor, filter.organisationId);
  return (async function* () {
    // The cursor keeps PostgreSQL's microseconds; a JS Date would drop them and skip rows.
    let cursor: { at: string; id: string } | undefined;
    for (;;) {
      // Each batch is its own walled transaction: none stays open while the file is written.
      const after = cursor;
      const { batch, rows } = await inScope(tenant(organisationId), async (db) => {
        const result = await db.execute<{ id: string; at: string }>(sql`
          SELECT id::text AS id, created_at::text AS at FROM (${visibleHits(organisationId, filter.action, EXPORT_BATCH, after)}) hits
          ORDER BY created_at DESC, id DESC LIMIT ${EXPORT_BATCH}`);
        return { batch: result.rows, rows: await rowsFor(db, result.rows.map((r) => r.id)) };
      });
      if (batch.length === 0) return;
      yield rows;
      if (batch.length < EXPORT_BATCH) return;
      const last = batch[batch.length - 1]!;
      cursor = { at: last.at, id: last.id };
    }
  })();
}

/** Deletes audit events older than the retention period; for the housekeeping job. Returns how many. */
export async function purgeAuditEvents(_actor: SystemActor, now: Date = new Date(), retentionDays = AUDIT_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86400_000);
  // Personal events (sign-ins, tokens) belong to no organisation: one delete across them all.
  const gone = await inScope(system("housekeeping: audit events past retention"), (tx) =>
    tx.delete(auditEvents).where(lt(auditEvents.createdAt, cutoff)).returning({ id: auditEvents.id }),
  );
  return gone.length;
}
