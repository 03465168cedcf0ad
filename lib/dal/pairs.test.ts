import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cohorts, meetings, pairEvents, pairs } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { setUpPairingDatabase } from "@/lib/testing/pairing";
import { decideEnrollments, withdrawEnrollment } from "./enrollments";
import { listPartners, unlinkPartnerFromCohort } from "./partners";
import { applyProposal, changePair, getPairingBoard, listCohortPairs, listMyPairs, pairParticipant, proposePairs, unpair } from "./pairs";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const { t, f } = setUpPairingDatabase();

const activePairsOf = (partnerId: string) => t.db.select().from(pairs).where(and(eq(pairs.partnerId, partnerId), eq(pairs.status, "confirmed")));

describe("the pairing board", () => {
  it("ranks partners per unpaired participant with reasons, and shows the ones ruled out and why", async () => {
    const cohortId = await f.newCohort();
    const p = await f.participant(cohortId, { employer: "Gemeente Zwolle", policyAreas: ["Wonen", "Zorg en welzijn"], languages: ["en"], region: "overijssel" });
    const good = await f.partner({ policyAreas: ["Wonen", "Zorg en welzijn"], languages: ["en"], region: "overijssel" }, { cohortId });
    const fair = await f.partner({ policyAreas: ["Wonen"], languages: ["nl"] }, { cohortId });
    const host = await f.partner({ kind: "host", name: "Wijkteam Zwolle-Zuid", aliases: "Gemeente Zwolle", policyAreas: ["Wonen"] }, { cohortId });
    const board = await getPairingBoard(f.people.coordinator, cohortId);
    const row = board.waiting.items.find((x) => x.enrollmentId === p.enrollmentId)!;
    expect(row.pair).toBeNull();
    expect(row.suggestions.map((s) => s.partnerId)).toEqual([good.partnerId, fair.partnerId]);
    expect(row.suggestions[0]!.partnerName).toBe(good.name);
    expect(row.suggestions[0]!.reasons).toEqual(
      expect.arrayContaining([
        { kind: "policyAreas", shared: ["Wonen", "Zorg en welzijn"] },
        { kind: "languages", shared: ["en"] },
        { kind: "region", region: "overijssel" },
        { kind: "capacity", left: 2 },
      ]),
    );
    // The account's language counts: a Dutch-speaking participant shares "nl" with the second partner.
    expect(row.languages.sort()).toEqual(["en", "nl"]);
    expect(row.suggestions[1]!.reasons).toContainEqual({ kind: "languages", shared: ["nl"] });
    expect(row.ruledOut).toEqual([expect.objectContaining({ partnerId: host.partnerId, eligible: false, conflicts: [{ kind: "ownEmployer", employer: "Gemeente Zwolle" }] })]);
    expect(board.partners.find((x) => x.id === good.partnerId)).toMatchObject({ capacity: 2, paired: 0, capacityLeft: 2 });
  });

  it("pages and searches both lists, ranking only the participants shown, and names the one an action was about", async () => {
    const cohortId = await f.newCohort();
    const partner = await f.partner({ policyAreas: ["Wonen"], capacityPerCohort: 3 }, { cohortId });
    const people: Awaited<ReturnType<typeof f.participant>>[] = [];
    for (let i = 0; i < 7; i++) people.push(await f.participant(cohortId, { employer: i === 5 ? "Provincie Drenthe" : "Gemeente Almelo", policyAreas: ["Wonen"] }));
    await pairParticipant(f.people.coordinator, cohortId, people[0]!.enrollmentId, partner.partnerId);
    await pairParticipant(f.people.coordinator, cohortId, people[1]!.enrollmentId, partner.partnerId);

    const first = await getPairingBoard(f.people.coordinator, cohortId, { pageSize: 2 });
    expect(first.counts).toEqual({ accepted: 7, paired: 2, waiting: 5 });
    expect(first.waiting).toMatchObject({ total: 5, page: 1, pages: 3 });
    // Waiting in arrival order, each with suggestions.
    expect(first.waiting.items.map((x) => x.enrollmentId)).toEqual([people[2]!.enrollmentId, people[3]!.enrollmentId]);
    expect(first.waiting.items.every((x) => x.suggestions[0]?.partnerId === partner.partnerId)).toBe(true);
    expect(first.paired).toMatchObject({ total: 2, page: 1, pages: 1 });
    expect(first.paired.items.every((x) => x.pair?.partnerId === partner.partnerId && x.suggestions.length === 0)).toBe(true);

    const last = await getPairingBoard(f.people.coordinator, cohortId, { pageSize: 2, page: 3 });
    expect(last.waiting.items.map((x) => x.enrollmentId)).toEqual([people[6]!.enrollmentId]);
    const past = await getPairingBoard(f.people.coordinator, cohortId, { pageSize: 2, page: 9 });
    expect(past.waiting).toMatchObject({ items: [], total: 5, page: 9, pages: 3 });

    const found = await getPairingBoard(f.people.coordinator, cohortId, { q: "  drenthe " });
    expect(found.query).toBe("drenthe");
    expect(found.waiting.items.map((x) => x.enrollmentId)).toEqual([people[5]!.enrollmentId]);
    expect(found.paired.total).toBe(0);
    expect(found.counts.accepted).toBe(7);

    const about = await getPairingBoard(f.people.coordinator, cohortId, { pageSize: 1, about: people[1]!.enrollmentId });
    expect(about.about).toMatchObject({ enrollmentId: people[1]!.enrollmentId, pair: { partnerId: partner.partnerId, partnerName: partner.name } });
    expect((await getPairingBoard(f.people.coordinator, cohortId, { about: "not-an-id" })).about).toBeNull();
  });

  it("is only for the cohort's coordinators", async () => {
    const cohortId = await f.newCohort();
    await expect(getPairingBoard(f.people.participant, cohortId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getPairingBoard(f.people.partner, cohortId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getPairingBoard(f.people.otherCoordinator, cohortId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPairingBoard(null, cohortId)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(proposePairs(f.people.otherCoordinator, cohortId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCohortPairs(f.people.participant, cohortId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("pairing one participant", () => {
  it("confirms at once, records it and introduces both sides by mail, each in their own language", async () => {
    const cohortId = await f.newCohort();
    const p = await f.participant(cohortId, { employer: "Ministerie van Financiën", jobTitle: "Beleidsmedewerker" }, "en");
    const q = await f.partner({ ownerLocale: "zh-CN", contactPhone: "+31 6 1234 5678" }, { cohortId });
    const { pairId } = await pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, q.partnerId);
    const [toParticipant] = await f.mailsTo(p.email).then((ms) => ms.filter((m) => m.template === "pair-introduction"));
    expect(toParticipant).toMatchObject({ locale: "en" });
    expect(toParticipant!.subject).toBe(`Introduction: you are paired with ${q.name}`);
    expect(toParticipant!.text).toContain("Wij zoeken hulp bij een subsidieaanvraag.");
    expect(toParticipant!.text).toContain(q.ownerEmail);
    expect(toParticipant!.text).toContain("+31 6 1234 5678");
    const [toPartner] = await f.mailsTo(q.ownerEmail).then((ms) => ms.filter((m) => m.template === "pair-introduction"));
    expect(toPartner).toMatchObject({ locale: "zh-CN" });
    expect(toPartner!.subject).toContain("已与");
    expect(toPartner!.text).toContain(p.name);
    expect(toPartner!.text).toContain(p.email);
    expect(toPartner!.text).toContain("Ministerie van Financiën");
    expect(toPartner!.text).not.toContain("Geheime motivatie");
    const events = await t.db.select().from(pairEvents).where(eq(pairEvents.pairId, pairId));
    expect(events.map((e) => [e.kind, e.actorUserId])).toEqual([["confirmed", f.people.coordinator.userId]]);
  });

  it("refuses the wrong people: participants and partners (403), another organisation (404), nobody signed in", async () => {
    const cohortId = await f.newCohort();
    const p = await f.participant(cohortId);
    const q = await f.partner({}, { cohortId });
    for (const actor of [f.people.participant, f.people.partner, q.owner, p.actor]) {
      await expect(pairParticipant(actor, cohortId, p.enrollmentId, q.partnerId)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(pairParticipant(f.people.otherCoordinator, cohortId, p.enrollmentId, q.partnerId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(pairParticipant(null, cohortId, p.enrollmentId, q.partnerId)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await activePairsOf(q.partnerId)).toEqual([]);
  });

  it("refuses own employer, participants not accepted, a second pair, unlinked and full partners", async () => {
    const cohortId = await f.newCohort();
    const host = await f.partner({ kind: "host", name: "Gemeente Deventer, team Wijken", aliases: "Gemeente Deventer", capacityPerCohort: 1 }, { cohortId });
    // Employer names are compared without case or surrounding spaces.
    const a = await f.participant(cohortId, { employer: "gemeente deventer " });
    await expect(pairParticipant(f.people.coordinator, cohortId, a.enrollmentId, host.partnerId)).rejects.toMatchObject({ message: "ownEmployer" });
    const [b, c, d] = [await f.participant(cohortId, { employer: "Rijkswaterstaat" }), await f.participant(cohortId, { employer: "Rijkswaterstaat" }), await f.participant(cohortId, { employer: "Rijkswaterstaat" })];
    await decideEnrollments(f.people.coordinator, cohortId, { ids: [c.enrollmentId], decision: "reject", reason: "" });
    await expect(pairParticipant(f.people.coordinator, cohortId, c.enrollmentId, host.partnerId)).rejects.toMatchObject({ message: "notAccepted" });
    await pairParticipant(f.people.coordinator, cohortId, b.enrollmentId, host.partnerId);
    await expect(pairParticipant(f.people.coordinator, cohortId, b.enrollmentId, host.partnerId)).rejects.toMatchObject({ message: "alreadyPaired" });
    await expect(pairParticipant(f.people.coordinator, cohortId, d.enrollmentId, host.partnerId)).rejects.toMatchObject({ message: "partnerFull" });
    const unlinked = await f.partner();
    await expect(pairParticipant(f.people.coordinator, cohortId, d.enrollmentId, unlinked.partnerId)).rejects.toMatchObject({ message: "partnerNotLinked" });
    // An enrollment of another cohort does not exist in this one.
    const stranger = await f.participant(await f.newCohort());
    await expect(pairParticipant(f.people.coordinator, cohortId, stranger.enrollmentId, host.partnerId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("ends the pair when the participant withdraws, so the partner's place is free again", async () => {
    const cohortId = await f.newCohort();
    const p = await f.participant(cohortId);
    const q = await f.partner({ capacityPerCohort: 1 }, { cohortId });
    await pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, q.partnerId);
    await withdrawEnrollment(p.actor, p.enrollmentId, "Nieuwe baan");
    expect(await activePairsOf(q.partnerId)).toEqual([]);
    const next = await f.participant(cohortId);
    await pairParticipant(f.people.coordinator, cohortId, next.enrollmentId, q.partnerId);
  });
});

describe("undoing and changing a pair", () => {
  it("unpairs with a reason, frees the place and keeps the history; refuses the wrong people", async () => {
    const cohortId = await f.newCohort();
    const p = await f.participant(cohortId);
    const q = await f.partner({ capacityPerCohort: 1 }, { cohortId });
    const { pairId } = await pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, q.partnerId);
    await expect(unpair(f.people.coordinator, pairId, "  ")).rejects.toMatchObject({ message: "required", field: "reason" });
    await expect(unpair(q.owner, pairId, "Klikt niet")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(unpair(p.actor, pairId, "Klikt niet")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(unpair(f.people.otherCoordinator, pairId, "Klikt niet")).rejects.toBeInstanceOf(NotFoundError);
    await expect(unlinkPartnerFromCohort(f.people.coordinator, q.partnerId, cohortId)).rejects.toMatchObject({ message: "partnerHasPairs" });
    await unpair(f.people.coordinator, pairId, "Klikt niet");
    await expect(unpair(f.people.coordinator, pairId, "Nog eens")).rejects.toMatchObject({ message: "pairEnded" });
    const [row] = await t.db.select().from(pairs).where(eq(pairs.id, pairId));
    expect(row).toMatchObject({ status: "ended", endReason: "Klikt niet", endedById: f.people.coordinator.userId });
    const events = await t.db.select().from(pairEvents).where(eq(pairEvents.pairId, pairId));
    expect(events.map((e) => [e.kind, e.reason])).toEqual([
      ["confirmed", ""],
      ["ended", "Klikt niet"],
    ]);
    await unlinkPartnerFromCohort(f.people.coordinator, q.partnerId, cohortId);
  });

  it("changes the partner with a reason: old pair ended as changed, new one confirmed and introduced", async () => {
    const cohortId = await f.newCohort();
    const p = await f.participant(cohortId);
    const q1 = await f.partner({}, { cohortId });
    const q2 = await f.partner({ capacityPerCohort: 1 }, { cohortId });
    const { pairId } = await pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, q1.partnerId);
    await expect(changePair(f.people.coordinator, pairId, q1.partnerId, "Zelfde")).rejects.toMatchObject({ message: "samePartner" });
    await expect(changePair(f.people.coordinator, pairId, q2.partnerId, "")).rejects.toMatchObject({ field: "reason" });
    await expect(changePair(f.people.partner, pairId, q2.partnerId, "Beter")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changePair(f.people.otherCoordinator, pairId, q2.partnerId, "Beter")).rejects.toBeInstanceOf(NotFoundError);
    const changed = await changePair(f.people.coordinator, pairId, q2.partnerId, "Betere match op taal");
    expect((await activePairsOf(q1.partnerId)).length).toBe(0);
    expect((await activePairsOf(q2.partnerId)).map((x) => x.id)).toEqual([changed.pairId]);
    const oldEvents = await t.db.select().from(pairEvents).where(eq(pairEvents.pairId, pairId));
    expect(oldEvents.map((e) => [e.kind, e.reason, e.relatedPairId])).toEqual([
      ["confirmed", "", null],
      ["changed", "Betere match op taal", changed.pairId],
    ]);
    expect((await f.mailsTo(q2.ownerEmail)).filter((m) => m.template === "pair-introduction")).toHaveLength(1);
    // q2 is now full: moving someone else there is refused.
    const other = await f.participant(cohortId);
    const second = await pairParticipant(f.people.coordinator, cohortId, other.enrollmentId, q1.partnerId);
    await expect(changePair(f.people.coordinator, second.pairId, q2.partnerId, "Vol?")).rejects.toMatchObject({ message: "partnerFull" });
  });
});

describe("proposing and applying pairs for the whole cohort", () => {
  it("proposes an assignment within capacities and applies it in one step", async () => {
    const cohortId = await f.newCohort();
    const ps: Awaited<ReturnType<typeof f.participant>>[] = [];
    for (const areas of [["Wonen"], ["Wonen"], ["Duurzaamheid"]]) ps.push(await f.participant(cohortId, { policyAreas: areas }));
    const wonen = await f.partner({ policyAreas: ["Wonen"], capacityPerCohort: 1 }, { cohortId });
    const groen = await f.partner({ policyAreas: ["Duurzaamheid"], capacityPerCohort: 2 }, { cohortId });
    const proposal = await proposePairs(f.people.coordinator, cohortId);
    expect(proposal.pairs).toHaveLength(3);
    expect(proposal.pairs.filter((x) => x.partnerId === wonen.partnerId)).toHaveLength(1);
    expect(proposal.pairs.find((x) => x.enrollmentId === ps[2]!.enrollmentId)!.partnerId).toBe(groen.partnerId);
    expect(proposal.pairs[0]!.participantName).toBeTruthy();
    // The draft explains itself: the reasons behind each proposed pair.
    expect(proposal.pairs.find((x) => x.enrollmentId === ps[2]!.enrollmentId)!.reasons).toContainEqual({ kind: "policyAreas", shared: ["Duurzaamheid"] });
    expect(await t.db.select().from(pairs).where(eq(pairs.cohortId, cohortId))).toEqual([]);
    await expect(applyProposal(f.people.partner, cohortId, proposal.pairs)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyProposal(f.people.otherCoordinator, cohortId, proposal.pairs)).rejects.toBeInstanceOf(NotFoundError);
    const result = await applyProposal(f.people.coordinator, cohortId, proposal.pairs.map(({ enrollmentId, partnerId }) => ({ enrollmentId, partnerId })));
    expect(result).toMatchObject({ applied: true });
    expect((await listCohortPairs(f.people.coordinator, cohortId)).length).toBe(3);
    // Everyone is paired: the next proposal is empty, and says the cohort has accepted people.
    expect(await proposePairs(f.people.coordinator, cohortId)).toMatchObject({ pairs: [], unpaired: [], accepted: 3 });
    // A cohort nobody was accepted into yet is told apart from one where everyone is paired.
    expect(await proposePairs(f.people.coordinator, await f.newCohort())).toMatchObject({ pairs: [], unpaired: [], accepted: 0 });
  });

  it("computes a cohort's proposal once until what it depends on changes", async () => {
    const cohortId = await f.newCohort();
    const a = await f.participant(cohortId, { policyAreas: ["Wonen"] });
    const b = await f.participant(cohortId, { policyAreas: ["Wonen"] });
    const q = await f.partner({ policyAreas: ["Wonen"], capacityPerCohort: 1 }, { cohortId });
    const first = await proposePairs(f.people.coordinator, cohortId, { alternatives: 3 });
    // Viewed again with nothing changed: the same proposal, not computed anew.
    expect((await proposePairs(f.people.coordinator, cohortId, { alternatives: 3 })).pairs).toBe(first.pairs);
    expect(first.pairs).toHaveLength(1);
    // A pair made on the board: the next view proposes for the one still waiting only.
    await pairParticipant(f.people.coordinator, cohortId, a.enrollmentId, q.partnerId);
    const after = await proposePairs(f.people.coordinator, cohortId, { alternatives: 3 });
    expect(after.pairs).not.toBe(first.pairs);
    expect(after.pairs).toEqual([]);
    expect(after.unpaired.map((u) => [u.enrollmentId, u.reason])).toEqual([[b.enrollmentId, "noEligiblePartner"]]);
    // A new partner linked: proposed at once.
    const r = await f.partner({ policyAreas: ["Wonen"], capacityPerCohort: 1 }, { cohortId });
    expect((await proposePairs(f.people.coordinator, cohortId, { alternatives: 3 })).pairs.map((p) => [p.enrollmentId, p.partnerId])).toEqual([[b.enrollmentId, r.partnerId]]);
    // Still only for its coordinators, cached or not.
    await expect(proposePairs(f.people.otherCoordinator, cohortId, { alternatives: 3 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("offers each participant only their best other eligible partners, ranked as on the board", async () => {
    const cohortId = await f.newCohort();
    const p = await f.participant(cohortId, { employer: "Gemeente Almelo", policyAreas: ["Wonen", "Duurzaamheid"] });
    const left = await f.participant(cohortId, { policyAreas: ["Zorg en welzijn"] });
    const qs = [];
    for (const areas of [["Wonen", "Duurzaamheid"], ["Wonen"], ["Duurzaamheid"], ["Zorg en welzijn"], ["Participatie"]]) qs.push(await f.partner({ policyAreas: areas, capacityPerCohort: 1 }, { cohortId }));
    const own = await f.partner({ kind: "host", aliases: "Gemeente Almelo", policyAreas: ["Wonen", "Duurzaamheid"] }, { cohortId });
    // Without the option the proposal stays as the API shows it: no alternatives.
    expect((await proposePairs(f.people.coordinator, cohortId)).pairs.every((x) => x.alternatives.length === 0)).toBe(true);

    const proposal = await proposePairs(f.people.coordinator, cohortId, { alternatives: 3 });
    const board = await getPairingBoard(f.people.coordinator, cohortId, { suggestions: 10 });
    for (const who of [p, left]) {
      const row = proposal.pairs.find((x) => x.enrollmentId === who.enrollmentId)!;
      const ranked = board.waiting.items.find((x) => x.enrollmentId === who.enrollmentId)!.suggestions.filter((s) => s.partnerId !== row.partnerId);
      expect(row.alternatives).toEqual(ranked.slice(0, 3).map((s) => ({ partnerId: s.partnerId, partnerName: s.partnerName, score: s.score })));
      expect(row.alternatives).toHaveLength(3);
    }
    // Never a partner ruled out: the participant's own employer is not offered to them.
    const mine = proposal.pairs.find((x) => x.enrollmentId === p.enrollmentId)!;
    expect(mine.alternatives.map((a) => a.partnerId)).not.toContain(own.partnerId);
    expect(mine.partnerId).toBe(qs[0]!.partnerId);
    // Every partner the draft names comes with its places left, for the live capacity check.
    const named = new Set(proposal.pairs.flatMap((x) => [x.partnerId, ...x.alternatives.map((a) => a.partnerId)]));
    expect(new Set(proposal.partners.map((x) => x.id))).toEqual(named);
    for (const x of proposal.partners) expect(x.capacityLeft).toBe(board.partners.find((y) => y.id === x.id)!.capacityLeft);
  });

  it("applies all or nothing, listing every pair that failed and why", async () => {
    const cohortId = await f.newCohort();
    const a = await f.participant(cohortId);
    const b = await f.participant(cohortId);
    const c = await f.participant(cohortId, { employer: "Gemeente Almelo" });
    const small = await f.partner({ capacityPerCohort: 1 }, { cohortId });
    const almelo = await f.partner({ kind: "host", aliases: "Gemeente Almelo" }, { cohortId });
    const result = await applyProposal(f.people.coordinator, cohortId, [
      { enrollmentId: a.enrollmentId, partnerId: small.partnerId },
      { enrollmentId: b.enrollmentId, partnerId: small.partnerId },
      { enrollmentId: c.enrollmentId, partnerId: almelo.partnerId },
    ]);
    expect(result).toEqual({
      applied: false,
      failures: [
        { enrollmentId: b.enrollmentId, partnerId: small.partnerId, reason: "partnerFull" },
        { enrollmentId: c.enrollmentId, partnerId: almelo.partnerId, reason: "ownEmployer" },
      ],
    });
    expect(await t.db.select().from(pairs).where(eq(pairs.cohortId, cohortId))).toEqual([]);
    await expect(
      applyProposal(f.people.coordinator, cohortId, [
        { enrollmentId: a.enrollmentId, partnerId: small.partnerId },
        { enrollmentId: a.enrollmentId, partnerId: almelo.partnerId },
      ]),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("the cohort's pairs", () => {
  it("counts meetings and flags pairs without a confirmed meeting after the programme's weeks", async () => {
    const cohortId = await f.newCohort();
    const p = await f.participant(cohortId);
    const q = await f.partner({}, { cohortId });
    const { pairId } = await pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, q.partnerId);
    const now = (await listCohortPairs(f.people.coordinator, cohortId))[0]!;
    expect(now).toMatchObject({ pairId, meetingsLogged: 0, meetingsConfirmed: 0, lastMeetingAt: null, flagged: false });
    const later = new Date(Date.now() + 5 * 7 * 86400_000);
    expect((await listCohortPairs(f.people.coordinator, cohortId, { now: later }))[0]!.flagged).toBe(true);
    await expect(listCohortPairs(f.people.otherCoordinator, cohortId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("what each side sees", () => {
  it("shows a partner only their own pairs, with only the fields needed to work together", async () => {
    const cohortId = await f.newCohort();
    const mine = await f.participant(cohortId, { jobTitle: "Adviseur", policyAreas: ["Wonen", "Participatie"] });
    const notMine = await f.participant(cohortId);
    const q = await f.partner({}, { cohortId });
    const r = await f.partner({}, { cohortId });
    await pairParticipant(f.people.coordinator, cohortId, mine.enrollmentId, q.partnerId);
    await pairParticipant(f.people.coordinator, cohortId, notMine.enrollmentId, r.partnerId);
    const seen = await listMyPairs(q.owner);
    expect(seen).toHaveLength(1);
    const pair = seen[0]!;
    if (pair.side !== "partner") throw new Error("expected the partner's side");
    expect(pair.participant).toEqual({ name: mine.name, email: mine.email, employer: "Gemeente Deventer", jobTitle: "Adviseur", policyAreas: ["Wonen", "Participatie"] });
    const json = JSON.stringify(seen);
    for (const secret of ["motivation", "answers", "Geheime motivatie", "availableHalfDays", notMine.email, notMine.name]) expect(json).not.toContain(secret);
    expect(Object.keys(pair).sort()).toEqual(["cohortId", "cohortName", "confirmedAt", "meetingsAwaitingMe", "meetingsConfirmed", "meetingsLogged", "pairId", "participant", "partner", "programmeName", "side"]);
  });

  it("shows a participant only their own pair, and nothing to people without one", async () => {
    const cohortId = await f.newCohort();
    const a = await f.participant(cohortId);
    const b = await f.participant(cohortId);
    const q = await f.partner({ contactEmail: "hallo@initiatief.example.org" }, { cohortId });
    await pairParticipant(f.people.coordinator, cohortId, a.enrollmentId, q.partnerId);
    const seen = await listMyPairs(a.actor);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ side: "participant", partner: { id: q.partnerId, name: q.name, contactEmail: "hallo@initiatief.example.org" } });
    expect(JSON.stringify(seen)).not.toContain(b.email);
    expect(await listMyPairs(b.actor)).toEqual([]);
    expect(await listMyPairs(f.people.otherCoordinator)).toEqual([]);
    await expect(listMyPairs(null)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("the demo data", () => {
  it("gives the pairing board work, and the demo participant and partner a pair with a meeting to confirm", async () => {
    const [spring] = await t.db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.name, "Voorjaar 2027"));
    const board = await getPairingBoard(f.people.coordinator, spring!.id);
    const unpaired = board.waiting.items;
    expect(unpaired.length).toBeGreaterThanOrEqual(4);
    expect(unpaired.every((x) => x.suggestions.length > 0)).toBe(true);
    const ahmed = unpaired.find((x) => x.name === "Ahmed Benali")!;
    expect(ahmed.ruledOut.map((r) => r.conflicts[0]?.kind)).toContain("ownEmployer");
    const [running] = await t.db.select({ id: cohorts.id, startDate: cohorts.startDate }).from(cohorts).where(eq(cohorts.name, "Najaar 2026"));
    const runningBoard = await getPairingBoard(f.people.coordinator, running!.id);
    expect(runningBoard.paired.items.find((x) => x.name === "Pim Jansen")!.pair).toMatchObject({ partnerName: "Buurtmoestuin De Groene Vinger" });
    // The demo tells the truth: the running cohort's pairs and meetings lie between its start and now.
    const start = new Date(`${running!.startDate}T00:00:00Z`).getTime();
    const made = await t.db.select({ confirmedAt: pairs.confirmedAt, id: pairs.id }).from(pairs).where(eq(pairs.cohortId, running!.id));
    expect(made.length).toBe(4);
    for (const p of made) expect(p.confirmedAt.getTime()).toBeGreaterThan(start);
    const met = await t.db.select({ startsAt: meetings.startsAt }).from(meetings).innerJoin(pairs, eq(pairs.id, meetings.pairId)).where(eq(pairs.cohortId, running!.id));
    expect(met.length).toBeGreaterThan(0);
    for (const m of met) {
      expect(m.startsAt.getTime()).toBeGreaterThan(start);
      expect(m.startsAt.getTime()).toBeLessThan(Date.now());
    }
    expect(await listMyPairs(f.people.participant)).toEqual([expect.objectContaining({ side: "participant", meetingsAwaitingMe: 1 })]);
    expect(await listMyPairs(f.people.partner)).toEqual([expect.objectContaining({ side: "partner", participant: expect.objectContaining({ name: "Pim Jansen" }) as unknown })]);
    expect((await listPartners(f.people.coordinator, { status: "pending" })).map((x) => x.name)).toContain("Voedselbank Zwolle");
  });
});

describe("concurrency (PostgreSQL)", () => {
  it.skipIf(!onPostgres)("never gives a partner more than its capacity under 20 concurrent pairings", async () => {
    const cohortId = await f.newCohort();
    const q = await f.partner({ capacityPerCohort: 2 }, { cohortId });
    const ps: Awaited<ReturnType<typeof f.participant>>[] = [];
    for (let i = 0; i < 20; i++) ps.push(await f.participant(cohortId));
    const results = await Promise.allSettled(ps.map((p) => pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, q.partnerId)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as Error).message)).toEqual(Array.from({ length: 18 }, () => "partnerFull"));
    expect(await activePairsOf(q.partnerId)).toHaveLength(2);
  });

  it.skipIf(!onPostgres)("pairs a participant only once when two coordinators pair them at once with different partners", async () => {
    const cohortId = await f.newCohort();
    const p = await f.participant(cohortId);
    const partners = [await f.partner({}, { cohortId }), await f.partner({}, { cohortId }), await f.partner({}, { cohortId })];
    const results = await Promise.allSettled([
      ...partners.map((q) => pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, q.partnerId)),
      applyProposal(f.people.admin, cohortId, [{ enrollmentId: p.enrollmentId, partnerId: partners[0]!.partnerId }]),
    ]);
    const made = await t.db.select().from(pairs).where(and(eq(pairs.enrollmentId, p.enrollmentId), eq(pairs.status, "confirmed")));
    expect(made).toHaveLength(1);
    expect(results.filter((r) => r.status === "fulfilled" && !(r.value && "applied" in r.value && !r.value.applied))).toHaveLength(1);
  });
});
