import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohorts, enrollmentEvents, enrollments, mailOutbox, meetings, pairs, programmes, users } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { pairingFixture } from "@/lib/testing/pairing";
import { startOfDayIn } from "@/lib/time";
import { programmeSchema } from "@/lib/validation/programme";
import { loadActor, SYSTEM } from "./actor";
import { signUpSchemaFor } from "@/lib/validation/enrollment";
import { decideEnrollments, signUp } from "./enrollments";
import { logMeeting, respondToMeeting } from "./meetings";
import { exportMyData } from "./my-data";
import { pairParticipant } from "./pairs";
import { getProgramme, updateProgramme } from "./programmes";
import { anonymiseExpiredCohorts, getCohortRetention, listCohortsDueForAnonymisation } from "./retention";

let t: TestDatabase;
let f: Awaited<ReturnType<typeof pairingFixture>>;
let programmeId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await pairingFixture(t.db);
  const [ep] = await t.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.name, "EmpoweringPeople"));
  programmeId = ep!.id;
});
afterAll(async () => t.close());

const DAY = 86400_000;
const programmeInput = (over: Record<string, unknown> = {}) =>
  programmeSchema.parse({ name: "EmpoweringPeople", description: "", effortHalfDaysMin: 3, effortHalfDaysMax: 6, durationMonths: 6, minPartnerMeetings: 1, ...over });

/** What reports count for a cohort: enrollments by status, pairs, meetings and their minutes. */
async function totals(cohortId: string) {
  const byStatus = await t.db.select({ status: enrollments.status, n: sql<number>`count(*)::int` }).from(enrollments).where(eq(enrollments.cohortId, cohortId)).groupBy(enrollments.status);
  const pairIds = (await t.db.select({ id: pairs.id }).from(pairs).where(eq(pairs.cohortId, cohortId))).map((p) => p.id);
  const [m] = await t.db.select({ n: sql<number>`count(*)::int`, minutes: sql<number>`coalesce(sum(${meetings.durationMinutes}), 0)::int` }).from(meetings).where(inArray(meetings.pairId, pairIds));
  return { byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])), pairs: pairIds.length, meetings: m!.n, minutes: m!.minutes };
}

