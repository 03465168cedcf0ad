import { and, asc, eq } from "drizzle-orm";
import { memberships, organisations, users, type Locale, type Role } from "@/db/schema";
import { renderInvitation } from "@/emails/invitation";
import { ConflictError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { InviteInput } from "@/lib/validation/member";
import { ADMINS, assertRole, currentOrganisation, type Actor, type SystemActor } from "./actor";
import { recordAudit } from "./audit";
import { normaliseEmail, signInPageUrl } from "./auth";
import { enqueueMail } from "./mail";
import { isUuid } from "./programmes";
import { asActor, inScope, narrowTo, tenant } from "./rls";
import type { Tx } from "./tx";

/** Members of the actor's current organisation (admins only). */
export async function listMembers(actor: Actor | null) {
  const organisationId = currentOrganisation(actor, ADMINS);
  return inScope(tenant(organisationId), (db) =>
    db
      .select({
        id: memberships.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        invitedAt: memberships.invitedAt,
        signedInBefore: users.emailVerified,
        disabledAt: users.disabledAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organisationId, organisationId))
      .orderBy(asc(users.email)),
  );
}

/** Finds the user with this address (already normalised) or creates one. */
export async function ensureUser(tx: Tx, email: string, name: string, locale: Locale, timeZone?: string) {
  const [existing] = await tx.select({ id: users.id, locale: users.locale, name: users.name }).from(users).where(eq(users.email, email));
  if (existing) return existing;
  const [created] = await tx
    .insert(users)
    .values({ email, name: name || null, locale, ...(timeZone ? { timeZone } : {}) })
    .returning({ id: users.id, locale: users.locale, name: users.name });
  return created!;
}

/**
 * Adds a person to the admin's current organisation with a role and mails them an invitation
 * whose button leads to the sign-in page (which mails a fresh link). A person already in the organisation is refused.
 */
export async function inviteMember(actor: Actor | null, input: InviteInput): Promise<void> {
  const organisationId = currentOrganisation(actor, ADMINS);
  const inviter = actor?.kind === "user" ? actor : null;
  const email = normaliseEmail(input.email);
  await inScope(tenant(organisationId), async (tx) => {
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
    const user = await ensureUser(tx, email, input.name, input.locale);
    const [already] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, user.id)));
    if (already) throw new ConflictError("Already a member", "email");
    await tx.insert(memberships).values({
      organisationId,
      userId: user.id,
      role: input.role,
      invitedById: inviter?.userId ?? null,
      invitedAt: new Date(),
    });
    await recordAudit(tx, {
      action: "member_invited",
      organisationId,
      actorUserId: inviter?.userId ?? null,
      targetType: "user",
      targetId: user.id,
      detail: { email, role: input.role },
    });
    await mailInvitation(tx, { organisationId, organisation: org?.name ?? "", email, locale: user.locale, role: input.role, inviter: inviter?.name ?? inviter?.email ?? "Koppel" });
  });
}

/** Queues the invitation mail, in the person's language; its button opens the sign-in page for the address. */
async function mailInvitation(tx: Tx, m: { organisationId: string; organisation: string; email: string; locale: Locale; role: Role; inviter: string }): Promise<void> {
  const mail = renderInvitation(m.locale, {
    url: signInPageUrl(m.locale, m.email, `/${m.locale}/start`),
    organisation: m.organisation,
    inviter: m.inviter,
    role: m.role,
  });
  await enqueueMail(tx, { ...mail, to: m.email, locale: m.locale, template: "invitation", organisationId: m.organisationId });
}

/**
 * The membership an admin acts on, locked for the change: another organisation's is a 404, a
 * non-admin gets 403. Admin rows of the organisation are locked first, always in the same order,
 * so two admins demoting each other at once cannot both succeed (nor deadlock). Runs in the
 * actor's walled scope and narrows it to the membership's organisation.
 */
async function memberForChange(tx: Tx, actor: Actor | null, membershipId: string) {
  if (!actor) throw new UnauthenticatedError();
  if (!isUuid(membershipId)) throw new NotFoundError();
  const [head] = await tx.select({ organisationId: memberships.organisationId }).from(memberships).where(eq(memberships.id, membershipId));
  if (!head) throw new NotFoundError();
  assertRole(actor, head.organisationId, ADMINS);
  await narrowTo(tx, head.organisationId);
  const admins = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organisationId, head.organisationId), eq(memberships.role, "admin")))
    .orderBy(asc(memberships.id))
    .for("update");
  const [member] = await tx
    .select({ id: memberships.id, organisationId: memberships.organisationId, userId: memberships.userId, role: memberships.role, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.id, membershipId))
    .for("update", { of: memberships });
  if (!member) throw new NotFoundError();
  const lastAdmin = member.role === "admin" && admins.length <= 1;
  return { member, lastAdmin };
}

