/**
 * Publishing, archiving, restoring and deleting programmes and cohorts (coordinators of the
 * record's organisation; another organisation's record is a 404, another role a 403). Every
 * change is recorded in the audit log in the same transaction.
 *
 * - A cohort starts as a draft (createCohort); `publishCohort` makes it public (open).
 * - Archived: hidden from default lists and public pages, read-only, restorable. Archiving a
 *   programme archives its cohorts at the same moment; restoring it restores those (and only
 *   those: a cohort archived on its own before stays archived).
 * - Deleted: only while nothing depends on it. A cohort: no applications (any status, archived
 *   too), no pairs, no linked partners and no sign-up waiting for its confirmation link. A
 *   programme: no cohorts (archived ones too). Its questions go with a cohort.
 */
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { cohortPartners, cohorts, enrollments, pairs, programmes, signUpRequests } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertRole, COORDINATING, currentOrganisation, type Actor } from "./actor";
import { recordAudit } from "./audit";
import { isUuid } from "./programmes";
import { asActor, inScope, tenant } from "./rls";
import { lockCohortRow, type Tx } from "./tx";

const actorId = (actor: Actor | null): string | null => (actor?.kind === "user" ? actor.userId : null);

/** What keeps a cohort from being deleted; all zero means it can be. */
export interface CohortDependents {
  applications: number;
  pairs: number;
  partners: number;
  pendingSignUps: number;
}

export const hasDependents = (d: CohortDependents): boolean => d.applications + d.pairs + d.partners + d.pendingSignUps > 0;

async function ownCohort(tx: Tx, actor: Actor | null, id: string, lock = false) {
  if (lock && !(await lockCohortRow(tx, id))) throw new NotFoundError();
  const [row] = await tx
    .select({ id: cohorts.id, organisationId: cohorts.organisationId, programmeId: cohorts.programmeId, name: cohorts.name, status: cohorts.status, archivedAt: cohorts.archivedAt })
    .from(cohorts)
    .where(eq(cohorts.id, id));
  if (!row) throw new NotFoundError();
  assertRole(actor, row.organisationId, COORDINATING);
  return row;
}

async function ownProgramme(tx: Tx, actor: Actor | null, id: string) {
  const [row] = await tx
    .select({ id: programmes.id, organisationId: programmes.organisationId, name: programmes.name, archivedAt: programmes.archivedAt })
    .from(programmes)
    .where(eq(programmes.id, id))
    .for("update");
  if (!row) throw new NotFoundError();
  assertRole(actor, row.organisationId, COORDINATING);
  return row;
}

async function countDependents(tx: Tx, cohortId: string, now: Date): Promise<CohortDependents> {
  const n = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
  return {
    applications: await n(tx.select({ n: count() }).from(enrollments).where(eq(enrollments.cohortId, cohortId))),
    pairs: await n(tx.select({ n: count() }).from(pairs).where(eq(pairs.cohortId, cohortId))),
    partners: await n(tx.select({ n: count() }).from(cohortPartners).where(eq(cohortPartners.cohortId, cohortId))),
    pendingSignUps: await n(
      tx
        .select({ n: count() })
        .from(signUpRequests)
        .where(and(eq(signUpRequests.cohortId, cohortId), isNull(signUpRequests.confirmedAt), gt(signUpRequests.expiresAt, now))),
    ),
  };
}

/** What depends on a cohort (coordinators): the page says it, and deleting is refused while any is there. */
export async function getCohortDependents(actor: Actor | null, id: string, now: Date = new Date()): Promise<CohortDependents> {
  if (!isUuid(id)) throw new NotFoundError();
  return asActor(actor, async (tx) => {
    await ownCohort(tx, actor, id);
    return countDependents(tx, id, now);
  });
}

