import { and, asc, count, eq, isNull } from "drizzle-orm";
import { cohorts, organisations, programmes } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ProgrammeInput } from "@/lib/validation/programme";
import { assertRole, COORDINATING, currentOrganisation, type Actor } from "./actor";
import { asActor, inScope, tenant } from "./rls";
import type { Tx } from "./tx";

export type Programme = typeof programmes.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string): boolean => UUID.test(v);

/** Programmes of the actor's current organisation that are not archived, with how many cohorts (not archived) each has. */
export async function listProgrammes(actor: Actor | null) {
  const organisationId = currentOrganisation(actor, COORDINATING);
  return inScope(tenant(organisationId), (tx) =>
    tx
      .select({
        id: programmes.id,
        name: programmes.name,
        effortHalfDaysMin: programmes.effortHalfDaysMin,
        effortHalfDaysMax: programmes.effortHalfDaysMax,
        durationMonths: programmes.durationMonths,
        cohortCount: count(cohorts.id),
      })
      .from(programmes)
      .leftJoin(cohorts, and(eq(cohorts.programmeId, programmes.id), isNull(cohorts.archivedAt)))
      .where(and(eq(programmes.organisationId, organisationId), isNull(programmes.archivedAt)))
      .groupBy(programmes.id)
      .orderBy(asc(programmes.name)),
  );
}

/** One programme; 404 outside the actor's organisations, 403 for a role that may not manage it. */
export async function getProgramme(actor: Actor | null, id: string): Promise<Programme> {
  if (!isUuid(id)) throw new NotFoundError();
  return asActor(actor, (tx) => findProgramme(tx, actor, id));
}

/** getProgramme inside a scoped transaction the caller holds. */
async function findProgramme(tx: Tx, actor: Actor | null, id: string): Promise<Programme> {
  const [row] = await tx.select().from(programmes).where(eq(programmes.id, id));
  if (!row) throw new NotFoundError();
  assertRole(actor, row.organisationId, COORDINATING);
  return row;
}

/** Creates a programme in the actor's current organisation. */
export async function createProgramme(actor: Actor | null, input: ProgrammeInput): Promise<{ id: string }> {
  const organisationId = currentOrganisation(actor, COORDINATING);
  const [row] = await inScope(tenant(organisationId), (tx) => tx.insert(programmes).values({ ...input, organisationId }).returning({ id: programmes.id }));
  return row!;
}

/** Edits a programme the actor coordinates; an archived one is read-only. */
export async function updateProgramme(actor: Actor | null, id: string, input: ProgrammeInput): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const existing = await findProgramme(tx, actor, id);
    if (existing.archivedAt) throw new ConflictError("archived");
    await tx
      .update(programmes)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(programmes.id, id), eq(programmes.organisationId, existing.organisationId)));
  });
}

/** What anyone may see of every organisation's programmes that are not archived (home page, catalogue). */
export async function listPublicProgrammes() {
  return inScope({ kind: "public" }, (tx) =>
    tx
      .select({
        id: programmes.id,
        name: programmes.name,
        description: programmes.description,
        effortHalfDaysMin: programmes.effortHalfDaysMin,
        effortHalfDaysMax: programmes.effortHalfDaysMax,
        durationMonths: programmes.durationMonths,
        organisationName: organisations.name,
      })
      .from(programmes)
      .innerJoin(organisations, eq(organisations.id, programmes.organisationId))
      .where(isNull(programmes.archivedAt))
      .orderBy(asc(organisations.name), asc(programmes.name))
      .limit(100),
  );
}
