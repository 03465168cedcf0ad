import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrollments, pairs, partners } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { pairingFixture } from "@/lib/testing/pairing";
import { cohortState } from "@/lib/cohort-state";
import { getCoordinatorAgenda } from "./agenda";
import { pairParticipant } from "./pairs";

let t: TestDatabase;
let f: Awaited<ReturnType<typeof pairingFixture>>;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await pairingFixture(t.db);
});
afterAll(async () => t.close());

type Logger = { logQuery: (q: string, p: unknown[]) => void };
async function statements(read: () => Promise<unknown>): Promise<number> {
  const session = (t.db as unknown as { session: { logger: Logger; options: { logger?: Logger } } }).session;
  const before = { own: session.logger, options: session.options.logger };
  let n = 0;
  const counter: Logger = { logQuery: () => void n++ };
  session.logger = counter;
  session.options.logger = counter;
  try {
    await read();
  } finally {
    session.logger = before.own;
    session.options.logger = before.options;
  }
  return n;
}

describe("the coordinator's start page: what needs them today", () => {
  it("counts applications, partners waiting, flagged pairs and lapsing offers per cohort", async () => {
    const before = await getCoordinatorAgenda(f.people.coordinator);
    const cohortId = await f.newCohort({ capacity: 10 });
    const [a, b, c] = [await f.participant(cohortId), await f.participant(cohortId), await f.participant(cohortId)];
    const partner = await f.partner({ capacityPerCohort: 2 }, { cohortId });
    const { pairId } = await pairParticipant(f.people.coordinator, cohortId, a.enrollmentId, partner.partnerId);
    // Paired ten weeks ago and never met: flagged. One application waits; one offer lapses tomorrow, one next week.
    await t.db.update(pairs).set({ confirmedAt: new Date(Date.now() - 70 * 86400_000) }).where(eq(pairs.id, pairId));
    await t.db.update(enrollments).set({ status: "applied" }).where(eq(enrollments.id, b.enrollmentId));
    await t.db.update(enrollments).set({ status: "offered", offerExpiresAt: new Date(Date.now() + 24 * 3600_000) }).where(eq(enrollments.id, c.enrollmentId));
    const waiting = await f.partner({});
    await t.db.update(partners).set({ status: "pending" }).where(eq(partners.id, waiting.partnerId));

    const agenda = await getCoordinatorAgenda(f.people.coordinator);
    const row = agenda.cohorts.find((x) => x.id === cohortId)!;
    expect(row).toMatchObject({ applied: 1, flaggedPairs: 1, lapsingOffers: 1, placesTaken: 2, state: "open" });
    expect(agenda.pendingPartners).toBe(before.pendingPartners + 1);
    expect(agenda.totals.applied).toBe(before.totals.applied + 1);

    await t.db.update(enrollments).set({ offerExpiresAt: new Date(Date.now() + 7 * 86400_000) }).where(eq(enrollments.id, c.enrollmentId));
    expect((await getCoordinatorAgenda(f.people.coordinator)).cohorts.find((x) => x.id === cohortId)!.lapsingOffers).toBe(0);
  });

  it("reads a bounded number of statements whatever the number of cohorts", async () => {
    const few = await statements(() => getCoordinatorAgenda(f.people.coordinator));
    for (let i = 0; i < 5; i++) await f.participant(await f.newCohort());
    const many = await statements(() => getCoordinatorAgenda(f.people.coordinator));
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(5);
  });

  it("is for coordinators only", async () => {
    await expect(getCoordinatorAgenda(f.people.participant)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("derives a cohort's phase from its status, dates and places", () => {
    const base = { status: "open" as const, startDate: "2027-03-01", endDate: "2027-09-01", enrollmentOpensOn: "2027-01-01", enrollmentDeadline: "2027-02-01", capacity: 2, timeZone: "Europe/Amsterdam" };
    const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
    expect(cohortState({ ...base, status: "draft" as const, archivedAt: null, placesTaken: 0 }, at("2027-01-10"))).toBe("draft");
    expect(cohortState({ ...base, archivedAt: null, placesTaken: 0 }, at("2026-12-10"))).toBe("upcoming");
    expect(cohortState({ ...base, archivedAt: null, placesTaken: 1 }, at("2027-01-10"))).toBe("open");
    expect(cohortState({ ...base, archivedAt: null, placesTaken: 2 }, at("2027-01-10"))).toBe("full");
    expect(cohortState({ ...base, archivedAt: null, placesTaken: 1 }, at("2027-02-10"))).toBe("closed");
    expect(cohortState({ ...base, status: "closed" as const, archivedAt: null, placesTaken: 1 }, at("2027-01-10"))).toBe("closed");
    expect(cohortState({ ...base, archivedAt: null, placesTaken: 1 }, at("2027-04-10"))).toBe("running");
    expect(cohortState({ ...base, archivedAt: null, placesTaken: 1 }, at("2027-10-10"))).toBe("completed");
    expect(cohortState({ ...base, status: "completed" as const, archivedAt: null, placesTaken: 1 }, at("2027-04-10"))).toBe("completed");
  });
});
