import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations, users, type Locale, type Role } from "@/db/schema";
import { renderInvitation } from "@/emails/invitation";
import { ConflictError } from "@/lib/errors";
import type { InviteInput } from "@/lib/validation/member";
import { ADMINS, currentOrganisation, type Actor, type SystemActor } from "./actor";
import { normaliseEmail, signInPageUrl } from "./auth";
import { enqueueMail } from "./mail";
import type { Tx } from "./tx";

/** Members of the actor's current organisation (admins only). */
export async function listMembers(actor: Actor | null) {
  const organisationId = currentOrganisation(actor, ADMINS);
  const db = await getDb();
  return db
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
    .orderBy(asc(users.email));
}

/** Finds the user with this address (already normalised) or creates one. */
export async function ensureUser(tx: Tx, email: string, name: string, locale: Locale) {
  const [existing] = await tx.select({ id: users.id, locale: users.locale, name: users.name }).from(users).where(eq(users.email, email));
  if (existing) return existing;
  const [created] = await tx
    .insert(users)
    .values({ email, name: name || null, locale })
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
  const db = await getDb();
  await db.transaction(async (tx) => {
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
    const url = signInPageUrl(user.locale, email, `/${user.locale}/start`);
    const mail = renderInvitation(user.locale, {
      url,
      organisation: org?.name ?? "",
      inviter: inviter?.name ?? inviter?.email ?? "Koppel",
      role: input.role,
    });
    await enqueueMail(tx, { ...mail, to: email, locale: user.locale, template: "invitation", organisationId });
  });
}

/** For the operator's CLI: a new organisation with its first admin. */
export async function createOrganisationWithAdmin(
  _actor: SystemActor,
  input: { name: string; slug: string; adminEmail: string; adminName?: string; locale?: Locale; role?: Role },
): Promise<{ organisationId: string; userId: string }> {
  const adminEmail = normaliseEmail(input.adminEmail);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, input.slug));
    if (clash) throw new ConflictError(`An organisation with slug "${input.slug}" exists`, "slug");
    const [org] = await tx.insert(organisations).values({ name: input.name, slug: input.slug }).returning({ id: organisations.id });
    const user = await ensureUser(tx, adminEmail, input.adminName ?? "", input.locale ?? "nl");
    await tx.insert(memberships).values({ organisationId: org!.id, userId: user.id, role: input.role ?? "admin" });
    return { organisationId: org!.id, userId: user.id };
  });
}
