import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as signUpRoute from "@/app/api/v1/cohorts/[id]/enrollments/route";
import * as proposalRoute from "@/app/api/v1/cohorts/[id]/pairing-proposal/route";
import * as cohortPairsRoute from "@/app/api/v1/cohorts/[id]/pairs/route";
import * as myPairsRoute from "@/app/api/v1/me/pairs/route";
import * as meetingResponseRoute from "@/app/api/v1/meetings/[id]/response/route";
import * as changePairRoute from "@/app/api/v1/pairs/[id]/change/route";
import * as endPairRoute from "@/app/api/v1/pairs/[id]/end/route";
import * as pairMeetingsRoute from "@/app/api/v1/pairs/[id]/meetings/route";
import * as partnerDecisionRoute from "@/app/api/v1/partners/[id]/decision/route";
import * as partnerRoute from "@/app/api/v1/partners/[id]/route";
import * as partnersRoute from "@/app/api/v1/partners/route";
import type { UserActor } from "@/lib/dal/actor";
import { createApiToken } from "@/lib/dal/api-tokens";
import { call, expectProblem } from "@/lib/testing/api";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { schemaErrors } from "@/lib/testing/openapi";
import { pairingFixture } from "@/lib/testing/pairing";

// Route handlers that change what public pages show revalidate them (lib/public-pages.ts); there is no Next.js cache here.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let t: TestDatabase;
let f: Awaited<ReturnType<typeof pairingFixture>>;
const tokens = {} as Record<"coordinator" | "otherCoordinator" | "outsider", string>;

const tokenFor = async (actor: UserActor) => (await createApiToken(actor, { name: "test" })).token;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await pairingFixture(t.db);
  tokens.coordinator = await tokenFor(f.people.coordinator);
  tokens.otherCoordinator = await tokenFor(f.people.otherCoordinator);
  // A participant of the same organisation who is in none of the pairs below.
  tokens.outsider = await tokenFor(f.people.participant);
});
afterAll(async () => t.close());

const HOUR = 3600_000;
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
const meetingBody = (over: Record<string, unknown> = {}) => ({ startsAt: hoursAgo(2), durationMinutes: 60, mode: "in_person", notes: "Kennismaking", ...over });

/** The documented schema holds for what the API sent. */
const expectDocumented = (body: unknown, schema: string) => expect(schemaErrors(body, schema)).toEqual([]);

/** A cohort, a participant and a partner (capacity 2 there), each with their own token, paired through the API. */
async function aPair(link: { capacity?: number } = {}) {
  const cohortId = await f.newCohort();
  const p = await f.participant(cohortId, {}, "en");
  const q = await f.partner({}, { cohortId, ...link });
  const path = `/cohorts/${cohortId}/pairs`;
  const r = await call(cohortPairsRoute.POST, { path, id: cohortId, token: tokens.coordinator, body: { enrollmentId: p.enrollmentId, partnerId: q.partnerId } });
  expect(r.status).toBe(201);
  expectDocumented(r.body, "PairCreated");
  return { cohortId, p, q, pairId: r.body.pairId as string, participantToken: await tokenFor(p.actor), partnerToken: await tokenFor(q.owner) };
}

