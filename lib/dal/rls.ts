/**
 * Row-level security: the database's own wall behind the DAL's checks (migrations 0012_rls,
 * 0013_rls_person).
 *
 * WHO IS WALLED. A scoped transaction (`inScope`, `asActor`) starts with one statement that
 * switches to a walled role for that transaction (`set_config('role', …, true)`, the same as SET
 * LOCAL ROLE) and sets three transaction-local settings the policies read:
 *
 *   koppel.organisation_ids  scope "tenant": the organisations whose rows may be read and written
 *   koppel.user_id           scope "person": the person whose own rows may be read everywhere
 *   koppel.scope             "public" (the catalogue) or "system" (named jobs across organisations)
 *
 * The role is `koppel_tenant` (scopes tenant, public, system) or `koppel_person` (scope person).
 * Neither is superuser nor BYPASSRLS, so their queries see only what a policy allows: a query that
 * forgot its `organisation_id` filter still returns nothing of another organisation, and an insert
 * or update that would put a row into another organisation fails (42501). Everything is
 * transaction-local, so a pooled connection carries nothing into the next request. `narrowTo`
 * re-applies a narrower scope inside a transaction (the actor's organisations → the one the record
 * belongs to). The configured DATABASE_URL user (usually the tables' owner; in tests and PGlite a
 * superuser) is NOT walled: RLS is enabled, not forced (see the README's Security section for why).
 *
 * TABLES. With policies on `organisation_id`: programmes, cohorts, cohort_questions, enrollments,
 * enrollment_events, sign_up_requests, partners, cohort_partners, pairs, pair_events, meetings,
 * memberships, audit_events. api_tokens has no organisation: a person's own tokens only.
 * mail_outbox is insert-only inside a tenant (a change queues its mail; no tenant reads mail).
 * Not walled, on purpose: organisations (names and slugs are public in the catalogue), users
 * (a person belongs to several organisations; their rows are reached through walled memberships
 * and enrollments), sessions, rate_limits, app_meta. accounts and verification_tokens (sign-in
 * secrets) are not granted to the walled roles at all.
 *
 * SCOPES AND WHO USES THEM (grep `inScope(`, `asActor(`, `system(`):
 *   - tenant: everything an organisation's member does (reads, decisions, invitations, role
 *     changes, the audit log, pairing). A record looked up by id is found in the actor's scope
 *     (all their organisations: another organisation's record is simply not there, a 404), the
 *     role is checked, and the transaction is narrowed to that record's organisation.
 *   - public: the catalogue (programmes, non-draft cohorts, their questions; places taken through
 *     a SECURITY DEFINER count). A sign-up (by anyone) starts here to find the cohort's
 *     organisation and is then narrowed to it (`enterCohortOrganisation`).
 *   - person (role koppel_person): a person's own records in every organisation: my data, my
 *     enrollments and pairs, API tokens, personal audit events, account deletion. The other side
 *     of their own pairs is readable (the pair page); nothing else of anyone. Writes: their own
 *     tokens and personal audit events, and letting go of their own records when the account is
 *     deleted. Each organisation's part of a deletion (withdrawals, offers to the waitlist,
 *     anonymising) runs in that organisation's tenant scope.
 *   - system, always named (`system("…")`): only where a job must span organisations, and only
 *     for the part that must: offer expiry, lapsed sign-up confirmations and retention read which
 *     cohorts/organisations are due there, then do each one's work in its tenant scope; the mail
 *     outbox worker (every organisation's mail, and sign-in mail of none); housekeeping's purge of
 *     mail bodies and audit events (personal events belong to no organisation); an audit event
 *     with neither organisation nor person; the operator's CLI (`asActor(SYSTEM)`); the demo's
 *     /dev/mailbox. No request can become SYSTEM.
 *   - outside every scope, inside a walled transaction: `withSignInSecrets`, for accounts and
 *     verification_tokens (account erasure, housekeeping). It must not touch tenant tables.
 *
 * STILL ON THE CONNECTING ROLE (outside the wall), each for a reason:
 *   - sign-in and session lookups, which run before any organisation or person is known and decide
 *     what the scope will be: next-auth's adapter (accounts, verification_tokens, sessions, users),
 *     `loadSessionActor` and `loadActor` (a person's memberships; one query per request),
 *     `actorFromApiToken` (the token by its hash, and noting its use), the sign-in mail in auth.ts
 *     (an outbox row of no organisation). rls-paths.test.ts shows `loadActor` finds nothing when
 *     the connection itself is walled, i.e. these are the places that rely on the DAL alone.
 *   - tables that are no organisation's: users and organisations (profile, CLI lookups by address,
 *     the organisation chosen on the partner form), rate_limits, sessions, app_meta.
 * Every other DAL read or write of a tenant table runs in a scope; rls-paths.test.ts runs the
 * paths walled in this step with the connection itself walled by default, so one that slipped
 * outside the wall would find nothing there and fail.
 *
 * CROSS-ORGANISATION NUMBERS, outside the wall by design (SECURITY DEFINER functions that return
 * a number or an id, never rows): places taken and waitlist length (catalogue), a person's own
 * waitlist position, the pairs a person is in (person policies), the organisation of a sign-up
 * confirmation token (the confirmation starts from the token alone).
 *
 * FOREIGN KEYS bypass RLS in PostgreSQL (a row of organisation A can still point at a cohort of
 * B): the DAL's checks, and `organisation_id` taken from the parent row, keep that from happening.
 * The wall is against a forgotten filter, not against SQL injection: walled code could reset its
 * own role or settings with SQL of its own; Koppel only ever sends parameterised queries.
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
