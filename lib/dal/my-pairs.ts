import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cohorts, enrollments, meetings, pairs, partners, programmes, users, type MeetingSide, type PartnerKind } from "@/db/schema";
import { requireUser, type Actor } from "./actor";
import { asActor } from "./rls";
import type { DbOrTx } from "./tx";

interface MyPairBase {
  pairId: string;
  side: MeetingSide;
  cohortId: string;
  cohortName: string;
  programmeName: string;
  confirmedAt: Date;
  /** Every meeting either side logged, whatever its status. */
  meetingsLogged: number;
  meetingsConfirmed: number;
  /** Meetings the other side logged that wait for this person's answer. */
  meetingsAwaitingMe: number;
}

/** What each side sees of the other: only what they need to work together. */
export type MyPair =
  | (MyPairBase & {
      side: "participant";
      partner: { id: string; name: string; kind: PartnerKind; helpRequest: string; description: string; website: string; location: string; contactName: string; contactEmail: string; contactPhone: string | null };
    })
  | (MyPairBase & {
      side: "partner";
      partner: { id: string; name: string };
      participant: { name: string; email: string; employer: string; jobTitle: string; policyAreas: string[] };
    });

/**
 * The actor's active pairs: as a participant their own pair, as a partner's owner the pairs of
 * their partners across cohorts. Only in organisations the actor is still a member of.
 */
export async function listMyPairs(actor: Actor | null): Promise<MyPair[]> {
  const user = requireUser(actor);
  const orgs = user.memberships.map((m) => m.organisationId);
  // Walled to the person's organisations: the pairs shown are only ever there.
  const { asParticipant, asPartner, stats } = await asActor(user, async (db) => {
  const owner = alias(users, "owner");
  const person = alias(users, "person");
  const base = {
    pairId: pairs.id,
    cohortId: cohorts.id,
    cohortName: cohorts.name,
    programmeName: programmes.name,
    confirmedAt: pairs.confirmedAt,
    partnerId: partners.id,
    partnerName: partners.name,
  };
  const active = and(eq(pairs.status, "confirmed"), inArray(pairs.organisationId, orgs));
  const [asParticipant, asPartner] = await Promise.all([
    db
      .select({
        ...base,
        kind: partners.kind,
        helpRequest: partners.helpRequest,
        description: partners.description,
        website: partners.website,
        location: partners.location,
        contactEmail: sql<string>`coalesce(nullif(${partners.contactEmail}, ''), ${owner.email}, '')`,
        contactPhone: partners.contactPhone,
        contactName: sql<string>`coalesce(${owner.name}, ${partners.name})`,
      })
      .from(pairs)
      .innerJoin(cohorts, eq(cohorts.id, pairs.cohortId))
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .innerJoin(partners, eq(partners.id, pairs.partnerId))
      .innerJoin(enrollments, eq(enrollments.id, pairs.enrollmentId))
      .leftJoin(owner, eq(owner.id, partners.ownerUserId))
      .where(and(active, eq(enrollments.userId, user.userId)))
      .orderBy(asc(cohorts.startDate)),
    db
      .select({
        ...base,
        participantName: sql<string>`coalesce(${person.name}, ${person.email})`,
        email: person.email,
        employer: enrollments.employer,
        jobTitle: enrollments.jobTitle,
        policyAreas: enrollments.policyAreas,
      })
      .from(pairs)
      .innerJoin(cohorts, eq(cohorts.id, pairs.cohortId))
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .innerJoin(partners, eq(partners.id, pairs.partnerId))
      .innerJoin(enrollments, eq(enrollments.id, pairs.enrollmentId))
      .innerJoin(person, eq(person.id, enrollments.userId))
      .where(and(active, eq(partners.ownerUserId, user.userId)))
      .orderBy(asc(cohorts.startDate), asc(person.name)),
  ]);
  const stats = await awaitingStats(db, [...asParticipant.map((r) => r.pairId), ...asPartner.map((r) => r.pairId)]);
  return { asParticipant, asPartner, stats };
  });
  const counts = (pairId: string, side: MeetingSide) => ({
    meetingsLogged: stats.get(pairId)?.logged ?? 0,
    meetingsConfirmed: stats.get(pairId)?.confirmed ?? 0,
    // Awaiting me: logged by the other side.
    meetingsAwaitingMe: side === "participant" ? (stats.get(pairId)?.byPartner ?? 0) : (stats.get(pairId)?.byParticipant ?? 0),
  });
  return [
    ...asParticipant.map((r): MyPair => ({
      pairId: r.pairId,
      side: "participant",
      cohortId: r.cohortId,
      cohortName: r.cohortName,
      programmeName: r.programmeName,
      confirmedAt: r.confirmedAt,
      ...counts(r.pairId, "participant"),
      partner: {
        id: r.partnerId,
        name: r.partnerName,
        kind: r.kind,
        helpRequest: r.helpRequest,
        description: r.description,
        website: r.website,
        location: r.location,
        contactName: r.contactName,
        contactEmail: r.contactEmail,
        contactPhone: r.contactPhone,
      },
    })),
    ...asPartner.map((r): MyPair => ({
      pairId: r.pairId,
      side: "partner",
      cohortId: r.cohortId,
      cohortName: r.cohortName,
      programmeName: r.programmeName,
      confirmedAt: r.confirmedAt,
      ...counts(r.pairId, "partner"),
      partner: { id: r.partnerId, name: r.partnerName },
      participant: { name: r.participantName, email: r.email, employer: r.employer, jobTitle: r.jobTitle, policyAreas: r.policyAreas },
    })),
  ];
}

async function awaitingStats(db: DbOrTx, pairIds: string[]) {
  const rows = await db
    .select({
      pairId: meetings.pairId,
      logged: sql<number>`count(*)::int`,
      confirmed: sql<number>`(count(*) filter (where ${meetings.status} = 'confirmed'))::int`,
      byParticipant: sql<number>`(count(*) filter (where ${meetings.status} = 'logged' and ${meetings.loggedBySide} = 'participant'))::int`,
      byPartner: sql<number>`(count(*) filter (where ${meetings.status} = 'logged' and ${meetings.loggedBySide} = 'partner'))::int`,
    })
    .from(meetings)
    .where(inArray(meetings.pairId, pairIds))
    .groupBy(meetings.pairId);
  return new Map(rows.map((r) => [r.pairId, r]));
}
