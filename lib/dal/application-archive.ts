/**
 * Archiving, restoring and deleting applications (enrollments) by their cohort's coordinators.
 *
 * Only a finished application can be archived or deleted: rejected or withdrawn. Such a person
 * holds no place, waits for nothing and has been told. One still applied, waitlisted, offered or
 * accepted is something the cohort depends on. Deleting also needs the application never to have
 * been paired (its pairs and meetings are the cohort's record). Deleting removes the answers and
 * the history of the application; the person's account stays. Each change is in the audit log
 * (cohort name and status only: nothing about the person outlives a deletion there).
 */
import { and, count, eq } from "drizzle-orm";
import { cohorts, enrollments, pairs, type EnrollmentStatus } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertRole, COORDINATING, type Actor } from "./actor";
import { recordAudit } from "./audit";
import { isUuid } from "./programmes";
import { asActor } from "./rls";
import type { Tx } from "./tx";

/** Statuses in which an application is finished: it may be archived, and deleted when never paired. */
export const FINISHED: readonly EnrollmentStatus[] = ["rejected", "withdrawn"];

const actorId = (actor: Actor | null): string | null => (actor?.kind === "user" ? actor.userId : null);

async function ownApplication(tx: Tx, actor: Actor | null, id: string) {
  if (!isUuid(id)) throw new NotFoundError();
  const [row] = await tx
    .select({
      id: enrollments.id,
      organisationId: enrollments.organisationId,
      cohortId: enrollments.cohortId,
      status: enrollments.status,
      archivedAt: enrollments.archivedAt,
      cohortName: cohorts.name,
      cohortArchivedAt: cohorts.archivedAt,
    })
    .from(enrollments)
    .innerJoin(cohorts, eq(cohorts.id, enrollments.cohortId))
    .where(eq(enrollments.id, id))
    .for("update", { of: enrollments });
  if (!row) throw new NotFoundError();
  assertRole(actor, row.organisationId, COORDINATING);
  return row;
}

/** Whether an application can be archived or deleted now, and if not, why (a message key). */
export interface ApplicationLifecycle {
  canArchive: boolean;
  canDelete: boolean;
  /** Why it cannot be deleted: `notFinished` (still applied, waitlisted, offered or accepted) or `wasPaired`. */
  keptBecause: "notFinished" | "wasPaired" | null;
}

/** What the coordinator may do with an application (the application's page shows it). */
export async function getApplicationLifecycle(actor: Actor | null, id: string): Promise<ApplicationLifecycle> {
  return asActor(actor, async (tx) => {
    const a = await ownApplication(tx, actor, id);
    return lifecycleOf(tx, a);
  });
}

async function lifecycleOf(tx: Tx, a: { id: string; status: EnrollmentStatus }): Promise<ApplicationLifecycle> {
  if (!FINISHED.includes(a.status)) return { canArchive: false, canDelete: false, keptBecause: "notFinished" };
  const [p] = await tx.select({ n: count() }).from(pairs).where(eq(pairs.enrollmentId, a.id));
  const paired = Number(p?.n ?? 0) > 0;
  return { canArchive: true, canDelete: !paired, keptBecause: paired ? "wasPaired" : null };
}

/** Archives a rejected or withdrawn application: off the cohort's default list of applications, restorable. */
export async function archiveApplication(actor: Actor | null, id: string, now: Date = new Date()): Promise<void> {
  await asActor(actor, async (tx) => {
    const a = await ownApplication(tx, actor, id);
    if (a.cohortArchivedAt) throw new ConflictError("archived");
    if (a.archivedAt) return;
    if (!FINISHED.includes(a.status)) throw new ConflictError("applicationNotFinished");
    await tx
      .update(enrollments)
      .set({ archivedAt: now })
      .where(and(eq(enrollments.id, a.id), eq(enrollments.organisationId, a.organisationId)));
    await recordAudit(tx, {
      action: "record_archived",
      organisationId: a.organisationId,
      actorUserId: actorId(actor),
      targetType: "application",
      targetId: a.id,
      detail: { cohort: a.cohortName, status: a.status },
    });
  });
}

/** Brings an archived application back to the cohort's list. */
export async function restoreApplication(actor: Actor | null, id: string): Promise<void> {
  await asActor(actor, async (tx) => {
    const a = await ownApplication(tx, actor, id);
    if (a.cohortArchivedAt) throw new ConflictError("archived");
    if (!a.archivedAt) return;
    await tx
      .update(enrollments)
      .set({ archivedAt: null })
      .where(and(eq(enrollments.id, a.id), eq(enrollments.organisationId, a.organisationId)));
    await recordAudit(tx, {
      action: "record_restored",
      organisationId: a.organisationId,
      actorUserId: actorId(actor),
      targetType: "application",
      targetId: a.id,
      detail: { cohort: a.cohortName, status: a.status },
    });
  });
}

/** Deletes a rejected or withdrawn application that was never paired, with its answers and history. Returns its cohort. */
export async function deleteApplication(actor: Actor | null, id: string): Promise<{ cohortId: string }> {
  return asActor(actor, async (tx) => {
    const a = await ownApplication(tx, actor, id);
    if (a.cohortArchivedAt) throw new ConflictError("archived");
    const life = await lifecycleOf(tx, a);
    if (!life.canDelete) throw new ConflictError(life.keptBecause === "wasPaired" ? "applicationWasPaired" : "applicationNotFinished");
    await tx.delete(enrollments).where(and(eq(enrollments.id, a.id), eq(enrollments.organisationId, a.organisationId)));
    await recordAudit(tx, {
      action: "record_deleted",
      organisationId: a.organisationId,
      actorUserId: actorId(actor),
      targetType: "application",
      targetId: a.id,
      detail: { cohort: a.cohortName, status: a.status },
    });
    return { cohortId: a.cohortId };
  });
}