/** A change to one membership: walled to the actor's organisations until memberForChange narrows it. */
function onMember<T>(actor: Actor | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!actor) throw new UnauthenticatedError();
  return asActor(actor, fn);
}

const by = (actor: Actor | null) => (actor?.kind === "user" ? actor.userId : null);

/**
 * Gives a member of the admin's organisation another role. The last admin cannot be demoted
 * (`lastAdmin`). Takes effect on the member's next request: every request loads roles afresh.
 */
export async function changeMemberRole(actor: Actor | null, membershipId: string, role: Role): Promise<{ email: string; role: Role }> {
  return onMember(actor, async (tx) => {
    const { member, lastAdmin } = await memberForChange(tx, actor, membershipId);
    if (member.role === role) return { email: member.email, role };
    if (lastAdmin) throw new ConflictError("lastAdmin");
    await tx.update(memberships).set({ role }).where(eq(memberships.id, member.id));
    await recordAudit(tx, {
      action: "member_role_changed",
      organisationId: member.organisationId,
      actorUserId: by(actor),
      targetType: "user",
      targetId: member.userId,
      detail: { email: member.email, name: member.name, from: member.role, to: role },
    });
    return { email: member.email, role };
  });
}

/**
 * Removes a person from the admin's organisation: the membership goes, at once for their
 * sessions and API tokens there (each request loads memberships afresh). Their account, other
 * memberships, and their enrollments and pairs here stay as records of what happened. The last
 * admin cannot be removed (`lastAdmin`), not even by themself.
 */
export async function removeMember(actor: Actor | null, membershipId: string): Promise<{ email: string; userId: string }> {
  return onMember(actor, async (tx) => {
    const { member, lastAdmin } = await memberForChange(tx, actor, membershipId);
    if (lastAdmin) throw new ConflictError("lastAdmin");
    await tx.delete(memberships).where(eq(memberships.id, member.id));
    await recordAudit(tx, {
      action: "member_removed",
      organisationId: member.organisationId,
      actorUserId: by(actor),
      targetType: "user",
      targetId: member.userId,
      detail: { email: member.email, name: member.name, role: member.role },
    });
    return { email: member.email, userId: member.userId };
  });
}

/**
 * Sends an invitation again to a member who has not signed in yet (the first mail got lost, or
 * its sign-in link has lapsed): the same mail, with a button to the sign-in page. Someone who
 * has signed in before is refused (`alreadySignedIn`); withdrawing an invitation is removing the
 * member (removeMember).
 */
export async function resendInvitation(actor: Actor | null, membershipId: string): Promise<{ email: string }> {
  return onMember(actor, async (tx) => {
    const { member } = await memberForChange(tx, actor, membershipId);
    const [person] = await tx.select({ locale: users.locale, signedInBefore: users.emailVerified }).from(users).where(eq(users.id, member.userId));
    if (!person || person.signedInBefore) throw new ConflictError("alreadySignedIn");
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, member.organisationId));
    await tx.update(memberships).set({ invitedAt: new Date() }).where(eq(memberships.id, member.id));
    await recordAudit(tx, {
      action: "member_invited",
      organisationId: member.organisationId,
      actorUserId: by(actor),
      targetType: "user",
      targetId: member.userId,
      detail: { email: member.email, role: member.role, resent: true },
    });
    const inviter = actor?.kind === "user" ? (actor.name ?? actor.email) : "Koppel";
    await mailInvitation(tx, { organisationId: member.organisationId, organisation: org?.name ?? "", email: member.email, locale: person.locale, role: member.role, inviter });
    return { email: member.email };
  });
}

/** For the operator's CLI: a new organisation with its first admin. */
export async function createOrganisationWithAdmin(
  _actor: SystemActor,
  input: { name: string; slug: string; adminEmail: string; adminName?: string; locale?: Locale; role?: Role },
): Promise<{ organisationId: string; userId: string }> {
  const adminEmail = normaliseEmail(input.adminEmail);
  // Organisations and users are not walled; the first membership is written inside the new
  // organisation's wall (a walled transaction that sees no organisation until it exists).
  return inScope({ kind: "tenant", organisationIds: [] }, async (tx) => {
    const [clash] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, input.slug));
    if (clash) throw new ConflictError(`An organisation with slug "${input.slug}" exists`, "slug");
    const [org] = await tx.insert(organisations).values({ name: input.name, slug: input.slug }).returning({ id: organisations.id });
    await narrowTo(tx, org!.id);
    const user = await ensureUser(tx, adminEmail, input.adminName ?? "", input.locale ?? "nl");
    await tx.insert(memberships).values({ organisationId: org!.id, userId: user.id, role: input.role ?? "admin" });
    return { organisationId: org!.id, userId: user.id };
  });
}
