/**
 * A person deletes their own account. Erased: name, email address (an unusable placeholder takes
 * its place), sign-up details (employer, department, job title, motivation, answers, languages,
 * region), free text in their history and meeting notes, API tokens, sessions, pending sign-in
 * links and the mail queued or sent to them. Kept, without anything that names them: their
 * enrollments (status and dates), pairs and meetings (dates and durations), so cohort totals
 * and hours already reported stay right. Open sign-ups are withdrawn as a withdrawal would be:
 * an active pair ends ("accountDeleted") and a held place is offered to the waitlist.
 */
import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import {
  accounts,
  apiTokens,
  enrollments,
  mailOutbox,
  memberships,
  organisations,
  pairs,
  partners,
  rateLimits,
  sessions,
  signUpRequests,
  users,
  verificationTokens,
  type EnrollmentStatus,
} from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { requireUser, type Actor } from "./actor";
import { normaliseEmail } from "./auth";
import { enrollmentRowColumns, lockCohort, offerFreedPlaces, transition } from "./enrollment-rules";
import { endPairsOfEnrollment } from "./pair-rules";
import { applyScope, inScope, narrowTo, tenant, withSignInSecrets, type Scope } from "./rls";
import type { Tx } from "./tx";

const personScope = (userId: string): Scope => ({ kind: "person", userId });

/** Sign-ups still in play: deleting the account withdraws them. */
const OPEN: readonly EnrollmentStatus[] = ["applied", "waitlisted", "offered", "accepted"];
/** Reasons Koppel writes are keys ("placeFreed", "enrollment:withdrawn"); anything else is someone's own words. */
const KEY_REASON = "^[a-z][A-Za-z]*(:[a-z]+)?$";
export const ACCOUNT_DELETED_REASON = "accountDeleted";

export interface AccountDeletionPreview {
  email: string;
  /** Organisations in which the person is the only admin: deletion is refused until another admin exists. */
  lastAdminOf: string[];
  enrollments: number;
  openEnrollments: number;
  placesHeld: number;
  activePairs: number;
  partnersOwned: number;
  apiTokens: number;
  sessions: number;
  mails: number;
}

/** What deleting the acting person's account would erase, end and keep; shown before they confirm. */
export async function describeAccountDeletion(actor: Actor | null): Promise<AccountDeletionPreview> {
  const user = requireUser(actor);
  const me = user.userId;
  return inScope(personScope(me), async (db) => {
    const [mine, activePairs, owned, tokens, sess, mails] = await Promise.all([
      db.select({ status: enrollments.status }).from(enrollments).where(eq(enrollments.userId, me)),
      db
        .select({ n: count() })
        .from(pairs)
        .innerJoin(enrollments, eq(enrollments.id, pairs.enrollmentId))
        .where(and(eq(enrollments.userId, me), eq(pairs.status, "confirmed"))),
      db.select({ n: count() }).from(partners).where(eq(partners.ownerUserId, me)),
      db.select({ n: count() }).from(apiTokens).where(and(eq(apiTokens.userId, me), isNull(apiTokens.revokedAt))),
      db.select({ n: count() }).from(sessions).where(eq(sessions.userId, me)),
      db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.toAddress, user.email)),
    ]);
    // Last: it looks into the organisations the person administers, then comes back to their scope.
    const lastAdminOf = await soleAdminOrganisations(db, me);
    return {
      email: user.email,
      lastAdminOf: lastAdminOf.map((o) => o.name),
      enrollments: mine.length,
      openEnrollments: mine.filter((e) => OPEN.includes(e.status)).length,
      placesHeld: mine.filter((e) => e.status === "accepted" || e.status === "offered").length,
      activePairs: activePairs[0]?.n ?? 0,
      partnersOwned: owned[0]?.n ?? 0,
      apiTokens: tokens[0]?.n ?? 0,
      sessions: sess[0]?.n ?? 0,
      mails: mails[0]?.n ?? 0,
    };
  });
}

