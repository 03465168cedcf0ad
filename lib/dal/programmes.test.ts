import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { programmes } from "@/db/schema";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { programmeSchema } from "@/lib/validation/programme";
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from "./programmes";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof seedAndLoadActors>>;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await seedAndLoadActors(t.db);
});
afterAll(async () => t.close());

const input = programmeSchema.parse({
  name: "Talentprogramma Lokale Economische Ontwikkeling",
  description: "Internationale deelnemers lopen een week mee bij een gastgemeente.",
  effortHalfDaysMin: "4",
  effortHalfDaysMax: "8",
  durationMonths: "3",
  minPartnerMeetings: "1",
});

describe("programmes DAL", () => {
  it("lets a coordinator create a programme in their own organisation and list it", async () => {
    const { id } = await createProgramme(people.coordinator, input);
    const [row] = await t.db.select().from(programmes).where(eq(programmes.id, id));
    expect(row?.organisationId).toBe(people.foundation.id);
    const names = (await listProgrammes(people.coordinator)).map((p) => p.name);
    expect(names).toContain(input.name);
    expect((await listProgrammes(people.otherCoordinator)).map((p) => p.name)).not.toContain(input.name);
  });

  it("refuses to create for a participant, a partner and nobody", async () => {
    await expect(createProgramme(people.participant, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createProgramme(people.partner, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createProgramme(null, input)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("hides another organisation's programme (404) and refuses the wrong role (403)", async () => {
    const { id } = await createProgramme(people.coordinator, { ...input, name: "Alleen voor ons" });
    await expect(getProgramme(people.otherCoordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateProgramme(people.otherCoordinator, id, { ...input, name: "Gekaapt" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateProgramme(people.participant, id, { ...input, name: "Gekaapt" })).rejects.toBeInstanceOf(ForbiddenError);
    const [row] = await t.db.select().from(programmes).where(eq(programmes.id, id));
    expect(row?.name).toBe("Alleen voor ons");
  });

  it("lets the coordinator edit, and the admin too", async () => {
    const { id } = await createProgramme(people.coordinator, { ...input, name: "Voor bewerking" });
    await updateProgramme(people.coordinator, id, { ...input, name: "Bewerkt", durationMonths: 5 });
    expect((await getProgramme(people.admin, id)).name).toBe("Bewerkt");
    await updateProgramme(people.admin, id, { ...input, name: "Door beheerder" });
    expect((await getProgramme(people.coordinator, id)).durationMonths).toBe(3);
  });

  it("keeps the weeks by which a pair should have met: 4 by default, changed on edit, kept when left out", async () => {
    const { id } = await createProgramme(people.coordinator, { ...input, name: "Met ontmoetingstermijn" });
    expect((await getProgramme(people.coordinator, id)).meetingDueWeeks).toBe(4);
    await updateProgramme(people.coordinator, id, { ...input, meetingDueWeeks: 6 });
    expect((await getProgramme(people.coordinator, id)).meetingDueWeeks).toBe(6);
    await updateProgramme(people.coordinator, id, input);
    expect((await getProgramme(people.coordinator, id)).meetingDueWeeks).toBe(6);
  });

  it("answers 404 for a malformed or unknown id", async () => {
    await expect(getProgramme(people.coordinator, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProgramme(people.coordinator, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});
