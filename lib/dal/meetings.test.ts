import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings } from "@/db/schema";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { setUpPairingDatabase } from "@/lib/testing/pairing";
import { meetingSchema } from "@/lib/validation/meeting";
import { listMeetingsAwaitingMe, listPairMeetings, logMeeting, respondToMeeting } from "./meetings";
import { listCohortPairs, listMyPairs, pairParticipant, unpair } from "./pairs";

const { t, f } = setUpPairingDatabase();

const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const meeting = (over: Record<string, unknown> = {}) => ({ startsAt: ago(2 * HOUR), durationMinutes: 60, mode: "in_person" as const, notes: "Kennismaking", ...over });

/** A cohort with one confirmed pair: the participant (English), the partner's owner (Dutch) and the pair. */
async function aPair() {
  const cohortId = await f.newCohort();
  const p = await f.participant(cohortId, {}, "en");
  const q = await f.partner({}, { cohortId });
  const { pairId } = await pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, q.partnerId);
  return { cohortId, p, q, pairId };
}

describe("logging a meeting", () => {
  it("records it for either side and asks the other side, in their language, to confirm it", async () => {
    const { p, q, pairId } = await aPair();
    const { meetingId } = await logMeeting(q.owner, pairId, meeting({ notes: "Subsidieaanvraag doorgenomen" }));
    const [row] = await t.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(row).toMatchObject({ loggedBySide: "partner", loggedById: q.owner.userId, status: "logged", durationMinutes: 60, mode: "in_person" });
    const mail = (await f.mailsTo(p.email)).find((m) => m.template === "meeting-logged");
    expect(mail).toMatchObject({ locale: "en" });
    expect(mail!.subject).toMatch(/^Please confirm your meeting of /);
    expect(mail!.text).toContain("Subsidieaanvraag doorgenomen");
    const waiting = await listMeetingsAwaitingMe(p.actor);
    expect(waiting.map((m) => [m.id, m.counterpartName])).toEqual([[meetingId, q.name]]);
    expect(await listMeetingsAwaitingMe(q.owner)).toEqual([]);
    expect((await listMyPairs(p.actor))[0]).toMatchObject({ meetingsAwaitingMe: 1, meetingsConfirmed: 0 });
    // The participant may log one too; the partner is asked to confirm that one.
    await logMeeting(p.actor, pairId, meeting({ startsAt: ago(30 * HOUR), mode: "online" }));
    expect((await listMeetingsAwaitingMe(q.owner)).map((m) => m.loggedBySide)).toEqual(["participant"]);
  });

  it("refuses meetings in the future (beyond five minutes of clock skew) with a clear message", async () => {
    const { q, pairId } = await aPair();
    const now = new Date("2027-03-01T10:00:00Z");
    await expect(logMeeting(q.owner, pairId, meeting({ startsAt: new Date("2027-03-01T10:06:00Z") }), now)).rejects.toMatchObject({ message: "meetingInFuture", field: "startsAt" });
    await expect(logMeeting(q.owner, pairId, meeting({ startsAt: new Date("2027-03-02T09:00:00Z") }), now)).rejects.toMatchObject({ message: "meetingInFuture" });
    await logMeeting(q.owner, pairId, meeting({ startsAt: new Date("2027-03-01T10:04:00Z") }), now);
    // The form's schema says the same, also for a datetime-local value in the viewer's zone.
    const local = meetingSchema.safeParse({ startsAt: "2999-01-01T10:00", timeZone: "Asia/Shanghai", durationMinutes: "60", mode: "online" });
    expect(local.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["startsAt", "meetingInFuture"]]);
    const parsed = meetingSchema.parse({ startsAt: "2026-03-01T10:00", timeZone: "Asia/Shanghai", durationMinutes: "90", mode: "online" });
    expect(parsed.startsAt.toISOString()).toBe("2026-03-01T02:00:00.000Z");
    expect(meetingSchema.safeParse({ startsAt: "2026-03-01T10:00", durationMinutes: 90, mode: "online" }).success).toBe(false);
  });

  it("refuses a duration of 0, a negative one and one over 12 hours; accepts exactly 12 hours", async () => {
    const { p, q, pairId } = await aPair();
    await expect(logMeeting(q.owner, pairId, meeting({ durationMinutes: 0 }))).rejects.toMatchObject({ message: "durationTooShort", field: "durationMinutes" });
    await expect(logMeeting(q.owner, pairId, meeting({ durationMinutes: -30 }))).rejects.toMatchObject({ message: "durationTooShort" });
    await expect(logMeeting(q.owner, pairId, meeting({ durationMinutes: 721 }))).rejects.toMatchObject({ message: "durationTooLong", field: "durationMinutes" });
    await expect(logMeeting(q.owner, pairId, meeting({ durationMinutes: 1.5 }))).rejects.toMatchObject({ message: "wholeNumber" });
    await expect(logMeeting(q.owner, pairId, meeting({ mode: "by_pigeon" }))).rejects.toMatchObject({ message: "choose", field: "mode" });
    const startsAt = ago(20 * HOUR);
    await logMeeting(q.owner, pairId, meeting({ startsAt, durationMinutes: 720 }));
    // The other side logging the same meeting again is refused: they confirm it instead.
    await expect(logMeeting(p.actor, pairId, meeting({ startsAt }))).rejects.toMatchObject({ message: "meetingAlreadyLogged", field: "startsAt" });
  });

  it("refuses anyone who is not in the pair (404), and pairs that have ended", async () => {
    const { p, pairId } = await aPair();
    const other = await aPair();
    for (const actor of [f.people.coordinator, f.people.otherCoordinator, f.people.partner, f.people.participant, other.p.actor, other.q.owner]) {
      await expect(logMeeting(actor, pairId, meeting())).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(logMeeting(null, pairId, meeting())).rejects.toBeInstanceOf(UnauthenticatedError);
    await unpair(f.people.coordinator, pairId, "Gestopt");
    await expect(logMeeting(p.actor, pairId, meeting())).rejects.toMatchObject({ message: "pairEnded" });
    expect(await t.db.select().from(meetings).where(eq(meetings.pairId, pairId))).toEqual([]);
  });
});

