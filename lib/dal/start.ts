import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisations, partners } from "@/db/schema";
import { requireUser, type Actor } from "./actor";

/** The partner records (initiative, host or coach) the actor owns. */
export async function listMyPartners(actor: Actor | null) {
  const user = requireUser(actor);
  const db = await getDb();
  return db
    .select({
      id: partners.id,
      name: partners.name,
      kind: partners.kind,
      helpRequest: partners.helpRequest,
      organisationName: organisations.name,
    })
    .from(partners)
    .innerJoin(organisations, eq(organisations.id, partners.organisationId))
    .where(eq(partners.ownerUserId, user.userId))
    .orderBy(asc(partners.name));
}