describe("API v1: meetings", () => {
  it("lets the partner log a meeting with their token and the participant confirm it with theirs", async () => {
    const { cohortId, pairId, q, participantToken, partnerToken } = await aPair();
    const path = `/pairs/${pairId}/meetings`;
    const startsAt = hoursAgo(3);
    const logged = await call(pairMeetingsRoute.POST, { path, id: pairId, token: partnerToken, body: meetingBody({ startsAt, notes: "Subsidieaanvraag doorgenomen" }) });
    expect(logged.status).toBe(201);
    expectDocumented(logged.body, "Meeting");
    expect(logged.body).toMatchObject({ pairId, startsAt, durationMinutes: 60, mode: "in_person", status: "logged", loggedBySide: "partner", awaitingMe: false });
    const meetingId = logged.body.id as string;

    const mine = await call(myPairsRoute.GET, { path: "/me/pairs", token: participantToken });
    expectDocumented(mine.body, "MyPairList");
    expect(mine.body.items).toMatchObject([{ id: pairId, side: "participant", cohortId, meetingsLogged: 1, meetingsAwaitingMe: 1, partner: { id: q.partnerId } }]);
    const seen = await call(pairMeetingsRoute.GET, { path, id: pairId, token: participantToken });
    expectDocumented(seen.body, "MeetingList");
    expect(seen.body.items).toEqual([expect.objectContaining({ id: meetingId, awaitingMe: true })]);

    const answerPath = `/meetings/${meetingId}/response`;
    const own = await call(meetingResponseRoute.POST, { path: answerPath, id: meetingId, token: partnerToken, body: { response: "confirm" } });
    expectProblem(own, 403, answerPath);
    const confirmed = await call(meetingResponseRoute.POST, { path: answerPath, id: meetingId, token: participantToken, body: { response: "confirm" } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ id: meetingId, status: "confirmed" });
    const again = await call(meetingResponseRoute.POST, { path: answerPath, id: meetingId, token: participantToken, body: { response: "confirm" } });
    expectProblem(again, 409, answerPath);
    expect(again.body.code).toBe("meetingAlreadyAnswered");

    const pairs = await call(cohortPairsRoute.GET, { path: `/cohorts/${cohortId}/pairs`, id: cohortId, token: tokens.coordinator });
    expect(pairs.body.items).toEqual([expect.objectContaining({ id: pairId, meetingsLogged: 1, meetingsConfirmed: 1, lastMeetingAt: startsAt, flagged: false })]);
    const partnerSide = await call(myPairsRoute.GET, { path: "/me/pairs", token: partnerToken });
    expectDocumented(partnerSide.body, "MyPairList");
    const [asPartner] = partnerSide.body.items as { participant: object }[];
    expect(asPartner).toMatchObject({ side: "partner", meetingsConfirmed: 1, participant: { employer: "Gemeente Deventer" } });
    expect(asPartner!.participant).not.toHaveProperty("motivation");
  });

  it("refuses a meeting in the future or over 12 hours with 422 naming the field, and unknown fields", async () => {
    const { pairId, partnerToken } = await aPair();
    const path = `/pairs/${pairId}/meetings`;
    const future = await call(pairMeetingsRoute.POST, { path, id: pairId, token: partnerToken, body: meetingBody({ startsAt: new Date(Date.now() + 24 * HOUR).toISOString() }) });
    expectProblem(future, 422, path);
    expect(future.body.errors).toEqual({ startsAt: ["meetingInFuture"] });
    expect(future.body.detail).toContain("startsAt: A meeting cannot be in the future.");
    const long = await call(pairMeetingsRoute.POST, { path, id: pairId, token: partnerToken, body: meetingBody({ durationMinutes: 721 }) });
    expectProblem(long, 422, path);
    expect(long.body.errors).toEqual({ durationMinutes: ["durationTooLong"] });
    expect(long.body.detail).toContain("durationMinutes: A meeting lasts at most 12 hours");
    const unknown = await call(pairMeetingsRoute.POST, { path, id: pairId, token: partnerToken, body: meetingBody({ confirmed: true }) });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual({ confirmed: ["unknownField"] });
    const list = await call(pairMeetingsRoute.GET, { path, id: pairId, token: partnerToken });
    expect(list.body.items).toEqual([]);
  });

  it("answers someone outside the pair with 404, and a dispute without a comment with 422", async () => {
    const { pairId, participantToken, partnerToken } = await aPair();
    const path = `/pairs/${pairId}/meetings`;
    expectProblem(await call(pairMeetingsRoute.POST, { path, id: pairId, token: tokens.outsider, body: meetingBody() }), 404, path);
    expectProblem(await call(pairMeetingsRoute.POST, { path, id: pairId, token: tokens.otherCoordinator, body: meetingBody() }), 404, path);
    expectProblem(await call(pairMeetingsRoute.GET, { path, id: pairId, token: tokens.otherCoordinator }), 404, path);
    // A member of the organisation who is not on the pair may not read it either, and is not told it exists.
    expectProblem(await call(pairMeetingsRoute.GET, { path, id: pairId, token: tokens.outsider }), 404, path);
    expectProblem(await call(pairMeetingsRoute.POST, { path, id: pairId, body: meetingBody() }), 401, path);
    const logged = await call(pairMeetingsRoute.POST, { path, id: pairId, token: participantToken, body: meetingBody({ mode: "online" }) });
    const meetingId = logged.body.id as string;
    const answerPath = `/meetings/${meetingId}/response`;
    expectProblem(await call(meetingResponseRoute.POST, { path: answerPath, id: meetingId, token: tokens.outsider, body: { response: "confirm" } }), 404, answerPath);
    const bare = await call(meetingResponseRoute.POST, { path: answerPath, id: meetingId, token: partnerToken, body: { response: "dispute" } });
    expectProblem(bare, 422, answerPath);
    expect(bare.body.errors).toEqual({ comment: ["disputeCommentRequired"] });
    const disputed = await call(meetingResponseRoute.POST, { path: answerPath, id: meetingId, token: partnerToken, body: { response: "dispute", comment: "Wij hebben elkaar niet gezien." } });
    expect(disputed.body).toEqual({ id: meetingId, status: "disputed" });
    // The coordinators of the organisation see the pair's meetings too.
    const seen = await call(pairMeetingsRoute.GET, { path, id: pairId, token: tokens.coordinator });
    expect(seen.body.items).toEqual([expect.objectContaining({ id: meetingId, status: "disputed", disputeComment: "Wij hebben elkaar niet gezien.", awaitingMe: false })]);
  });
});

