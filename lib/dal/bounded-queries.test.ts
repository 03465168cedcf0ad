// The signed-in lists read a bounded number of statements whatever their length (issue 9): each
// DAL read behind a list page is counted for a short list and a long one, and must not differ.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetings, organisations, pairs } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { pairingFixture } from "@/lib/testing/pairing";
import { listCohortEnrollments } from "./enrollment-queries";
import { listPairMeetings } from "./meetings";
import { getPartner, linkPartnerToCohort, listPartners } from "./partners";
import { getPairingBoard, listCohortPairs, listMyPairs, pairParticipant, proposePairs } from "./pairs";

let t: TestDatabase;
let f: Awaited<ReturnType<typeof pairingFixture>>;

const SHORT = 3;
const LONG = 40;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await pairingFixture(t.db);
});
afterAll(async () => t.close());

type Logger = { logQuery: (q: string, p: unknown[]) => void };

/**
 * How many SQL statements `read` sends (drizzle logs each one it runs). A transaction (the DAL's
 * walled reads run in one) opens a session of its own from the options, so both are swapped.
 */
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
  expect(n, "statements counted").toBeGreaterThan(0);
  return n;
}

/** A cohort with `size` waiting and `size` paired participants, `size` linked partners (2 places each) and `size` pairs. */
async function cohortOf(size: number) {
  const cohortId = await f.newCohort({ capacity: 200 });
  const people = [];
  for (let i = 0; i < size * 2; i++) people.push(await f.participant(cohortId, { policyAreas: ["Wonen"] }));
  const partners = [];
  for (let i = 0; i < size; i++) partners.push(await f.partner({ policyAreas: ["Wonen"], capacityPerCohort: 2 }, { cohortId }));
  const pairIds = [];
  for (let i = 0; i < size; i++) pairIds.push((await pairParticipant(f.people.coordinator, cohortId, people[i]!.enrollmentId, partners[i]!.partnerId)).pairId);
  return { cohortId, people, partners, pairIds };
}

describe("signed-in lists read a bounded number of statements", () => {
  let short: Awaited<ReturnType<typeof cohortOf>>;
  let long: Awaited<ReturnType<typeof cohortOf>>;
  beforeAll(async () => {
    short = await cohortOf(SHORT);
    long = await cohortOf(LONG);
  }, 120_000);

  it("the applications list, with and without a search", async () => {
    const c = f.people.coordinator;
    expect(await statements(() => listCohortEnrollments(c, long.cohortId))).toBe(await statements(() => listCohortEnrollments(c, short.cohortId)));
    const search = { q: "deelnemer", sort: "name" as const };
    expect(await statements(() => listCohortEnrollments(c, long.cohortId, search))).toBe(await statements(() => listCohortEnrollments(c, short.cohortId, search)));
  });

  it("the pairing board, the proposal and the cohort's pairs", async () => {
    const c = f.people.coordinator;
    expect(await statements(() => getPairingBoard(c, long.cohortId))).toBe(await statements(() => getPairingBoard(c, short.cohortId)));
    expect(await statements(() => proposePairs(c, long.cohortId, { alternatives: 8 }))).toBe(await statements(() => proposePairs(c, short.cohortId, { alternatives: 8 })));
    expect(await statements(() => listCohortPairs(c, long.cohortId))).toBe(await statements(() => listCohortPairs(c, short.cohortId)));
  });

  it("the partners list and a partner's page with its cohorts", async () => {
    const c = f.people.coordinator;
    const few = await statements(() => listPartners(c));
    // Many more partners in the organisation (the long cohort's), and one partner linked to many cohorts.
    const busy = long.partners[0]!.partnerId;
    const quiet = short.partners[0]!.partnerId;
    const cohorts = [];
    for (let i = 0; i < 12; i++) cohorts.push(await f.newCohort());
    for (const cohortId of cohorts) await linkPartnerToCohort(c, busy, cohortId, 1);
    expect(await statements(() => listPartners(c))).toBe(few);
    expect(await statements(() => getPartner(c, busy))).toBe(await statements(() => getPartner(c, quiet)));
  });

  it("a pair's page: the person's pairs and the pair's meetings", async () => {
    const [org] = await t.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, "samen-duurzaam"));
    const meetingsOf = async (pairId: string, n: number) => {
      const rows = Array.from({ length: n }, (_, i) => ({
        organisationId: org!.id,
        pairId,
        loggedBySide: "participant" as const,
        startsAt: new Date(Date.now() - (i + 1) * 86_400_000),
        durationMinutes: 60,
        mode: "online" as const,
      }));
      await t.db.insert(meetings).values(rows);
    };
    await meetingsOf(short.pairIds[0]!, SHORT);
    await meetingsOf(long.pairIds[0]!, LONG);
    const [few, many] = [short.people[0]!.actor, long.people[0]!.actor];
    expect(await statements(() => listPairMeetings(many, long.pairIds[0]!))).toBe(await statements(() => listPairMeetings(few, short.pairIds[0]!)));
    expect(await statements(() => listMyPairs(many))).toBe(await statements(() => listMyPairs(few)));
    // The partner side sees all of a partner's pairs: one partner with many pairs reads as much as one with few.
    const owner = long.partners[1]!.owner;
    const [first] = await t.db.select({ id: pairs.id }).from(pairs).where(eq(pairs.partnerId, long.partners[1]!.partnerId));
    expect(first).toBeDefined();
    expect(await statements(() => listMyPairs(owner))).toBe(await statements(() => listMyPairs(short.partners[1]!.owner)));
  });
});