/**
 * Organisations where `userId` is an admin and no other enabled admin exists. Called in the
 * person's scope (their own memberships); counts the other admins behind the wall of the
 * organisations they administer, and returns to the person's scope.
 */
async function soleAdminOrganisations(db: Tx, userId: string) {
  const adminOf = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "admin")))
    .orderBy(asc(organisations.id));
  if (adminOf.length === 0) return [];
  await applyScope(db, { kind: "tenant", organisationIds: adminOf.map((o) => o.id) });
  const others = await db
    .select({ organisationId: memberships.organisationId, n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(
          memberships.organisationId,
          adminOf.map((o) => o.id),
        ),
        eq(memberships.role, "admin"),
        ne(memberships.userId, userId),
        isNull(users.disabledAt),
      ),
    )
    .groupBy(memberships.organisationId);
  await applyScope(db, personScope(userId));
  const covered = new Set(others.filter((o) => o.n > 0).map((o) => o.organisationId));
  return adminOf.filter((o) => !covered.has(o.id));
}

/**
 * Deletes the acting person's own account after they typed their email address to confirm.
 * Refused (`soleAdmin`) while they are the only admin of an organisation. Everything happens in
 * one transaction; every session of the person ends with it.
 */
export async function deleteMyAccount(actor: Actor | null, confirmation: { email: string }): Promise<void> {
  const user = requireUser(actor);
  const me = user.userId;
  let typed: string;
  try {
    typed = normaliseEmail(confirmation.email);
  } catch {
    typed = "";
  }
  if (typed !== user.email) throw new ConflictError("confirmEmailMismatch", "email");
  // The person's scope throughout; each organisation's part (withdrawals, offers, anonymising)
  // runs behind that organisation's wall, and the sign-in secrets as the connecting role.
  await inScope(personScope(me), async (tx) => {
    const [row] = await tx.select({ email: users.email, deletedAt: users.deletedAt }).from(users).where(eq(users.id, me)).for("update");
    if (!row || row.deletedAt) throw new NotFoundError();
    // Lock the organisations the person administers, so two admins deleting themselves at once cannot leave none.
    const adminOrgs = await tx
      .select({ id: memberships.organisationId })
      .from(memberships)
      .where(and(eq(memberships.userId, me), eq(memberships.role, "admin")));
    if (adminOrgs.length > 0) {
      await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          inArray(
            organisations.id,
            adminOrgs.map((o) => o.id),
          ),
        )
        .orderBy(asc(organisations.id))
        .for("update");
      if ((await soleAdminOrganisations(tx, me)).length > 0) throw new ConflictError("soleAdmin");
    }

    await withdrawOpenEnrollments(tx, me);
    await anonymiseParticipation(tx, me);

    await eraseAccount(tx, me, row.email);
  });
}

/**
 * Erases an account itself (inside the caller's walled transaction, which it leaves in that
 * person's scope): the owner leaves their partners (and their address the partners' contact
 * details), tokens, sessions, sign-in links, queued mail, rate-limit counters and memberships
 * go, and the user row keeps no name or address.
 */
export async function eraseAccount(tx: Tx, userId: string, email: string, now: Date = new Date()): Promise<void> {
  const scope = personScope(userId);
  await applyScope(tx, scope);
  await tx
    .update(partners)
    .set({ contactEmail: sql`CASE WHEN lower(${partners.contactEmail}) = ${email} THEN '' ELSE ${partners.contactEmail} END`, ownerUserId: null, updatedAt: now })
    .where(eq(partners.ownerUserId, userId));
  await tx.delete(apiTokens).where(eq(apiTokens.userId, userId));
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  // No scope may touch sign-in secrets: these two deletes run as the connecting role.
  await withSignInSecrets(tx, scope, async () => {
    await tx.delete(accounts).where(eq(accounts.userId, userId));
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email));
  });
  await tx.delete(mailOutbox).where(eq(mailOutbox.toAddress, email));
  await tx.delete(signUpRequests).where(eq(signUpRequests.email, email));
  await tx.delete(rateLimits).where(inArray(rateLimits.key, ["signin", "signup", "partner"].map((f) => `${f}:addr:${email}`)));
  await tx.delete(memberships).where(eq(memberships.userId, userId));
  await tx
    .update(users)
    .set({ name: null, email: `deleted-${crypto.randomUUID()}@invalid`, emailVerified: null, image: null, timeZone: "Europe/Amsterdam", disabledAt: now, deletedAt: now })
    .where(eq(users.id, userId));
}

