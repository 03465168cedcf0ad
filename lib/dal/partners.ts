import { and, asc, eq, exists, ilike, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cohortPartners, cohorts, memberships, organisations, pairs, partners, programmes, users, type Locale, type PartnerStatus } from "@/db/schema";
import { renderPartnerMail, type PartnerMailKind } from "@/emails/partners";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { HelpRequestInput, InvitePartnerInput, PartnerDecision, PartnerEditInput, RegisterPartnerInput } from "@/lib/validation/partner";
import { assertRole, COORDINATING, currentOrganisation, type Actor } from "./actor";
import { recordAudit } from "./audit";
import { normaliseEmail, signInPageUrl } from "./auth";
import { enqueueMail } from "./mail";
import { ensureUser } from "./members";
import { actorUserId } from "./pair-rules";
import { isUuid } from "./programmes";
import { organisationPolicyAreas, publicPolicyAreas, storedAreas, withUnmatched } from "./policy-areas";
import { limitPublicForm } from "./rate-limit";
import { asActor, inScope, tenant } from "./rls";
import type { Tx } from "./tx";

export { linkPartnerToCohort, unlinkPartnerFromCohort } from "./cohort-partners";


/** Organisations an initiative can register with on the public form: those that run a programme. */
export async function listPublicOrganisationsForRegistration(): Promise<{ id: string; slug: string; name: string; policyAreas: string[] }[]> {
  // The catalogue's scope: programmes of every organisation, nothing else.
  const orgs = await inScope({ kind: "public" }, (db) =>
    db
      .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
      .from(organisations)
      .where(exists(db.select({ one: sql`1` }).from(programmes).where(eq(programmes.organisationId, organisations.id))))
      .orderBy(asc(organisations.name))
      .limit(200),
  );
  // The areas its published cohorts offer participants: the list a partner chooses from.
  const areas = await publicPolicyAreas(orgs.map((o) => o.id));
  return orgs.map((o) => ({ ...o, policyAreas: areas.get(o.id) ?? [] }));
}

/** Mails a partner's owner (in their language) about the partner; the button leads to the sign-in page. */
async function mailOwner(tx: Tx, partnerId: string, kind: PartnerMailKind, opts: { inviter?: string; reason?: string } = {}) {
  const [row] = await tx
    .select({ partner: partners.name, organisationId: partners.organisationId, organisation: organisations.name, email: users.email, name: users.name, locale: users.locale })
    .from(partners)
    .innerJoin(organisations, eq(organisations.id, partners.organisationId))
    .innerJoin(users, eq(users.id, partners.ownerUserId))
    .where(eq(partners.id, partnerId));
  if (!row) return;
  const path = `/${row.locale}/partner`;
  const url = signInPageUrl(row.locale, row.email, path);
  const mail = renderPartnerMail(row.locale, kind, { ...opts, name: row.name ?? row.email, partner: row.partner, organisation: row.organisation, url });
  await enqueueMail(tx, { ...mail, to: row.email, locale: row.locale, template: `partner-${kind}`, organisationId: row.organisationId });
}

/** The profile columns shared by every write; policy areas in the organisation's spelling where they match its list. */
async function profileValues(tx: Tx, organisationId: string, input: HelpRequestInput, fallbackEmail: string) {
  return {
    description: input.description,
    website: input.website,
    location: input.location,
    region: input.region,
    helpRequest: input.helpRequest,
    policyAreas: await storedAreas(tx, organisationId, input),
    languages: input.languages,
    capacityPerCohort: input.capacityPerCohort,
    contactEmail: input.contactEmail ?? fallbackEmail,
    contactPhone: input.contactPhone,
  };
}

/**
 * An initiative owner registers their initiative with an organisation on the public form. No
 * account is needed: one is made for the address (or the signed-in person is used), made a
 * partner member of the organisation and mailed a sign-in link. The partner waits for a
 * coordinator's approval.
 */
