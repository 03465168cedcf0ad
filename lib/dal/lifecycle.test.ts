import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, cohorts, programmes } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { openCohortInput, setUpPairingDatabase } from "@/lib/testing/pairing";
import { signUpSchemaFor } from "@/lib/validation/enrollment";
import { programmeSchema } from "@/lib/validation/programme";
import { archiveApplication, deleteApplication, getApplicationLifecycle, restoreApplication } from "./application-archive";
import { createCohort, getCohort, listCohorts, updateCohort } from "./cohorts";
import { getPublicCohort, listCohortEnrollments, listOpenCohorts } from "./enrollment-queries";
import { decideEnrollments, signUp } from "./enrollments";
import {
  archiveCohort,
  archiveProgramme,
  countProgrammeCohorts,
  deleteCohort,
  deleteProgramme,
  getCohortDependents,
  listArchived,
  publishCohort,
  restoreCohort,
  restoreProgramme,
} from "./lifecycle";
import { pairParticipant } from "./pairs";
import { createProgramme, listProgrammes, listPublicProgrammes } from "./programmes";

const { t, f } = setUpPairingDatabase();

const programme = async (name = `Programma ${Math.random().toString(36).slice(2, 7)}`) =>
  (await createProgramme(f.people.coordinator, programmeSchema.parse({ name, effortHalfDaysMin: 2, effortHalfDaysMax: 4, durationMonths: 6, minPartnerMeetings: 1 }))).id;

const draft = async (programmeId: string, over: Record<string, unknown> = {}) => (await createCohort(f.people.coordinator, programmeId, openCohortInput(over))).id;

const openIds = async () => (await listOpenCohorts({ limit: 200 })).rows.map((r) => r.id);

const auditOf = (action: string, targetId: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));

const person = (over: Record<string, unknown> = {}) =>
  signUpSchemaFor({ policyAreas: [], questions: [] }).parse({
    name: "Iemand Nieuw",
    email: `iemand.${Math.random().toString(36).slice(2, 8)}@example.org`,
    employer: "Gemeente Zwolle",
    department: "",
    jobTitle: "Adviseur",
    policyAreas: [],
    motivation: "Leren van de praktijk.",
    availableHalfDays: 4,
    consent: true,
    ...over,
  });

