import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohorts, programmes } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { cohortSchema } from "@/lib/validation/cohort";
import { createCohort, getCohort, listCohortPolicyAreas, listCohorts, updateCohort } from "./cohorts";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof seedAndLoadActors>>;
let programmeId: string;
let westlandProgrammeId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await seedAndLoadActors(t.db);
  const [ep] = await t.db.select().from(programmes).where(eq(programmes.name, "EmpoweringPeople"));
  const [wl] = await t.db.select().from(programmes).where(eq(programmes.name, "Westland Werkt Samen"));
  programmeId = ep!.id;
  westlandProgrammeId = wl!.id;
});
afterAll(async () => t.close());

const input = cohortSchema.parse({
  name: "Shanghai 2027",
  startDate: "2027-06-01",
  endDate: "2027-10-31",
  enrollmentOpensOn: "2027-01-15",
  enrollmentDeadline: "2027-05-31",
  capacity: "12",
  timeZone: "Asia/Shanghai",
});

describe("cohorts DAL", () => {
  it("creates a cohort under the coordinator's programme, in that programme's organisation", async () => {
    const { id } = await createCohort(people.coordinator, programmeId, input);
    const row = await getCohort(people.coordinator, id);
    expect(row).toMatchObject({ organisationId: people.foundation.id, timeZone: "Asia/Shanghai", capacity: 12, enrollmentDeadline: "2027-05-31" });
    expect((await listCohorts(people.coordinator, { programmeId })).map((c) => c.name)).toContain("Shanghai 2027");
  });

  it("refuses to create a cohort under another organisation's programme (404) or as a participant (403)", async () => {
    await expect(createCohort(people.coordinator, westlandProgrammeId, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCohort(people.participant, programmeId, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createCohort(people.partner, programmeId, input)).rejects.toBeInstanceOf(ForbiddenError);
    const rows = await t.db.select().from(cohorts).where(eq(cohorts.programmeId, westlandProgrammeId));
    expect(rows.map((r) => r.name)).toEqual(["Westland 2027"]);
  });

  it("lets only the own organisation's coordinators edit a cohort", async () => {
    const { id } = await createCohort(people.coordinator, programmeId, { ...input, name: "Te bewerken" });
    await expect(updateCohort(people.otherCoordinator, id, { ...input, capacity: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCohort(people.participant, id, { ...input, capacity: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCohort(people.otherCoordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    await updateCohort(people.coordinator, id, { ...input, name: "Bewerkt", capacity: 40 });
    expect(await getCohort(people.admin, id)).toMatchObject({ name: "Bewerkt", capacity: 40 });
  });

  it("lists only the current organisation's cohorts", async () => {
    const mine = await listCohorts(people.coordinator);
    const theirs = await listCohorts(people.otherCoordinator);
    expect(theirs.map((c) => c.name)).toEqual(["Westland 2027"]);
    expect(mine.map((c) => c.name)).not.toContain("Westland 2027");
    await expect(listCohorts(people.participant)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lists the policy areas of the organisation's cohorts once each, for coordinators only", async () => {
    await createCohort(people.coordinator, programmeId, { ...input, name: "Met terreinen", policyAreas: ["Wonen", "Energietransitie"] });
    await createCohort(people.coordinator, programmeId, { ...input, name: "Ook met terreinen", policyAreas: [" wonen", "Zorg"] });
    const areas = await listCohortPolicyAreas(people.coordinator);
    expect(areas).toEqual(expect.arrayContaining(["Wonen", "Energietransitie", "Zorg"]));
    expect(areas.filter((a) => a.toLowerCase() === "wonen")).toHaveLength(1);
    expect(await listCohortPolicyAreas(people.otherCoordinator)).not.toContain("Energietransitie");
    await expect(listCohortPolicyAreas(people.participant)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the database itself refuses an end date before the start date", async () => {
    await expect(
      t.db.insert(cohorts).values({ ...input, endDate: "2027-05-01", programmeId, organisationId: people.foundation.id }),
    ).rejects.toThrow();
  });
});