export async function registerPartner(
  actor: Actor | null,
  organisationSlugOrId: string,
  input: RegisterPartnerInput,
  opts: { locale: Locale; ip?: string },
): Promise<{ partnerId: string }> {
  const signedIn = actor?.kind === "user" ? actor : null;
  const db = await getDb();
  if (!signedIn && actor?.kind !== "system") await limitPublicForm(db, "partner", { email: input.ownerEmail, ip: opts.ip });
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(isUuid(organisationSlugOrId) ? eq(organisations.id, organisationSlugOrId) : eq(organisations.slug, organisationSlugOrId));
  if (!org) throw new NotFoundError();
  const email = signedIn ? signedIn.email : normaliseEmail(input.ownerEmail);
  // Organisations are not walled; the registration is written behind the chosen one's wall.
  return inScope(tenant(org.id), async (tx) => {
    const user = await ensureUser(tx, email, input.ownerName, signedIn?.locale ?? opts.locale);
    if (!user.name) await tx.update(users).set({ name: input.ownerName }).where(eq(users.id, user.id));
    const [twin] = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.organisationId, org.id), eq(partners.ownerUserId, user.id), ne(partners.status, "declined"), sql`lower(${partners.name}) = lower(${input.name})`));
    if (twin) throw new ConflictError("partnerExists", "name");
    const [row] = await tx
      .insert(partners)
      .values({ ...(await profileValues(tx, org.id, input, email)), organisationId: org.id, ownerUserId: user.id, kind: input.kind, name: input.name, status: "pending", registeredById: user.id })
      .returning({ id: partners.id });
    await tx.insert(memberships).values({ organisationId: org.id, userId: user.id, role: "partner" }).onConflictDoNothing();
    await mailOwner(tx, row!.id, "registered");
    return { partnerId: row!.id };
  });
}

/** A coordinator puts a partner on Koppel, approved at once, and invites its owner by mail. */
export async function invitePartner(actor: Actor | null, input: InvitePartnerInput): Promise<{ partnerId: string }> {
  const organisationId = currentOrganisation(actor, COORDINATING);
  const by = actorUserId(actor);
  const email = normaliseEmail(input.ownerEmail);
  return inScope(tenant(organisationId), async (tx) => {
    const owner = await ensureUser(tx, email, input.ownerName, input.ownerLocale);
    const now = new Date();
    const [row] = await tx
      .insert(partners)
      .values({
        ...(await profileValues(tx, organisationId, input, email)),
        organisationId,
        ownerUserId: owner.id,
        kind: input.kind,
        name: input.name,
        aliases: input.aliases,
        status: "approved",
        registeredById: by,
        decidedById: by,
        decidedAt: now,
      })
      .returning({ id: partners.id });
    await tx.insert(memberships).values({ organisationId, userId: owner.id, role: "partner", invitedById: by, invitedAt: now }).onConflictDoNothing();
    await recordAudit(tx, {
      action: "partner_invited",
      organisationId,
      actorUserId: by,
      targetType: "partner",
      targetId: row!.id,
      detail: { email, partner: input.name, kind: input.kind },
    });
    const inviter = actor?.kind === "user" ? (actor.name ?? actor.email) : "Koppel";
    await mailOwner(tx, row!.id, "invited", { inviter });
    return { partnerId: row!.id };
  });
}

/** Who the actor is to a partner: a coordinator of its organisation or its owner; 404 outside it, 403 otherwise. */
async function partnerAccess(db: Tx, actor: Actor | null, partnerId: string) {
  if (!actor) throw new UnauthenticatedError();
  if (!isUuid(partnerId)) throw new NotFoundError();
  const [head] = await db.select({ organisationId: partners.organisationId, ownerUserId: partners.ownerUserId }).from(partners).where(eq(partners.id, partnerId));
  if (!head) throw new NotFoundError();
  if (actor.kind === "system") return { db, ...head, coordinator: true };
  const membership = actor.memberships.find((m) => m.organisationId === head.organisationId);
  if (!membership) throw new NotFoundError();
  if (COORDINATING.includes(membership.role)) return { db, ...head, coordinator: true };
  if (head.ownerUserId === actor.userId) return { db, ...head, coordinator: false };
  throw new ForbiddenError();
}

/** A coordinator approves or declines a partner, with an optional reason; the owner is told. Declining is refused while it has active pairs. */
export async function decidePartner(actor: Actor | null, partnerId: string, decision: PartnerDecision, reason = ""): Promise<void> {
  if (!isUuid(partnerId)) throw new NotFoundError();
  const to: PartnerStatus = decision === "approve" ? "approved" : "declined";
  await asActor(actor, async (tx) => {
    const [head] = await tx.select({ organisationId: partners.organisationId }).from(partners).where(eq(partners.id, partnerId));
    if (!head) throw new NotFoundError();
    assertRole(actor, head.organisationId, COORDINATING);
    const [p] = await tx.select({ status: partners.status }).from(partners).where(eq(partners.id, partnerId)).for("update");
    if (!p || p.status === to) return;
    if (to === "declined") {
      const [active] = await tx.select({ id: pairs.id }).from(pairs).where(and(eq(pairs.partnerId, partnerId), eq(pairs.status, "confirmed"))).limit(1);
      if (active) throw new ConflictError("partnerHasPairs");
    }
    const why = reason.trim().slice(0, 1000);
    await tx
      .update(partners)
      .set({ status: to, decidedById: actorUserId(actor), decidedAt: new Date(), decisionReason: why, updatedAt: new Date() })
      .where(eq(partners.id, partnerId));
    await mailOwner(tx, partnerId, to === "approved" ? "approved" : "declined", { reason: why || undefined });
  });
}