describe("a new cohort is a draft until a coordinator publishes it", () => {
  it("is seen by its coordinators only: not in the catalogue, a 404 by its public id, no sign-up; publishing shows it and is audit-logged", async () => {
    const programmeId = await programme();
    const id = await draft(programmeId, { status: "open" });
    expect((await getCohort(f.people.coordinator, id)).status).toBe("draft");
    expect((await listCohorts(f.people.coordinator, { programmeId })).map((c) => [c.id, c.state])).toEqual([[id, "draft"]]);
    expect(await openIds()).not.toContain(id);
    await expect(getPublicCohort(id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(signUp(f.people.participant, id, person(), { locale: "nl" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(signUp(null, id, person(), { locale: "nl" })).rejects.toBeInstanceOf(NotFoundError);
    // Saving the form keeps it a draft: publishing is its own step.
    await updateCohort(f.people.coordinator, id, openCohortInput({ name: "Nog steeds concept", status: "open" }));
    expect((await getCohort(f.people.coordinator, id)).status).toBe("draft");

    await publishCohort(f.people.coordinator, id);
    expect(await openIds()).toContain(id);
    expect(await getPublicCohort(id)).toMatchObject({ id, name: "Nog steeds concept", open: true });
    expect((await listCohorts(f.people.coordinator, { programmeId }))[0]!.state).toBe("open");
    const [event] = await auditOf("cohort_published", id);
    expect(event).toMatchObject({ organisationId: f.people.foundation.id, actorUserId: f.people.coordinator.userId, targetType: "cohort", detail: { name: "Nog steeds concept" } });
    await expect(publishCohort(f.people.coordinator, id)).rejects.toEqual(new ConflictError("alreadyPublished"));
    // Once published it never becomes a draft again through the form.
    await expect(updateCohort(f.people.coordinator, id, openCohortInput({ status: "draft" }))).rejects.toMatchObject({ message: "cannotUnpublish" });
  });

  it("refuses publishing to another role (403) and another organisation (404)", async () => {
    const id = await draft(await programme());
    await expect(publishCohort(f.people.participant, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishCohort(f.people.partner, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishCohort(f.people.otherCoordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(publishCohort(f.people.coordinator, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCohort(f.people.coordinator, id)).status).toBe("draft");
  });
});

describe("archiving and restoring a cohort", () => {
  it("hides it from the public and the default lists, makes it read-only, and restores it", async () => {
    const programmeId = await programme();
    const id = await f.newCohort();
    await t.db.update(cohorts).set({ programmeId }).where(eq(cohorts.id, id));
    const someone = await f.participant(id);
    await archiveCohort(f.people.coordinator, id);
    expect(await openIds()).not.toContain(id);
    await expect(getPublicCohort(id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(signUp(f.people.participant, id, person(), { locale: "nl" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCohorts(f.people.coordinator, { programmeId })).map((c) => c.id)).toEqual([]);
    expect((await listCohorts(f.people.coordinator, { programmeId, archived: true })).map((c) => [c.id, c.state])).toEqual([[id, "archived"]]);
    expect((await listArchived(f.people.coordinator)).cohorts.map((c) => c.id)).toContain(id);
    await expect(updateCohort(f.people.coordinator, id, openCohortInput())).rejects.toEqual(new ConflictError("archived"));
    await expect(decideEnrollments(f.people.coordinator, id, { ids: [someone.enrollmentId], decision: "reject", reason: "" })).rejects.toEqual(new ConflictError("archived"));
    expect((await auditOf("record_archived", id)).length).toBe(1);

    await restoreCohort(f.people.coordinator, id);
    expect(await openIds()).toContain(id);
    expect((await listCohorts(f.people.coordinator, { programmeId })).map((c) => c.id)).toEqual([id]);
    expect((await auditOf("record_restored", id)).length).toBe(1);
  });

  it("refuses archiving, restoring and deleting to another role (403) and another organisation (404)", async () => {
    const id = await f.newCohort();
    for (const fn of [archiveCohort, restoreCohort, deleteCohort]) {
      await expect(fn(f.people.participant, id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(fn(f.people.otherCoordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getCohortDependents(f.people.otherCoordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCohort(f.people.coordinator, id)).archivedAt).toBeNull();
  });
});

describe("deleting a cohort", () => {
  it("is refused while applications, pairs or partners depend on it, and says which", async () => {
    const id = await f.newCohort();
    const p = await f.participant(id);
    const partner = await f.partner({}, { cohortId: id });
    await pairParticipant(f.people.coordinator, id, p.enrollmentId, partner.partnerId);
    expect(await getCohortDependents(f.people.coordinator, id)).toEqual({ applications: 1, pairs: 1, partners: 1, pendingSignUps: 0 });
    await expect(deleteCohort(f.people.coordinator, id)).rejects.toEqual(new ConflictError("hasDependents"));
    // A sign-up waiting for its confirmation link is someone too.
    const other = await f.newCohort();
    await signUp(null, other, person(), { locale: "nl" });
    expect((await getCohortDependents(f.people.coordinator, other)).pendingSignUps).toBe(1);
    await expect(deleteCohort(f.people.coordinator, other)).rejects.toEqual(new ConflictError("hasDependents"));
    expect((await getCohort(f.people.coordinator, id)).id).toBe(id);
  });

  it("deletes a cohort nothing depends on, and records it", async () => {
    const programmeId = await programme();
    const id = await draft(programmeId, { name: "Weg ermee" });
    expect(await deleteCohort(f.people.coordinator, id)).toEqual({ programmeId, name: "Weg ermee" });
    await expect(getCohort(f.people.coordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    const [event] = await auditOf("record_deleted", id);
    expect(event).toMatchObject({ targetType: "cohort", detail: { name: "Weg ermee" }, actorUserId: f.people.coordinator.userId });
  });
});

describe("programmes", () => {
  it("archiving archives its cohorts with it; restoring brings back those, not one archived before", async () => {
    const programmeId = await programme("Archiefprogramma");
    const before = await draft(programmeId);
    const withIt = await f.newCohort();
    await t.db.update(cohorts).set({ programmeId }).where(eq(cohorts.id, withIt));
    await archiveCohort(f.people.coordinator, before);
    await archiveProgramme(f.people.coordinator, programmeId);
    expect((await listProgrammes(f.people.coordinator)).map((p) => p.id)).not.toContain(programmeId);
    expect((await listPublicProgrammes()).map((p) => p.id)).not.toContain(programmeId);
    expect(await openIds()).not.toContain(withIt);
    expect((await listArchived(f.people.coordinator)).programmes.map((p) => p.id)).toContain(programmeId);
    await expect(restoreCohort(f.people.coordinator, withIt)).rejects.toEqual(new ConflictError("programmeArchived"));
    await expect(draft(programmeId)).rejects.toEqual(new ConflictError("archived"));

    await restoreProgramme(f.people.coordinator, programmeId);
    expect((await listProgrammes(f.people.coordinator)).map((p) => p.id)).toContain(programmeId);
    expect(await openIds()).toContain(withIt);
    expect((await getCohort(f.people.coordinator, before)).archivedAt).not.toBeNull();
    expect((await auditOf("record_archived", programmeId))[0]).toMatchObject({ targetType: "programme", detail: { name: "Archiefprogramma", cohorts: 1 } });
  });

  it("deletes a programme only without cohorts (archived ones count), for its own coordinators", async () => {
    const programmeId = await programme("Met cohort");
    const id = await draft(programmeId);
    await archiveCohort(f.people.coordinator, id);
    expect(await countProgrammeCohorts(f.people.coordinator, programmeId)).toBe(1);
    await expect(deleteProgramme(f.people.coordinator, programmeId)).rejects.toEqual(new ConflictError("hasCohorts"));
    await deleteCohort(f.people.coordinator, id);
    for (const fn of [archiveProgramme, restoreProgramme, deleteProgramme]) {
      await expect(fn(f.people.participant, programmeId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(fn(f.people.otherCoordinator, programmeId)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await deleteProgramme(f.people.coordinator, programmeId)).toEqual({ name: "Met cohort" });
    expect(await t.db.select().from(programmes).where(eq(programmes.id, programmeId))).toEqual([]);
    expect((await auditOf("record_deleted", programmeId)).length).toBe(1);
  });
});

describe("applications", () => {
  it("archives and deletes only a finished application; one that was paired is kept", async () => {
    const id = await f.newCohort();
    const open = await f.participant(id);
    expect(await getApplicationLifecycle(f.people.coordinator, open.enrollmentId)).toEqual({ canArchive: false, canDelete: false, keptBecause: "notFinished" });
    await expect(archiveApplication(f.people.coordinator, open.enrollmentId)).rejects.toEqual(new ConflictError("applicationNotFinished"));
    await expect(deleteApplication(f.people.coordinator, open.enrollmentId)).rejects.toEqual(new ConflictError("applicationNotFinished"));

    await decideEnrollments(f.people.coordinator, id, { ids: [open.enrollmentId], decision: "reject", reason: "" });
    await archiveApplication(f.people.coordinator, open.enrollmentId);
    expect((await listCohortEnrollments(f.people.coordinator, id)).rows.map((r) => r.id)).not.toContain(open.enrollmentId);
    expect((await listCohortEnrollments(f.people.coordinator, id, { archived: true })).rows.map((r) => r.id)).toEqual([open.enrollmentId]);
    // Deciding on it waits until it is restored.
    const refused = await decideEnrollments(f.people.coordinator, id, { ids: [open.enrollmentId], decision: "accept", reason: "" });
    expect(refused.refused).toEqual([{ id: open.enrollmentId, reason: "notFound" }]);
    await restoreApplication(f.people.coordinator, open.enrollmentId);
    expect((await listCohortEnrollments(f.people.coordinator, id)).rows.map((r) => r.id)).toContain(open.enrollmentId);

    expect(await deleteApplication(f.people.coordinator, open.enrollmentId)).toEqual({ cohortId: id });
    expect((await listCohortEnrollments(f.people.coordinator, id)).rows.map((r) => r.id)).not.toContain(open.enrollmentId);
    const [event] = await auditOf("record_deleted", open.enrollmentId);
    expect(event).toMatchObject({ targetType: "application", detail: { status: "rejected" } });
    expect(JSON.stringify(event!.detail)).not.toContain(open.email);

    const paired = await f.participant(id);
    const partner = await f.partner({}, { cohortId: id });
    await pairParticipant(f.people.coordinator, id, paired.enrollmentId, partner.partnerId);
    await decideEnrollments(f.people.coordinator, id, { ids: [paired.enrollmentId], decision: "reject", reason: "" });
    expect(await getApplicationLifecycle(f.people.coordinator, paired.enrollmentId)).toEqual({ canArchive: true, canDelete: false, keptBecause: "wasPaired" });
    await expect(deleteApplication(f.people.coordinator, paired.enrollmentId)).rejects.toEqual(new ConflictError("applicationWasPaired"));
    await archiveApplication(f.people.coordinator, paired.enrollmentId);
  });

  it("refuses another role (403) and another organisation (404)", async () => {
    const id = await f.newCohort();
    const p = await f.participant(id);
    await decideEnrollments(f.people.coordinator, id, { ids: [p.enrollmentId], decision: "reject", reason: "" });
    for (const fn of [archiveApplication, restoreApplication, deleteApplication]) {
      await expect(fn(f.people.participant, p.enrollmentId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(fn(p.actor, p.enrollmentId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(fn(f.people.otherCoordinator, p.enrollmentId)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getApplicationLifecycle(f.people.otherCoordinator, p.enrollmentId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCohortEnrollments(f.people.coordinator, id)).rows.map((r) => r.id)).toContain(p.enrollmentId);
  });
});