describe("confirming or disputing a meeting", () => {
  it("lets only the other side confirm; it then counts for the pair", async () => {
    const { cohortId, p, q, pairId } = await aPair();
    const { meetingId } = await logMeeting(q.owner, pairId, meeting());
    await expect(respondToMeeting(q.owner, meetingId, "confirm")).rejects.toBeInstanceOf(ForbiddenError);
    const other = await aPair();
    for (const actor of [other.p.actor, other.q.owner, f.people.coordinator, f.people.otherCoordinator]) {
      await expect(respondToMeeting(actor, meetingId, "confirm")).rejects.toBeInstanceOf(NotFoundError);
    }
    await respondToMeeting(p.actor, meetingId, "confirm");
    await expect(respondToMeeting(p.actor, meetingId, "dispute", "Toch niet")).rejects.toMatchObject({ message: "meetingAlreadyAnswered" });
    const [row] = await t.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(row).toMatchObject({ status: "confirmed", respondedById: p.actor.userId });
    const [pair] = await listCohortPairs(f.people.coordinator, cohortId, { now: new Date(Date.now() + 10 * 7 * 86400_000) });
    expect(pair).toMatchObject({ meetingsLogged: 1, meetingsConfirmed: 1, flagged: false });
    expect(pair!.lastMeetingAt).toEqual(row!.startsAt);
    expect(await listMeetingsAwaitingMe(p.actor)).toEqual([]);
  });

  it("needs a comment to dispute, and tells the one who logged it", async () => {
    const { p, q, pairId } = await aPair();
    const { meetingId } = await logMeeting(p.actor, pairId, meeting({ mode: "online" }));
    await expect(respondToMeeting(q.owner, meetingId, "dispute", "  ")).rejects.toMatchObject({ message: "disputeCommentRequired", field: "comment" });
    await respondToMeeting(q.owner, meetingId, "dispute", "Die dag hebben we elkaar niet gesproken.");
    const [row] = await t.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(row).toMatchObject({ status: "disputed", disputeComment: "Die dag hebben we elkaar niet gesproken." });
    const mail = (await f.mailsTo(p.email)).find((m) => m.template === "meeting-disputed");
    expect(mail).toMatchObject({ locale: "en" });
    expect(mail!.text).toContain("Comment: Die dag hebben we elkaar niet gesproken.");
    // A disputed meeting does not block logging the same time again.
    await logMeeting(p.actor, pairId, meeting({ startsAt: row!.startsAt, mode: "online" }));
  });
});

describe("a pair's meetings", () => {
  it("are shown to both sides and the organisation's coordinators, marking what waits for the viewer, and hidden from anyone else", async () => {
    const { p, q, pairId } = await aPair();
    await logMeeting(q.owner, pairId, meeting());
    expect((await listPairMeetings(p.actor, pairId)).map((m) => m.awaitingMe)).toEqual([true]);
    expect((await listPairMeetings(q.owner, pairId)).map((m) => [m.awaitingMe, m.loggedByName])).toEqual([[false, expect.stringMatching(/^Eigenaar/) as string]]);
    expect(await listPairMeetings(f.people.coordinator, pairId)).toHaveLength(1);
    await expect(listPairMeetings(f.people.otherCoordinator, pairId)).rejects.toBeInstanceOf(NotFoundError);
    // Members of the organisation who are not on the pair: not revealed (404, as for logging and answering).
    await expect(listPairMeetings(f.people.participant, pairId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listPairMeetings(f.people.partner, pairId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