/**
 * Withdraws every open sign-up, cohort by cohort under its lock (in id order), each behind its
 * organisation's wall: pairs end and held places go to the waitlist. Back in the person's scope after.
 */
async function withdrawOpenEnrollments(tx: Tx, me: string): Promise<void> {
  const open = await tx
    .selectDistinct({ cohortId: enrollments.cohortId, organisationId: enrollments.organisationId })
    .from(enrollments)
    .where(and(eq(enrollments.userId, me), inArray(enrollments.status, [...OPEN])))
    .orderBy(asc(enrollments.cohortId));
  for (const { cohortId, organisationId } of open) {
    await narrowTo(tx, organisationId);
    const cohort = await lockCohort(tx, cohortId);
    const rows = await tx
      .select(enrollmentRowColumns)
      .from(enrollments)
      .where(and(eq(enrollments.cohortId, cohortId), eq(enrollments.userId, me), inArray(enrollments.status, [...OPEN])))
      .for("update");
    for (const e of rows) {
      const by = { userId: me, reason: ACCOUNT_DELETED_REASON };
      await endPairsOfEnrollment(tx, e.id, by);
      await transition(tx, e, "withdrawn", by);
    }
    await offerFreedPlaces(tx, cohort);
  }
  await applyScope(tx, personScope(me));
}

/**
 * Clears what the person wrote or was written about them, organisation by organisation behind
 * each one's wall; statuses, dates and durations stay for the totals.
 */
async function anonymiseParticipation(tx: Tx, me: string): Promise<void> {
  const orgs = await tx.selectDistinct({ id: enrollments.organisationId }).from(enrollments).where(eq(enrollments.userId, me)).orderBy(asc(enrollments.organisationId));
  for (const { id } of orgs) {
    await applyScope(tx, tenant(id));
    await anonymiseIn(tx, me);
  }
  await applyScope(tx, personScope(me));
}

async function anonymiseIn(tx: Tx, me: string): Promise<void> {
  await tx
    .update(enrollments)
    .set({ employer: "", department: "", jobTitle: "", motivation: "", answers: {}, languages: [], region: null, availableHalfDays: null, offerExpiresAt: null })
    .where(eq(enrollments.userId, me));
  await tx.execute(sql`
    UPDATE enrollment_events ev SET reason = CASE WHEN ev.reason ~ ${KEY_REASON} THEN ev.reason ELSE '' END
    FROM enrollments e WHERE ev.enrollment_id = e.id AND e.user_id = ${me}`);
  await tx.execute(sql`
    UPDATE meetings m SET notes = '', dispute_comment = NULL
    FROM pairs p JOIN enrollments e ON e.id = p.enrollment_id WHERE m.pair_id = p.id AND e.user_id = ${me}`);
  await tx.execute(sql`
    UPDATE pairs p SET end_reason = CASE WHEN p.end_reason ~ ${KEY_REASON} THEN p.end_reason ELSE '' END
    FROM enrollments e WHERE e.id = p.enrollment_id AND e.user_id = ${me}`);
  await tx.execute(sql`
    UPDATE pair_events pe SET reason = CASE WHEN pe.reason ~ ${KEY_REASON} THEN pe.reason ELSE '' END
    FROM pairs p JOIN enrollments e ON e.id = p.enrollment_id WHERE pe.pair_id = p.id AND e.user_id = ${me}`);
}