/** Publishes a draft cohort: it appears in the catalogue, on its public page and in the API, and sign-up opens in its window. */
export async function publishCohort(actor: Actor | null, id: string): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const c = await ownCohort(tx, actor, id, true);
    if (c.archivedAt) throw new ConflictError("archived");
    if (c.status !== "draft") throw new ConflictError("alreadyPublished");
    await tx
      .update(cohorts)
      .set({ status: "open", updatedAt: new Date() })
      .where(and(eq(cohorts.id, id), eq(cohorts.organisationId, c.organisationId)));
    await recordAudit(tx, { action: "cohort_published", organisationId: c.organisationId, actorUserId: actorId(actor), targetType: "cohort", targetId: id, detail: { name: c.name } });
  });
}

/** Archives a cohort: off the catalogue and default lists, read-only until restored. */
export async function archiveCohort(actor: Actor | null, id: string, now: Date = new Date()): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const c = await ownCohort(tx, actor, id, true);
    if (c.archivedAt) return;
    await tx
      .update(cohorts)
      .set({ archivedAt: now, updatedAt: now })
      .where(and(eq(cohorts.id, id), eq(cohorts.organisationId, c.organisationId)));
    await recordAudit(tx, { action: "record_archived", organisationId: c.organisationId, actorUserId: actorId(actor), targetType: "cohort", targetId: id, detail: { name: c.name } });
  });
}

/** Restores an archived cohort; refused (programmeArchived) while its programme is archived. */
export async function restoreCohort(actor: Actor | null, id: string): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const c = await ownCohort(tx, actor, id, true);
    if (!c.archivedAt) return;
    const [p] = await tx.select({ archivedAt: programmes.archivedAt }).from(programmes).where(eq(programmes.id, c.programmeId));
    if (p?.archivedAt) throw new ConflictError("programmeArchived");
    await tx
      .update(cohorts)
      .set({ archivedAt: null, updatedAt: new Date() })
      .where(and(eq(cohorts.id, id), eq(cohorts.organisationId, c.organisationId)));
    await recordAudit(tx, { action: "record_restored", organisationId: c.organisationId, actorUserId: actorId(actor), targetType: "cohort", targetId: id, detail: { name: c.name } });
  });
}

/** Deletes a cohort and its questions; refused (hasDependents) while anything depends on it. Returns its programme. */
export async function deleteCohort(actor: Actor | null, id: string, now: Date = new Date()): Promise<{ programmeId: string; name: string }> {
  if (!isUuid(id)) throw new NotFoundError();
  return asActor(actor, async (tx) => {
    const c = await ownCohort(tx, actor, id, true);
    if (hasDependents(await countDependents(tx, id, now))) throw new ConflictError("hasDependents");
    // Unconfirmed sign-ups whose link has lapsed hold nothing; they go with the cohort (cascade).
    await tx.delete(cohorts).where(and(eq(cohorts.id, id), eq(cohorts.organisationId, c.organisationId)));
    await recordAudit(tx, { action: "record_deleted", organisationId: c.organisationId, actorUserId: actorId(actor), targetType: "cohort", targetId: id, detail: { name: c.name } });
    return { programmeId: c.programmeId, name: c.name };
  });
}

/** How many cohorts (archived ones too) a programme has: it can be deleted only with none. */
export async function countProgrammeCohorts(actor: Actor | null, id: string): Promise<number> {
  if (!isUuid(id)) throw new NotFoundError();
  return asActor(actor, async (tx) => {
    const [p] = await tx.select({ organisationId: programmes.organisationId }).from(programmes).where(eq(programmes.id, id));
    if (!p) throw new NotFoundError();
    assertRole(actor, p.organisationId, COORDINATING);
    const [row] = await tx.select({ n: count() }).from(cohorts).where(eq(cohorts.programmeId, id));
    return Number(row?.n ?? 0);
  });
}