/** The organisation's partners for a coordinator, filtered by status, kind or a search on the name. */
export async function listPartners(actor: Actor | null, filters: { status?: PartnerStatus; kind?: "initiative" | "host" | "coach"; q?: string } = {}) {
  const organisationId = currentOrganisation(actor, COORDINATING);
  const where: SQL[] = [eq(partners.organisationId, organisationId)];
  if (filters.status) where.push(eq(partners.status, filters.status));
  if (filters.kind) where.push(eq(partners.kind, filters.kind));
  if (filters.q?.trim()) where.push(ilike(partners.name, `%${filters.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return inScope(tenant(organisationId), async (db) => {
    const listed = await organisationPolicyAreas(db, organisationId);
    const rows = await db
      .select({
        id: partners.id,
        name: partners.name,
        kind: partners.kind,
        status: partners.status,
        region: partners.region,
        location: partners.location,
        policyAreas: partners.policyAreas,
        languages: partners.languages,
        capacityPerCohort: partners.capacityPerCohort,
        ownerName: users.name,
        ownerEmail: users.email,
        registeredAt: partners.registeredAt,
        cohortCount: sql<number>`(SELECT count(*)::int FROM ${cohortPartners} cp WHERE cp.partner_id = ${partners.id})`,
        activePairs: sql<number>`(SELECT count(*)::int FROM ${pairs} p WHERE p.partner_id = ${partners.id} AND p.status = 'confirmed')`,
      })
      .from(partners)
      .leftJoin(users, eq(users.id, partners.ownerUserId))
      .where(and(...where))
      .orderBy(asc(partners.name))
      .limit(500);
    return withUnmatched(rows, listed);
  });
}

/** One partner with its profile, owner and cohorts: for a coordinator of its organisation or its owner. */
export async function getPartner(actor: Actor | null, partnerId: string) {
  return asActor(actor, async (tx) => {
    const access = await partnerAccess(tx, actor, partnerId);
    const [p] = await access.db
      .select({
        id: partners.id,
        organisationId: partners.organisationId,
        name: partners.name,
        kind: partners.kind,
        status: partners.status,
        description: partners.description,
        website: partners.website,
        location: partners.location,
        region: partners.region,
        helpRequest: partners.helpRequest,
        policyAreas: partners.policyAreas,
        languages: partners.languages,
        capacityPerCohort: partners.capacityPerCohort,
        contactEmail: partners.contactEmail,
        contactPhone: partners.contactPhone,
        aliases: partners.aliases,
        registeredAt: partners.registeredAt,
        decidedAt: partners.decidedAt,
        decisionReason: partners.decisionReason,
        ownerName: users.name,
        ownerEmail: users.email,
      })
      .from(partners)
      .leftJoin(users, eq(users.id, partners.ownerUserId))
      .where(eq(partners.id, partnerId));
    const cohortLinks = await access.db
      .select({
        cohortId: cohorts.id,
        cohortName: cohorts.name,
        startDate: cohorts.startDate,
        capacity: cohortPartners.capacity,
        paired: sql<number>`(SELECT count(*)::int FROM ${pairs} p WHERE p.partner_id = ${cohortPartners.partnerId} AND p.cohort_id = ${cohortPartners.cohortId} AND p.status = 'confirmed')`,
      })
      .from(cohortPartners)
      .innerJoin(cohorts, eq(cohorts.id, cohortPartners.cohortId))
      .where(eq(cohortPartners.partnerId, partnerId))
      .orderBy(asc(cohorts.startDate));
    // Areas matching none of the organisation's list: shown to coordinators to map.
    const listed = await organisationPolicyAreas(access.db, access.organisationId);
    const [withAreas] = withUnmatched([p!], listed);
    return { ...withAreas!, listedAreas: listed, cohorts: cohortLinks, canEditIdentity: access.coordinator };
  });
}

/**
 * The owner (or a coordinator) updates the help request and what pairing uses: policy areas,
 * languages, region, capacity, contact. Only coordinators may change the name, kind or other names.
 */
export async function updateHelpRequest(actor: Actor | null, partnerId: string, input: HelpRequestInput | PartnerEditInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const access = await partnerAccess(tx, actor, partnerId);
    const identity = "name" in input ? { name: input.name, kind: input.kind, aliases: input.aliases } : {};
    if ("name" in input && !access.coordinator) throw new ForbiddenError();
    const [owner] = access.ownerUserId ? await access.db.select({ email: users.email }).from(users).where(eq(users.id, access.ownerUserId)) : [];
    await access.db
      .update(partners)
      .set({ ...(await profileValues(access.db, access.organisationId, input, owner?.email ?? "")), ...identity, updatedAt: new Date() })
      .where(and(eq(partners.id, partnerId), eq(partners.organisationId, access.organisationId)));
  });
}
