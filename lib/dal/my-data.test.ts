import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, enrollments, mailOutbox, meetings, memberships, pairs, sessions, signUpRequests, users } from "@/db/schema";
import { ConflictError, ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { setUpPairingDatabase } from "@/lib/testing/pairing";
import { deleteMyAccount, describeAccountDeletion } from "./account-deletion";
import { loadActor, SYSTEM } from "./actor";
import { createOrganisationWithAdmin } from "./members";
import { createApiToken } from "./api-tokens";
import { mayUserSignIn, requestSignInLink } from "./auth";
import { cohortEnrollmentCounts } from "./enrollment-queries";
import { signUp } from "./enrollments";
import { logMeeting, respondToMeeting } from "./meetings";
import { exportMyData } from "./my-data";
import { listCohortPairs, pairParticipant } from "./pairs";
import { requestSignUpConfirmation } from "./sign-up-confirmation";
import * as exportRoute from "@/app/api/v1/me/export/route";
import { call, expectProblem } from "@/lib/testing/api";
import { schemaErrors } from "@/lib/testing/openapi";
import { signUpSchemaFor } from "@/lib/validation/enrollment";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const { t, f } = setUpPairingDatabase();

const HOUR = 3600_000;
const meeting = (notes: string) => ({ startsAt: new Date(Date.now() - 2 * HOUR), durationMinutes: 90, mode: "in_person" as const, notes });

/** Two participants of one cohort, each paired with the same partner and with a logged meeting. */
async function twoInOneCohort() {
  // Two places: a third person waits.
  const cohortId = await f.newCohort({ capacity: 2 });
  const a = await f.participant(cohortId, { motivation: "Motivatie van Anna", employer: "Gemeente Almelo" });
  const b = await f.participant(cohortId, { motivation: "Motivatie van Bram", employer: "Gemeente Bergen" });
  const q = await f.partner({ capacityPerCohort: 2 }, { cohortId, capacity: 2 });
  const pa = await pairParticipant(f.people.coordinator, cohortId, a.enrollmentId, q.partnerId);
  const pb = await pairParticipant(f.people.coordinator, cohortId, b.enrollmentId, q.partnerId);
  const ma = await logMeeting(q.owner, pa.pairId, meeting("Notitie bij Anna"));
  await logMeeting(q.owner, pb.pairId, meeting("Notitie bij Bram"));
  return { cohortId, a, b, q, pairA: pa.pairId, pairB: pb.pairId, meetingA: ma.meetingId };
}

describe("exportMyData", () => {
  it("gives a participant their own account, enrollment, history, pair and meetings, and nothing of the other participant", async () => {
    const { a, b, q } = await twoInOneCohort();
    const { prefix } = await createApiToken(a.actor, { name: "HR-portaal" });
    await t.db.insert(sessions).values({ sessionToken: "secret-session-token-of-anna", userId: a.actor.userId, expires: new Date(Date.now() + 86400_000) });
    const data = await exportMyData(a.actor);
    expect(data.account).toMatchObject({ email: a.email, name: a.name, locale: "nl" });
    expect(data.memberships.map((m) => [m.organisation, m.role])).toEqual([["Stichting Samen Duurzaam", "participant"]]);
    expect(data.enrollments).toHaveLength(1);
    expect(data.enrollments[0]).toMatchObject({ status: "accepted", motivation: "Motivatie van Anna", employer: "Gemeente Almelo", programme: "EmpoweringPeople" });
    expect(data.enrollments[0]!.history.map((h) => [h.from, h.to, h.by])).toEqual([[null, "accepted", "you"]]);
    expect(data.pairs).toHaveLength(1);
    expect(data.pairs[0]).toMatchObject({ side: "participant", counterpart: q.name, status: "confirmed" });
    expect(data.pairs[0]!.meetings).toEqual([expect.objectContaining({ notes: "Notitie bij Anna", durationMinutes: 90, loggedBy: "otherSide" })]);
    expect(data.apiTokens).toEqual([expect.objectContaining({ name: "HR-portaal", prefix })]);
    expect(data.sessions.count).toBe(1);
    expect(data.mails.map((m) => m.template)).toContain("enrollment-accepted");

    const json = JSON.stringify(data);
    // Nothing of the other participant of the same cohort and partner.
    for (const other of [b.email, b.name, "Motivatie van Bram", "Gemeente Bergen", "Notitie bij Bram"]) expect(json).not.toContain(other);
    // No secrets: token hashes, session tokens, mail bodies with their sign-in links.
    const [hash] = await t.db.select({ h: apiTokens.tokenHash }).from(apiTokens).where(eq(apiTokens.userId, a.actor.userId));
    expect(json).not.toContain(hash!.h);
    expect(json).not.toContain("secret-session-token-of-anna");
    expect(json).not.toContain("/api/auth/callback");
  });

  it("gives a partner's owner their partner and the pairs by the participants' names only", async () => {
    const { a, b, q } = await twoInOneCohort();
    const data = await exportMyData(q.owner);
    expect(data.partners.map((p) => p.name)).toEqual([q.name]);
    expect(data.pairs.map((p) => [p.side, p.counterpart]).sort()).toEqual([["partner", a.name], ["partner", b.name]].sort());
    expect(data.enrollments).toEqual([]);
    const json = JSON.stringify(data);
    for (const hidden of [a.email, b.email, "Motivatie van Anna", "Motivatie van Bram"]) expect(json).not.toContain(hidden);
  });

  it("is served as a download at GET /api/v1/me/export for the token's owner only", async () => {
    const { a, b } = await twoInOneCohort();
    const { token } = await createApiToken(a.actor, { name: "Export" });
    const r = await call(exportRoute.GET, { path: "/me/export", token });
    expect(r.status).toBe(200);
    expect(r.res.headers.get("content-disposition")).toMatch(/^attachment; filename="koppel-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(schemaErrors(r.body, "MyDataExport")).toEqual([]);
    const body = r.body as unknown as { account: { email: string }; enrollments: { id: string }[] };
    expect(body.account.email).toBe(a.email);
    expect(body.enrollments.map((e) => e.id)).toEqual([a.enrollmentId]);
    expect(JSON.stringify(r.body)).not.toContain(b.email);
    expectProblem(await call(exportRoute.GET, { path: "/me/export" }), 401, "/me/export");
  });

  it("refuses nobody and the operator's system actor: it only ever exports the acting person", async () => {
    await expect(exportMyData(null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(exportMyData(SYSTEM)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("deleteMyAccount", () => {
  it("says beforehand what it will end, and refuses a confirmation that is not the person's own address", async () => {
    const { a, b } = await twoInOneCohort();
    expect(await describeAccountDeletion(a.actor)).toMatchObject({ email: a.email, lastAdminOf: [], enrollments: 1, openEnrollments: 1, placesHeld: 1, activePairs: 1 });
    await expect(deleteMyAccount(a.actor, { email: b.email })).rejects.toMatchObject({ message: "confirmEmailMismatch", field: "email" });
    await expect(deleteMyAccount(a.actor, { email: "" })).rejects.toBeInstanceOf(ConflictError);
    await expect(deleteMyAccount(null, { email: a.email })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(deleteMyAccount(SYSTEM, { email: a.email })).rejects.toBeInstanceOf(ForbiddenError);
    // Nobody was touched: neither the person nor the one whose address was typed.
    for (const p of [a, b]) expect(await loadActor(p.actor.userId)).not.toBeNull();
    const [row] = await t.db.select({ motivation: enrollments.motivation }).from(enrollments).where(eq(enrollments.id, a.enrollmentId));
    expect(row!.motivation).toBe("Motivatie van Anna");
  });

  it("erases the person, ends their pair, frees their place for the waitlist and keeps the cohort's totals", async () => {
    const { cohortId, a, b, q, pairA, meetingA } = await twoInOneCohort();
    await respondToMeeting(a.actor, meetingA, "confirm");
    await createApiToken(a.actor, { name: "Sleutel" });
    await t.db.insert(sessions).values({ sessionToken: "anna-session-2", userId: a.actor.userId, expires: new Date(Date.now() + 86400_000) });
    // A sign-up Anna sent through the form for another cohort and has not confirmed yet.
    const later = await f.newCohort();
    await requestSignUpConfirmation(later, signUpSchemaFor({ policyAreas: ["Wonen"], questions: [] }).parse({
      name: a.name,
      email: a.email,
      employer: "Gemeente Almelo",
      department: "",
      jobTitle: "Adviseur",
      policyAreas: ["Wonen"],
      motivation: "Nog niet bevestigd",
      availableHalfDays: 2,
      consent: true,
    }), { locale: "nl", now: new Date() });
    expect(await t.db.select().from(signUpRequests).where(eq(signUpRequests.email, a.email))).toHaveLength(1);
    // The cohort is full: Anna's place goes to Wim, who waits.
    const wimEmail = `wim.${Date.now()}@example.org`;
    const input = signUpSchemaFor({ policyAreas: ["Wonen"], questions: [] }).parse({
      name: "Wim Wachtlijst",
      email: wimEmail,
      employer: "Gemeente Zwolle",
      department: "",
      jobTitle: "Adviseur",
      policyAreas: ["Wonen"],
      motivation: "Ik wacht",
      availableHalfDays: 4,
      consent: true,
    });
    expect((await signUp(SYSTEM, cohortId, input, { locale: "nl" })).status).toBe("waitlisted");
    const before = await cohortEnrollmentCounts(f.people.coordinator, cohortId);

    await deleteMyAccount(a.actor, { email: `  ${a.email.toUpperCase()} ` });

    const [user] = await t.db.select().from(users).where(eq(users.id, a.actor.userId));
    expect(user!.name).toBeNull();
    expect(user!.email).toMatch(/^deleted-[0-9a-f-]{36}@invalid$/);
    expect(user!.disabledAt).not.toBeNull();
    expect(user!.deletedAt).not.toBeNull();
    expect(await loadActor(a.actor.userId)).toBeNull();
    expect(await mayUserSignIn(a.email)).toBe(false);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, a.actor.userId))).toEqual([]);
    expect(await t.db.select().from(apiTokens).where(eq(apiTokens.userId, a.actor.userId))).toEqual([]);
    expect(await t.db.select().from(memberships).where(eq(memberships.userId, a.actor.userId))).toEqual([]);
    expect(await f.mailsTo(a.email)).toEqual([]);
    expect(await t.db.select().from(signUpRequests).where(eq(signUpRequests.email, a.email))).toEqual([]);
    // A sign-in link asked for the old address is not sent: there is no account any more.
    await requestSignInLink({ email: a.email, ip: "192.0.2.1", locale: "nl", callbackPath: "/nl/start" });
    expect(await f.mailsTo(a.email)).toEqual([]);

    const [e] = await t.db.select().from(enrollments).where(eq(enrollments.id, a.enrollmentId));
    expect(e).toMatchObject({ status: "withdrawn", motivation: "", employer: "", jobTitle: "", answers: {}, region: null });
    const [pair] = await t.db.select().from(pairs).where(eq(pairs.id, pairA));
    expect(pair).toMatchObject({ status: "ended", endReason: "accountDeleted" });
    // The coordinator sees why the pair ended.
    const seen = (await listCohortPairs(f.people.coordinator, cohortId, { includeEnded: true })).find((p) => p.pairId === pairA);
    expect(seen).toMatchObject({ status: "ended", endReason: "accountDeleted" });
    const [m] = await t.db.select().from(meetings).where(eq(meetings.id, meetingA));
    expect(m).toMatchObject({ durationMinutes: 90, status: "confirmed", notes: "" });

    // Wim was offered the place; Bram and the partner keep theirs.
    const [wim] = await t.db.select({ status: enrollments.status }).from(enrollments).innerJoin(users, eq(users.id, enrollments.userId)).where(and(eq(users.email, wimEmail), eq(enrollments.cohortId, cohortId)));
    expect(wim!.status).toBe("offered");
    const after = await cohortEnrollmentCounts(f.people.coordinator, cohortId);
    expect(Object.values(after).reduce((s, n) => s + n, 0)).toBe(Object.values(before).reduce((s, n) => s + n, 0));
    expect(after.withdrawn).toBe(before.withdrawn + 1);
    expect(await loadActor(b.actor.userId)).not.toBeNull();
    expect((await exportMyData(q.owner)).pairs.find((p) => p.id === pairA)).toMatchObject({ status: "ended", counterpart: "—" });
    const [outbox] = await t.db.select({ n: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.toAddress, b.email));
    expect(outbox).toBeDefined();
  });

  it("refuses the last admin of an organisation, with nothing changed", async () => {
    const admin = f.people.admin;
    expect((await describeAccountDeletion(admin)).lastAdminOf).toEqual(["Stichting Samen Duurzaam"]);
    await expect(deleteMyAccount(admin, { email: admin.email })).rejects.toMatchObject({ message: "soleAdmin" });
    expect(await loadActor(admin.userId)).not.toBeNull();
  });

  it.skipIf(!onPostgres)("leaves an organisation one admin when its two admins delete themselves at once (PostgreSQL)", async () => {
    const slug = `twee-beheerders-${Date.now()}`;
    const { organisationId } = await createOrganisationWithAdmin(SYSTEM, { name: "Twee Beheerders", slug, adminEmail: `een.${slug}@example.org` });
    const [second] = await t.db.insert(users).values({ email: `twee.${slug}@example.org` }).returning({ id: users.id });
    await t.db.insert(memberships).values({ organisationId, userId: second!.id, role: "admin" });
    const admins = await Promise.all(
      (await t.db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.organisationId, organisationId))).map(async (m) => (await loadActor(m.userId))!),
    );
    const results = await Promise.allSettled(admins.map((a) => deleteMyAccount(a, { email: a.email })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { message: "soleAdmin" } });
    expect(await t.db.select().from(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "admin")))).toHaveLength(1);
  });

  it.skipIf(!onPostgres)("offers each freed place once when two participants of a full cohort delete themselves at once (PostgreSQL)", async () => {
    const cohortId = await f.newCohort({ capacity: 2 });
    const a = await f.participant(cohortId);
    const b = await f.participant(cohortId);
    const waiting = [];
    for (let i = 0; i < 3; i++) {
      const input = signUpSchemaFor({ policyAreas: ["Wonen"], questions: [] }).parse({
        name: `Wachtende ${i}`,
        email: `wachtende.${i}.${Date.now()}@example.org`,
        employer: "Gemeente Zwolle",
        department: "",
        jobTitle: "Adviseur",
        policyAreas: ["Wonen"],
        motivation: "Ik wacht",
        availableHalfDays: 4,
        consent: true,
      });
      waiting.push(await signUp(SYSTEM, cohortId, input, { locale: "nl" }));
    }
    await Promise.all([deleteMyAccount(a.actor, { email: a.email }), deleteMyAccount(b.actor, { email: b.email })]);
    const counts = await cohortEnrollmentCounts(f.people.coordinator, cohortId);
    expect(counts).toMatchObject({ accepted: 0, offered: 2, waitlisted: 1, withdrawn: 2 });
  });
});