/** Archives a programme and, at the same moment, those of its cohorts not archived yet. */
export async function archiveProgramme(actor: Actor | null, id: string, now: Date = new Date()): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const p = await ownProgramme(tx, actor, id);
    if (p.archivedAt) return;
    await tx
      .update(programmes)
      .set({ archivedAt: now, updatedAt: now })
      .where(and(eq(programmes.id, id), eq(programmes.organisationId, p.organisationId)));
    const archived = await tx
      .update(cohorts)
      .set({ archivedAt: now, updatedAt: now })
      .where(and(eq(cohorts.programmeId, id), eq(cohorts.organisationId, p.organisationId), isNull(cohorts.archivedAt)))
      .returning({ id: cohorts.id });
    await recordAudit(tx, {
      action: "record_archived",
      organisationId: p.organisationId,
      actorUserId: actorId(actor),
      targetType: "programme",
      targetId: id,
      detail: { name: p.name, cohorts: archived.length },
    });
  });
}

/** Restores a programme and the cohorts archived with it (not those archived on their own before). */
export async function restoreProgramme(actor: Actor | null, id: string): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const p = await ownProgramme(tx, actor, id);
    if (!p.archivedAt) return;
    const now = new Date();
    await tx
      .update(cohorts)
      .set({ archivedAt: null, updatedAt: now })
      .where(and(eq(cohorts.programmeId, id), eq(cohorts.organisationId, p.organisationId), sql`${cohorts.archivedAt} = ${p.archivedAt.toISOString()}::timestamptz`));
    await tx
      .update(programmes)
      .set({ archivedAt: null, updatedAt: now })
      .where(and(eq(programmes.id, id), eq(programmes.organisationId, p.organisationId)));
    await recordAudit(tx, { action: "record_restored", organisationId: p.organisationId, actorUserId: actorId(actor), targetType: "programme", targetId: id, detail: { name: p.name } });
  });
}

/** Deletes a programme; refused (hasCohorts) while it has any cohort, archived ones included. */
export async function deleteProgramme(actor: Actor | null, id: string): Promise<{ name: string }> {
  if (!isUuid(id)) throw new NotFoundError();
  return asActor(actor, async (tx) => {
    const p = await ownProgramme(tx, actor, id);
    const [row] = await tx.select({ n: count() }).from(cohorts).where(eq(cohorts.programmeId, id));
    if (Number(row?.n ?? 0) > 0) throw new ConflictError("hasCohorts");
    await tx.delete(programmes).where(and(eq(programmes.id, id), eq(programmes.organisationId, p.organisationId)));
    await recordAudit(tx, { action: "record_deleted", organisationId: p.organisationId, actorUserId: actorId(actor), targetType: "programme", targetId: id, detail: { name: p.name } });
    return { name: p.name };
  });
}

/** Archived programmes and cohorts of the actor's current organisation, newest archived first (the archive page). */
export async function listArchived(actor: Actor | null) {
  const organisationId = currentOrganisation(actor, COORDINATING);
  return inScope(tenant(organisationId), async (tx) => ({
    programmes: await tx
      .select({ id: programmes.id, name: programmes.name, archivedAt: programmes.archivedAt })
      .from(programmes)
      .where(and(eq(programmes.organisationId, organisationId), sql`${programmes.archivedAt} IS NOT NULL`))
      .orderBy(sql`${programmes.archivedAt} DESC`, programmes.name)
      .limit(200),
    cohorts: await tx
      .select({
        id: cohorts.id,
        name: cohorts.name,
        programmeId: cohorts.programmeId,
        programmeName: programmes.name,
        programmeArchived: sql<boolean>`${programmes.archivedAt} IS NOT NULL`,
        startDate: cohorts.startDate,
        endDate: cohorts.endDate,
        archivedAt: cohorts.archivedAt,
      })
      .from(cohorts)
      .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
      .where(and(eq(cohorts.organisationId, organisationId), sql`${cohorts.archivedAt} IS NOT NULL`))
      .orderBy(sql`${cohorts.archivedAt} DESC`, cohorts.name)
      .limit(200),
  }));
}