describe("retention per programme", () => {
  it("anonymises a cohort's personal data once its end date plus the programme's months has passed, keeps the totals, and is idempotent", async () => {
    const cohortId = await f.newCohort({ capacity: 3, endDate: "2027-08-31", startDate: "2027-03-01", enrollmentDeadline: "2027-02-01" });
    const other = await f.newCohort({ startDate: "2028-01-01", endDate: "2028-12-31" });
    const a = await f.participant(cohortId, { motivation: "Geheime motivatie A", employer: "Gemeente Almelo", jobTitle: "Adviseur wonen" });
    const b = await f.participant(cohortId, { motivation: "Geheime motivatie B" });
    await decideEnrollments(f.people.coordinator, cohortId, { ids: [b.enrollmentId], decision: "reject", reason: "Past niet bij Bram de Vries" });
    // Anna also takes part in a later cohort: that one is not touched.
    const [later] = await t.db.select({ userId: enrollments.userId }).from(enrollments).where(eq(enrollments.id, a.enrollmentId));
    const q = await f.partner({}, { cohortId });
    const { pairId } = await pairParticipant(f.people.coordinator, cohortId, a.enrollmentId, q.partnerId);
    const { meetingId } = await logMeeting(q.owner, pairId, { startsAt: new Date(Date.now() - 3600_000), durationMinutes: 75, mode: "online", notes: "Besproken: Anna's thuissituatie" });
    await respondToMeeting(a.actor, meetingId, "confirm");
    const again = signUpSchemaFor({ policyAreas: ["Wonen"], questions: [] }).parse({
      name: a.name,
      email: a.email,
      employer: "Gemeente Almelo",
      department: "",
      jobTitle: "Adviseur",
      policyAreas: ["Wonen"],
      motivation: "Nog steeds van A",
      availableHalfDays: 4,
      consent: true,
    });
    const aOther = await signUp(a.actor, other, again, { locale: "nl" });

    const retention = await getCohortRetention(f.people.coordinator, cohortId);
    // 24 months by default; 31 August plus 24 months is 31 August two years on.
    expect(retention).toEqual({ retentionMonths: 24, anonymiseOn: "2029-08-31", anonymisedAt: null });
    const on = startOfDayIn("2029-08-31", "Europe/Amsterdam");
    const before = await totals(cohortId);

    // The day before: nothing changes.
    await anonymiseExpiredCohorts(SYSTEM, new Date(on.getTime() - 1));
    const [still] = await t.db.select().from(enrollments).where(eq(enrollments.id, a.enrollmentId));
    expect(still).toMatchObject({ motivation: "Geheime motivatie A", userId: later!.userId });
    expect((await getCohortRetention(f.people.coordinator, cohortId)).anonymisedAt).toBeNull();

    // Listed on the programme page 60 days ahead, not 90.
    const due = (now: Date) => listCohortsDueForAnonymisation(f.people.coordinator, programmeId, { now }).then((r) => r.map((c) => c.id));
    expect(await due(new Date(on.getTime() - 30 * DAY))).toContain(cohortId);
    expect(await due(new Date(on.getTime() - 90 * DAY))).not.toContain(cohortId);

    const done = await anonymiseExpiredCohorts(SYSTEM, new Date(on.getTime() + 3600_000));
    expect(done.cohorts).toBeGreaterThanOrEqual(1);
    const rows = await t.db.select().from(enrollments).where(eq(enrollments.cohortId, cohortId));
    for (const r of rows) {
      expect(r).toMatchObject({ motivation: "", employer: "", jobTitle: "", department: "", answers: {}, region: null });
      expect(r.userId).toBe(`anonymised-${r.id}`);
    }
    const [m] = await t.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(m).toMatchObject({ notes: "", durationMinutes: 75, status: "confirmed", loggedById: null });
    const reasons = (await t.db.select({ reason: enrollmentEvents.reason }).from(enrollmentEvents).where(eq(enrollmentEvents.enrollmentId, b.enrollmentId))).map((r) => r.reason);
    expect(reasons.join(" ")).not.toContain("Bram");
    expect(await totals(cohortId)).toEqual(before);
    expect((await getCohortRetention(f.people.coordinator, cohortId)).anonymisedAt).not.toBeNull();
    expect(await due(new Date(on.getTime() + DAY))).not.toContain(cohortId);

    // Anna keeps her account and her other cohort; the anonymised one is no longer hers.
    expect(await loadActor(a.actor.userId)).not.toBeNull();
    // Bram had nothing else: his account, only a name and an address by now, is erased too; the partner's owner keeps theirs.
    expect(await loadActor(b.actor.userId)).toBeNull();
    const [bram] = await t.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, b.actor.userId));
    expect(bram!.name).toBeNull();
    expect(bram!.email).toMatch(/^deleted-.+@invalid$/);
    expect(await loadActor(q.owner.userId)).not.toBeNull();
    const mine = await exportMyData(a.actor);
    expect(mine.enrollments.map((e) => e.id)).toEqual([aOther.enrollmentId]);
    expect(mine.enrollments[0]!.motivation).toBe("Nog steeds van A");
    expect(mine.pairs).toEqual([]);

    // Idempotent: a second run changes nothing.
    const [stamp] = await t.db.select({ at: cohorts.anonymisedAt }).from(cohorts).where(eq(cohorts.id, cohortId));
    expect(await anonymiseExpiredCohorts(SYSTEM, new Date(on.getTime() + 2 * DAY))).toEqual({ cohorts: 0, enrollments: 0 });
    const [stampAgain] = await t.db.select({ at: cohorts.anonymisedAt }).from(cohorts).where(eq(cohorts.id, cohortId));
    expect(stampAgain!.at).toEqual(stamp!.at);
    expect(await totals(cohortId)).toEqual(before);

    // A decision on an anonymised enrollment mails nobody: the stand-in has no address.
    await decideEnrollments(f.people.coordinator, cohortId, { ids: [a.enrollmentId], decision: "waitlist", reason: "" });
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, `anonymised-${a.enrollmentId}@invalid`))).toEqual([]);
  });

  it("follows the programme's own months, which a coordinator sets on the programme form", async () => {
    await updateProgramme(f.people.coordinator, programmeId, programmeInput({ retentionMonths: "6" }));
    const cohortId = await f.newCohort({ endDate: "2027-08-31", startDate: "2027-03-01", enrollmentDeadline: "2027-02-01" });
    expect((await getCohortRetention(f.people.coordinator, cohortId)).anonymiseOn).toBe("2028-02-29");
    // Left out (as older clients do), the stored value stays.
    await updateProgramme(f.people.coordinator, programmeId, programmeInput());
    expect((await getProgramme(f.people.coordinator, programmeId)).retentionMonths).toBe(6);
    await updateProgramme(f.people.coordinator, programmeId, programmeInput({ retentionMonths: 24 }));
  });

  it("validates the months with a message per field", () => {
    const issues = (v: unknown) => programmeSchema.safeParse({ ...programmeInput(), retentionMonths: v }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues("0")).toEqual([["retentionMonths", "tooSmall"]]);
    expect(issues("121")).toEqual([["retentionMonths", "tooLarge"]]);
    expect(issues("twee")).toEqual([["retentionMonths", "number"]]);
    expect(issues("1.5")).toEqual([["retentionMonths", "wholeNumber"]]);
    expect(issues("120")).toBeUndefined();
  });

  it("refuses a participant (403) and another organisation's coordinator (404)", async () => {
    const cohortId = await f.newCohort();
    await expect(updateProgramme(f.people.participant, programmeId, programmeInput({ retentionMonths: 1 }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateProgramme(f.people.otherCoordinator, programmeId, programmeInput({ retentionMonths: 1 }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCohortRetention(f.people.participant, cohortId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCohortRetention(f.people.otherCoordinator, cohortId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCohortsDueForAnonymisation(f.people.otherCoordinator, programmeId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCohortsDueForAnonymisation(f.people.partner, programmeId)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getProgramme(f.people.coordinator, programmeId)).retentionMonths).toBe(24);
  });
});
