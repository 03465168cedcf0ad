import { and, asc, eq, inArray } from "drizzle-orm";
import { organisations, partners } from "@/db/schema";
import { requireUser, type Actor } from "./actor";
import { inScope } from "./rls";

/** The partner records (initiative, host or coach) the actor owns, in organisations they are still a member of. */
export async function listMyPartners(actor: Actor | null) {
  const user = requireUser(actor);
  const orgs = user.memberships.map((m) => m.organisationId);
  return inScope({ kind: "person", userId: user.userId }, (db) =>
    db
      .select({
        id: partners.id,
        name: partners.name,
        kind: partners.kind,
        status: partners.status,
        helpRequest: partners.helpRequest,
        description: partners.description,
        website: partners.website,
        location: partners.location,
        region: partners.region,
        policyAreas: partners.policyAreas,
        languages: partners.languages,
        capacityPerCohort: partners.capacityPerCohort,
        contactEmail: partners.contactEmail,
        contactPhone: partners.contactPhone,
        organisationName: organisations.name,
      })
      .from(partners)
      .innerJoin(organisations, eq(organisations.id, partners.organisationId))
      .where(and(eq(partners.ownerUserId, user.userId), inArray(partners.organisationId, orgs)))
      .orderBy(asc(partners.name)),
  );
}
