import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations, users, type Locale, type Role } from "@/db/schema";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";

export interface MembershipView {
  organisationId: string;
  organisationName: string;
  organisationSlug: string;
  role: Role;
}

/** A signed-in person as the DAL sees them: who they are and where they may act. */
export interface UserActor {
  kind: "user";
  userId: string;
  email: string;
  name: string | null;
  locale: Locale;
  timeZone: string;
  memberships: MembershipView[];
  /** The organisation the person is working in now (chosen in the header). */
  current: MembershipView | null;
}

/** The operator at a shell (admin CLI): may do what the CLI offers, in any organisation. */
export interface SystemActor {
  kind: "system";
}

export type Actor = UserActor | SystemActor;
export const SYSTEM: SystemActor = { kind: "system" };

export const COORDINATING: readonly Role[] = ["admin", "coordinator"];
export const ADMINS: readonly Role[] = ["admin"];

/** Loads a person and their memberships; null when unknown or disabled. */
export async function loadActor(userId: string, preferredOrganisationId?: string | null): Promise<UserActor | null> {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      timeZone: users.timeZone,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.disabledAt) return null;
  const rows = await db
    .select({
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      organisationSlug: organisations.slug,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
  return toActor(user, rows, preferredOrganisationId);
}

/** A person and their memberships (ordered by organisation name) as the DAL's actor. */
export function toActor(
  user: { id: string; email: string; name: string | null; locale: Locale; timeZone: string },
  memberships: MembershipView[],
  preferredOrganisationId?: string | null,
): UserActor {
  const current = memberships.find((m) => m.organisationId === preferredOrganisationId) ?? memberships[0] ?? null;
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    timeZone: user.timeZone,
    memberships,
    current,
  };
}

/**
 * The check every tenant-scoped DAL function makes: a member of another organisation gets 404
 * (the record does not exist for them), a member with the wrong role gets 403.
 */
export function assertRole(actor: Actor | null, organisationId: string, roles: readonly Role[]): void {
  if (!actor) throw new UnauthenticatedError();
  if (actor.kind === "system") return;
  const membership = actor.memberships.find((m) => m.organisationId === organisationId);
  if (!membership) throw new NotFoundError();
  if (!roles.includes(membership.role)) throw inOrganisation(new ForbiddenError(), organisationId);
}

/** The organisation the actor works in now, if their role there is one of `roles`. */
export function currentOrganisation(actor: Actor | null, roles: readonly Role[]): string {
  if (!actor) throw new UnauthenticatedError();
  if (actor.kind === "system") throw new ForbiddenError("The system actor has no current organisation");
  if (!actor.current) throw new ForbiddenError("Not a member of any organisation");
  if (!roles.includes(actor.current.role)) throw inOrganisation(new ForbiddenError(), actor.current.organisationId);
  return actor.current.organisationId;
}

// Only a refusal inside an organisation the person belongs to names it: a 404 for another
// organisation's record must not reach that organisation's audit log.
function inOrganisation<E extends ForbiddenError>(err: E, organisationId: string): E {
  err.organisationId = organisationId;
  return err;
}

/** The signed-in user, or an error: for reads scoped to the actor themself. */
export function requireUser(actor: Actor | null): UserActor {
  if (!actor) throw new UnauthenticatedError();
  if (actor.kind !== "user") throw new ForbiddenError();
  return actor;
}
