/**
 * Row-level security: the database's own wall behind the DAL's checks (migration 0012_rls).
 *
 * WHO IS WALLED. A scoped transaction (`inScope`, `asActor`) starts with one statement that
 * switches to the role `koppel_tenant` for that transaction (`set_config('role', …, true)`, the
 * same as SET LOCAL ROLE) and sets three transaction-local settings the policies read:
 *
 *   koppel.organisation_ids  scope "tenant": the organisations whose rows may be read and written
 *   koppel.user_id           scope "person": the person whose own rows may be read everywhere
 *   koppel.scope             "public" (the catalogue) or "system" (background jobs)
 *
 * `koppel_tenant` is neither superuser nor BYPASSRLS, so its queries see only what a policy
 * allows: a query that forgot its `organisation_id` filter still returns nothing of another
 * organisation, and an insert or update that would put a row into another organisation fails
 * (42501, "new row violates row-level security policy"). Everything is transaction-local, so a
 * pooled connection carries nothing into the next request. The configured DATABASE_URL user
 * (usually the tables' owner, in tests and PGlite a superuser) is NOT walled: RLS is enabled, not
 * forced, and DAL paths that do not open a scope run as that user, as before. That list is in the
 * README's Security section; the wall covers the paths that call `inScope`/`asActor`.
 *
 * TABLES. With policies on `organisation_id`: programmes, cohorts, cohort_questions, enrollments,
 * enrollment_events, sign_up_requests, partners, cohort_partners, pairs, pair_events, meetings,
 * memberships, audit_events. api_tokens has no organisation: a person's own tokens only.
 * mail_outbox is insert-only inside a tenant (a change queues its mail; no tenant reads mail).
 * Not walled, on purpose: organisations (names and slugs are public in the catalogue), users
 * (a person belongs to several organisations; their rows are reached through walled memberships
 * and enrollments), sessions, rate_limits, app_meta. accounts and verification_tokens (sign-in
 * secrets) are not granted to koppel_tenant at all.
 *
 * THE NAMED ESCAPES, each with its own narrow policies (grep `koppel.scope`, `scope: "`):
 *   - "public": the catalogue reads programmes, cohorts that are not drafts and their questions,
 *     of every organisation, and may write nothing.
 *   - "person": my data, my partner records: the rows whose user_id / owner_user_id is the
 *     person's, in any organisation; read only.
 *   - "system": the SYSTEM actor (the operator's CLI, background jobs) acts across organisations
 *     by design; `asActor(SYSTEM, …)` sees all tenant rows. No request can become SYSTEM. The jobs
 *     themselves (housekeeping, retention, outbox worker, offer expiry) do not open a scope yet:
 *     they run on the connecting role, outside the wall, like every path the README lists as
 *     not yet walled.
 * Sign-in and session lookups (next-auth's adapter, API tokens by hash, `loadActor`) run before
 * any organisation is known and decide what the scope will be: they stay on the connecting role.
 * So does the check that precedes a walled write in pairing and partner links (one read by id,
 * then `assertRole`): the write's transaction is walled to the organisation that check found.
 *
 * HOW TO WALL A PATH. Resolve the organisation (`currentOrganisation`) and use
 * `inScope(tenant(id), tx => …)`, or, for a record looked up by id, `asActor(actor, tx => …)`
 * (every organisation the person belongs to; the DAL still checks the role), and run every query
 * on that `tx`. A function that reads with `getDb()` is not walled.
 *
 * FOREIGN KEYS bypass RLS in PostgreSQL (a row of organisation A can still point at a cohort of
 * B): the DAL's checks, and `organisation_id` taken from the parent row, keep that from happening.
 *
 * COST. One extra statement per scoped transaction (about 0.1 ms on PostgreSQL over loopback);
 * a read that was one bare query becomes BEGIN, the setting, the query, COMMIT.
 */
import { sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { UnauthenticatedError } from "@/lib/errors";
import type { Actor } from "./actor";
import { transaction, type Tx } from "./tx";

/** The database role scoped transactions switch to (created by migration 0012_rls). */
export const TENANT_ROLE = "koppel_tenant";
/** The role of scope "person" (migration 0013_rls_person): a person's own records, in every organisation. */
export const PERSON_ROLE = "koppel_person";

export type Scope =
  | { kind: "tenant"; organisationIds: readonly string[] }
  | { kind: "person"; userId: string }
  | { kind: "public" }
  /** Across organisations: `job` names who needs that (grep `system(` for the list). */
  | { kind: "system"; job: string };

/** Scope "system" for one named job that must span organisations; keep what runs in it small. */
export function system(job: string): Scope {
  return { kind: "system", job };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Switches the transaction to koppel_tenant and sets the scope's settings, until it ends. */
export async function applyScope(tx: Tx, scope: Scope): Promise<void> {
  const orgs = scope.kind === "tenant" ? scope.organisationIds : [];
  // The list is split on commas by the policies: anything but UUIDs must not reach it.
  if (orgs.some((id) => !UUID.test(id))) throw new Error("RLS scope: organisation ids must be UUIDs");
  const userId = scope.kind === "person" ? scope.userId : "";
  if (scope.kind === "person" && !userId) throw new Error("RLS scope: a person scope needs the person");
  const named = scope.kind === "public" || scope.kind === "system" ? scope.kind : "";
  const role = scope.kind === "person" ? PERSON_ROLE : TENANT_ROLE;
  await tx.execute(
    sql`SELECT set_config('role', ${role}, true), set_config('koppel.organisation_ids', ${orgs.join(",")}, true), set_config('koppel.user_id', ${userId}, true), set_config('koppel.scope', ${named}, true)`,
  );
}

/** Runs `fn` in a transaction (retried like `transaction`) walled to `scope`. */
export async function inScope<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScopeOn(await getDb(), scope, fn);
}

/** `inScope` on a given database (the outbox worker is handed its own). */
export function inScopeOn<T>(db: Db, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction(db, async (tx) => {
    await applyScope(tx, scope);
    return fn(tx);
  });
}

/**
 * Narrows a walled transaction to one organisation, once a record read in the actor's scope
 * (all their organisations, or SYSTEM's) has named it and the role check passed: what follows
 * cannot touch the actor's other organisations either.
 */
export function narrowTo(tx: Tx, organisationId: string): Promise<void> {
  return applyScope(tx, tenant(organisationId));
}

/**
 * The one way out of the wall inside a walled transaction: `fn` runs as the connecting role, for
 * sign-in secrets (accounts, verification tokens) that no scope may touch, then `back` applies
 * again. Only account erasure and housekeeping use it (grep `withSignInSecrets`); `fn` must not
 * touch tenant tables.
 */
export async function withSignInSecrets<T>(tx: Tx, back: Scope, fn: () => Promise<T>): Promise<T> {
  await tx.execute(sql`SELECT set_config('role', 'none', true), set_config('koppel.organisation_ids', '', true), set_config('koppel.user_id', '', true), set_config('koppel.scope', '', true)`);
  const result = await fn();
  await applyScope(tx, back);
  return result;
}

/** The scope of an actor: a person's organisations (any role: the DAL checks roles), or "system". */
export function scopeOf(actor: Actor | null): Scope {
  if (!actor) throw new UnauthenticatedError();
  if (actor.kind === "system") return system("operator (admin CLI)");
  return { kind: "tenant", organisationIds: actor.memberships.map((m) => m.organisationId) };
}

/** Runs `fn` walled to the organisations the actor belongs to (everything for SYSTEM). */
export function asActor<T>(actor: Actor | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope(scopeOf(actor), fn);
}

/** The scope of one organisation (a DAL function that already resolved `currentOrganisation`). */
export function tenant(organisationId: string): Scope {
  return { kind: "tenant", organisationIds: [organisationId] };
}