describe("API v1: a cohort's pairs", () => {
  it("lists them for the coordinator; another organisation gets 404, a participant 403, nobody 401", async () => {
    const { cohortId, pairId, p, q } = await aPair();
    const path = `/cohorts/${cohortId}/pairs`;
    const r = await call(cohortPairsRoute.GET, { path, id: cohortId, token: tokens.coordinator });
    expect(r.status).toBe(200);
    expectDocumented(r.body, "CohortPairList");
    expect(r.body.items).toEqual([
      expect.objectContaining({ id: pairId, status: "confirmed", enrollmentId: p.enrollmentId, participantName: p.name, partnerId: q.partnerId, partnerName: q.name, meetingsLogged: 0, lastMeetingAt: null }),
    ]);
    expectProblem(await call(cohortPairsRoute.GET, { path, id: cohortId, token: tokens.otherCoordinator }), 404, path);
    expectProblem(await call(cohortPairsRoute.GET, { path, id: cohortId, token: tokens.outsider }), 403, path);
    const nobody = await call(cohortPairsRoute.GET, { path, id: cohortId });
    expectProblem(nobody, 401, path);
    expect(nobody.res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const bad = await call(cohortPairsRoute.GET, { path: `${path}?includeEnded=yes`, id: cohortId, token: tokens.coordinator });
    expect(bad.body.errors).toEqual({ includeEnded: ["invalid"] });
  });

  it("refuses pairing a partner beyond its capacity with a 409 problem, and unknown fields with 422", async () => {
    const { cohortId, q } = await aPair({ capacity: 1 });
    const second = await f.participant(cohortId);
    const path = `/cohorts/${cohortId}/pairs`;
    const full = await call(cohortPairsRoute.POST, { path, id: cohortId, token: tokens.coordinator, body: { enrollmentId: second.enrollmentId, partnerId: q.partnerId } });
    expectProblem(full, 409, path);
    expect(full.body).toMatchObject({ code: "partnerFull", detail: "This partner has no place left in this cohort." });
    const unknown = await call(cohortPairsRoute.POST, { path, id: cohortId, token: tokens.coordinator, body: { enrollmentId: second.enrollmentId, partnerId: q.partnerId, force: true } });
    expectProblem(unknown, 422, path);
    expect(unknown.body.errors).toEqual({ force: ["unknownField"] });
    const byParticipant = await call(cohortPairsRoute.POST, { path, id: cohortId, token: tokens.outsider, body: { enrollmentId: second.enrollmentId, partnerId: q.partnerId } });
    expectProblem(byParticipant, 403, path);
  });

  it("ends a pair with a reason and moves a participant to another partner", async () => {
    const { cohortId, pairId, partnerToken } = await aPair();
    const other = await f.partner({}, { cohortId });
    const changePath = `/pairs/${pairId}/change`;
    expectProblem(await call(changePairRoute.POST, { path: changePath, id: pairId, token: partnerToken, body: { partnerId: other.partnerId, reason: "Beter passend" } }), 403, changePath);
    const moved = await call(changePairRoute.POST, { path: changePath, id: pairId, token: tokens.coordinator, body: { partnerId: other.partnerId, reason: "Beter passend" } });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ replaces: pairId });
    const newPairId = moved.body.pairId as string;
    const endPath = `/pairs/${newPairId}/end`;
    const noReason = await call(endPairRoute.POST, { path: endPath, id: newPairId, token: tokens.coordinator, body: { reason: " " } });
    expect(noReason.body.errors).toEqual({ reason: ["required"] });
    expectProblem(await call(endPairRoute.POST, { path: endPath, id: newPairId, token: tokens.otherCoordinator, body: { reason: "Weg" } }), 404, endPath);
    const ended = await call(endPairRoute.POST, { path: endPath, id: newPairId, token: tokens.coordinator, body: { reason: "Deelnemer gestopt" } });
    expect(ended.body).toEqual({ pairId: newPairId, status: "ended" });
    const again = await call(endPairRoute.POST, { path: endPath, id: newPairId, token: tokens.coordinator, body: { reason: "Nog eens" } });
    expectProblem(again, 409, endPath);
    expect(again.body.code).toBe("pairEnded");
    const all = await call(cohortPairsRoute.GET, { path: `/cohorts/${cohortId}/pairs?includeEnded=true`, id: cohortId, token: tokens.coordinator });
    expect((all.body.items as { status: string }[]).map((x) => x.status)).toEqual(["ended", "ended"]);
  });

  it("proposes pairs for everyone and applies a proposal all or nothing (409 listing the failures)", async () => {
    const cohortId = await f.newCohort();
    const a = await f.participant(cohortId);
    const b = await f.participant(cohortId);
    const q = await f.partner({}, { cohortId, capacity: 1 });
    const path = `/cohorts/${cohortId}/pairing-proposal`;
    const proposal = await call(proposalRoute.GET, { path, id: cohortId, token: tokens.coordinator });
    expect(proposal.status).toBe(200);
    expectDocumented(proposal.body, "Proposal");
    expect(proposal.body.pairs).toHaveLength(1);
    expect(proposal.body.pairs).toMatchObject([{ partnerId: q.partnerId, reasons: expect.arrayContaining([{ kind: "policyAreas", shared: ["Wonen"] }]) as unknown }]);
    expect(proposal.body.unpaired).toEqual([expect.objectContaining({ reason: "noCapacityLeft" })]);
    const both = [a, b].map((x) => ({ enrollmentId: x.enrollmentId, partnerId: q.partnerId }));
    const refused = await call(proposalRoute.POST, { path, id: cohortId, token: tokens.coordinator, body: { pairs: both } });
    expectProblem(refused, 409, path);
    expectDocumented(refused.body, "ProposalRefusedProblem");
    expect(refused.body).toMatchObject({ code: "proposalRefused", failures: [{ enrollmentId: b.enrollmentId, partnerId: q.partnerId, reason: "partnerFull" }], errors: { "pairs.1": ["partnerFull"] } });
    expect((await call(cohortPairsRoute.GET, { path: `/cohorts/${cohortId}/pairs`, id: cohortId, token: tokens.coordinator })).body.items).toEqual([]);
    const twice = await call(proposalRoute.POST, { path, id: cohortId, token: tokens.coordinator, body: { pairs: [both[0], both[0]] } });
    expect(twice.body.errors).toEqual({ pairs: ["duplicateParticipant"] });
    expectProblem(await call(proposalRoute.GET, { path, id: cohortId, token: tokens.otherCoordinator }), 404, path);
    const applied = await call(proposalRoute.POST, { path, id: cohortId, token: tokens.coordinator, body: { pairs: (proposal.body.pairs as { enrollmentId: string; partnerId: string }[]).map((x) => ({ enrollmentId: x.enrollmentId, partnerId: x.partnerId })) } });
    expect(applied.status).toBe(201);
    expectDocumented(applied.body, "ProposalApplied");
    expect(applied.body.pairIds).toHaveLength(1);
  });
});

