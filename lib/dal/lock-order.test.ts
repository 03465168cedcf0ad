import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { enrollments, pairs } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { setUpPairingDatabase } from "@/lib/testing/pairing";
import { decideEnrollments } from "./enrollments";
import { changePair, pairParticipant, unpair } from "./pairs";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const { t, f } = setUpPairingDatabase();

/** The PostgreSQL error code behind a rejection (drizzle wraps the driver's error as `cause`). */
function pgCode(err: unknown): string | undefined {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

describe("one lock order for pairing and enrollment decisions (PostgreSQL)", () => {
  it.skipIf(!onPostgres)("pairs, changes, ends pairs and decides on one cohort at once without a deadlock, and the counts add up", async () => {
    const cohortId = await f.newCohort();
    const partners: { partnerId: string }[] = [];
    for (let i = 0; i < 4; i++) partners.push(await f.partner({}, { cohortId, capacity: 20 }));
    const contested = []; // paired and decided on at the same moment
    const free = []; // only paired
    const waiting = []; // waitlisted first, then accepted while others pair
    const paired = []; // already paired; ended or moved while others pair and decide
    for (let i = 0; i < 10; i++) contested.push(await f.participant(cohortId));
    for (let i = 0; i < 10; i++) free.push(await f.participant(cohortId));
    for (let i = 0; i < 6; i++) waiting.push(await f.participant(cohortId));
    for (let i = 0; i < 6; i++) paired.push(await f.participant(cohortId));
    await decideEnrollments(f.people.coordinator, cohortId, { ids: waiting.map((w) => w.enrollmentId), decision: "waitlist", reason: "" });
    const pairIds = [];
    for (const [i, p] of paired.entries()) pairIds.push((await pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, partners[i % 2]!.partnerId)).pairId);

    const partnerOf = (i: number) => partners[i % partners.length]!.partnerId;
    const work: Promise<unknown>[] = [];
    for (const [i, p] of contested.entries()) {
      work.push(pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, partnerOf(i)));
      work.push(decideEnrollments(f.people.admin, cohortId, { ids: [p.enrollmentId], decision: i % 2 ? "reject" : "waitlist", reason: "test" }));
    }
    for (const [i, p] of free.entries()) work.push(pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, partnerOf(i)));
    for (const w of waiting) work.push(decideEnrollments(f.people.coordinator, cohortId, { ids: [w.enrollmentId], decision: "accept", reason: "" }));
    for (const [i, id] of pairIds.entries()) work.push(i % 2 ? unpair(f.people.coordinator, id, "test") : changePair(f.people.coordinator, id, partners[2 + (i % 2)]!.partnerId, "test"));
    const warn = vi.spyOn(console, "warn");
    const results = await Promise.allSettled(work);
    // The lock order, not the retry safety net, keeps them apart: no transaction was retried.
    expect(warn.mock.calls.filter((c) => String(c[0]).includes("transaction aborted"))).toEqual([]);
    warn.mockRestore();

    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as unknown);
    const databaseErrors = failures.filter((e) => !(e instanceof ConflictError)).map((e) => pgCode(e) ?? String(e));
    expect(databaseErrors).toEqual([]);
    // The only refusals: a contested pairing that came after its participant lost their place.
    for (const e of failures) expect((e as Error).message).toBe("notAccepted");

    const status = new Map((await t.db.select({ id: enrollments.id, status: enrollments.status }).from(enrollments).where(eq(enrollments.cohortId, cohortId))).map((r) => [r.id, r.status]));
    // Waitlisted with places free, they are offered one again at once: either way no longer accepted.
    expect(contested.map((p) => status.get(p.enrollmentId))).toEqual(contested.map((_, i) => (i % 2 ? "rejected" : "offered")));
    expect(waiting.map((p) => status.get(p.enrollmentId))).toEqual(waiting.map(() => "accepted"));
    const active = await t.db.select({ enrollmentId: pairs.enrollmentId }).from(pairs).where(and(eq(pairs.cohortId, cohortId), eq(pairs.status, "confirmed")));
    const activeIds = new Set(active.map((a) => a.enrollmentId));
    // Nobody who lost their place keeps a pair; every uncontested participant is paired exactly once.
    expect(contested.filter((p) => activeIds.has(p.enrollmentId))).toEqual([]);
    expect(free.every((p) => activeIds.has(p.enrollmentId))).toBe(true);
    expect(paired.filter((p) => activeIds.has(p.enrollmentId))).toHaveLength(3); // three moved, three ended
    expect(active).toHaveLength(free.length + 3);
    const perEnrollment = await t.db
      .select({ id: pairs.enrollmentId })
      .from(pairs)
      .where(and(inArray(pairs.enrollmentId, [...activeIds]), eq(pairs.status, "confirmed")));
    expect(perEnrollment).toHaveLength(activeIds.size);
  });
});