describe("API v1: partners", () => {
  it("lists the organisation's partners for coordinators only", async () => {
    const q = await f.partner({ name: "Buurtkracht Zeist", kind: "coach" });
    const r = await call(partnersRoute.GET, { path: "/partners?q=buurtkracht&kind=coach&status=approved", token: tokens.coordinator });
    expect(r.status).toBe(200);
    expectDocumented(r.body, "PartnerList");
    expect(r.body.items).toEqual([expect.objectContaining({ id: q.partnerId, name: "Buurtkracht Zeist", kind: "coach", status: "approved" })]);
    const theirs = await call(partnersRoute.GET, { path: "/partners?q=buurtkracht", token: tokens.otherCoordinator });
    expect(theirs.body.items).toEqual([]);
    expectProblem(await call(partnersRoute.GET, { path: "/partners", token: tokens.outsider }), 403, "/partners");
    expectProblem(await call(partnersRoute.GET, { path: "/partners" }), 401, "/partners");
    expect((await call(partnersRoute.GET, { path: "/partners?kind=bank", token: tokens.coordinator })).body.errors).toEqual({ kind: ["invalid"] });
  });

  it("shows a partner to its owner and coordinators, and lets the owner update only the help request and profile", async () => {
    const q = await f.partner({ policyAreas: ["Wonen", "Participatie"] });
    const ownerToken = await tokenFor(q.owner);
    const path = `/partners/${q.partnerId}`;
    const seen = await call(partnerRoute.GET, { path, id: q.partnerId, token: ownerToken });
    expectDocumented(seen.body, "Partner");
    expect(seen.body).toMatchObject({ id: q.partnerId, canEditIdentity: false, owner: { email: q.ownerEmail } });
    expectProblem(await call(partnerRoute.GET, { path, id: q.partnerId, token: tokens.otherCoordinator }), 404, path);
    expectProblem(await call(partnerRoute.GET, { path, id: q.partnerId, token: tokens.outsider }), 403, path);

    const patched = await call(partnerRoute.PATCH, { method: "PATCH", path, id: q.partnerId, token: ownerToken, body: { helpRequest: "Hulp bij vrijwilligersbeleid.", region: "utrecht" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ helpRequest: "Hulp bij vrijwilligersbeleid.", region: "utrecht", policyAreas: ["Wonen", "Participatie"], name: q.name });
    const rename = await call(partnerRoute.PATCH, { method: "PATCH", path, id: q.partnerId, token: ownerToken, body: { name: "Iets anders" } });
    expectProblem(rename, 403, path);
    expect(rename.body.errors).toEqual({ name: ["identityFields"] });
    const unknown = await call(partnerRoute.PATCH, { method: "PATCH", path, id: q.partnerId, token: ownerToken, body: { status: "approved", capacityPerCohort: 99 } });
    expectProblem(unknown, 422, path);
    expect(unknown.body.errors).toEqual({ status: ["unknownField"], capacityPerCohort: ["tooLarge"] });
    expectProblem(await call(partnerRoute.PATCH, { method: "PATCH", path, id: q.partnerId, token: tokens.otherCoordinator, body: { helpRequest: "x" } }), 404, path);

    const byCoordinator = await call(partnerRoute.PATCH, { method: "PATCH", path, id: q.partnerId, token: tokens.coordinator, body: { name: "Nieuwe naam", kind: "host", aliases: ["Oude naam"] } });
    expect(byCoordinator.status).toBe(200);
    expect(byCoordinator.body).toMatchObject({ name: "Nieuwe naam", kind: "host", aliases: ["Oude naam"], helpRequest: "Hulp bij vrijwilligersbeleid.", canEditIdentity: true });
  });

  it("lets a coordinator decline a partner, not while it has pairs, and nobody else", async () => {
    const { q } = await aPair();
    const path = `/partners/${q.partnerId}/decision`;
    const busy = await call(partnerDecisionRoute.POST, { path, id: q.partnerId, token: tokens.coordinator, body: { decision: "decline" } });
    expectProblem(busy, 409, path);
    expect(busy.body.code).toBe("partnerHasPairs");
    const idle = await f.partner();
    const idlePath = `/partners/${idle.partnerId}/decision`;
    expectProblem(await call(partnerDecisionRoute.POST, { path: idlePath, id: idle.partnerId, token: await tokenFor(idle.owner), body: { decision: "approve" } }), 403, idlePath);
    expectProblem(await call(partnerDecisionRoute.POST, { path: idlePath, id: idle.partnerId, token: tokens.otherCoordinator, body: { decision: "decline" } }), 404, idlePath);
    expect((await call(partnerDecisionRoute.POST, { path: idlePath, id: idle.partnerId, token: tokens.coordinator, body: { decision: "maybe" } })).body.errors).toEqual({ decision: ["choose"] });
    const declined = await call(partnerDecisionRoute.POST, { path: idlePath, id: idle.partnerId, token: tokens.coordinator, body: { decision: "decline", reason: "Buiten ons werkgebied" } });
    expect(declined.body).toEqual({ id: idle.partnerId, status: "declined" });
  });
});

describe("API v1: signing up with languages and region", () => {
  it("accepts the optional pairing fields and refuses an unknown region", async () => {
    const cohortId = await f.newCohort();
    const path = `/cohorts/${cohortId}/enrollments`;
    const body = { employer: "Gemeente Zwolle", jobTitle: "Beleidsadviseur", policyAreas: ["Wonen"], motivation: "Leren van de praktijk.", availableHalfDays: 4, consent: true };
    const bad = await call(signUpRoute.POST, { path, id: cohortId, token: tokens.outsider, body: { ...body, languages: ["english"], region: "mars" } });
    expectProblem(bad, 422, path);
    expect(bad.body.errors).toEqual({ "languages.0": ["languageCode"], region: ["choose"] });
    const ok = await call(signUpRoute.POST, { path, id: cohortId, token: tokens.outsider, body: { ...body, languages: ["EN", "ar"], region: "utrecht" } });
    expect(ok.status).toBe(201);
  });
});
