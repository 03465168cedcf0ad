import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { enrollmentEvents, enrollments, users } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { setUpEnrollmentDatabase } from "@/lib/testing/enrollment";
import { day } from "@/lib/testing/pairing";
import { endOfDayIn } from "@/lib/time";
import { cohortSchema } from "@/lib/validation/cohort";
import type { SignUpInput } from "@/lib/validation/enrollment";
import { SYSTEM } from "./actor";
import { updateCohort } from "./cohorts";
import { getEnrollmentDetail, getPublicCohort, listCohortEnrollments, listMyEnrollments, listOpenCohorts } from "./enrollment-queries";
import { decideEnrollments, expireOffers, respondToOffer, signUp, withdrawEnrollment } from "./enrollments";
import { confirmSignUp } from "./sign-up-confirmation";
import { addQuestion, deleteQuestion } from "./questions";

const { t, people, newCohort, person, actorFor, mailsTo, tokenFor } = setUpEnrollmentDatabase();

/** A public sign-up through the form, confirmed from its mail at once: what most tests need. */
async function enrol(cohortId: string, p: SignUpInput, opts: { locale: "nl" | "en" | "zh-CN"; now?: Date; ip?: string }) {
  const sent = await signUp(null, cohortId, p, opts);
  expect(sent.status).toBe("unconfirmed");
  return confirmSignUp(await tokenFor(p.email), { now: opts.now });
}

const statusOf = async (id: string) => (await t.db.select({ s: enrollments.status, x: enrollments.offerExpiresAt }).from(enrollments).where(eq(enrollments.id, id)))[0]!;

describe("signing up", () => {
  it("accepts on a first-come cohort while places last, then waitlists in arrival order, mailing each person", async () => {
    const cohortId = await newCohort({ capacity: 2 });
    const a = person();
    const results = [];
    for (const p of [a, person(), person(), person()]) results.push(await enrol(cohortId, p, { locale: "nl" }));
    expect(results.map((r) => r.status)).toEqual(["accepted", "accepted", "waitlisted", "waitlisted"]);
    expect(results.map((r) => r.waitlistPosition)).toEqual([null, null, 1, 2]);
    const [confirmation, mail] = await mailsTo(a.email);
    expect(confirmation!.subject).toContain("Bevestig je inschrijving");
    expect(mail!.subject).toContain("geplaatst");
    // The status mail links to the sign-in page for the participant page; it signs nobody in.
    expect(mail!.text).toContain(`http://localhost:3999/nl/sign-in?email=${encodeURIComponent(a.email)}&callbackUrl=%2Fnl%2Fparticipant`);
    expect(mail!.text).not.toContain("/api/auth/callback/nodemailer");
    // The account was created and made a participant of the cohort's organisation.
    const actor = await actorFor(a.email);
    expect(actor.memberships.map((m) => [m.organisationId, m.role])).toEqual([[people.foundation.id, "participant"]]);
    expect((await listMyEnrollments(actor)).map((e) => e.status)).toEqual(["accepted"]);
  });

  it("records an application on a reviewed cohort, in the person's language", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed" });
    const p = person();
    const r = await enrol(cohortId, p, { locale: "en" });
    expect(r.status).toBe("applied");
    const mail = (await mailsTo(p.email)).at(-1);
    expect(mail!.subject).toMatch(/^We received your sign-up for/);
    expect(mail!.locale).toBe("en");
  });

  it("refuses a second sign-up for the same cohort, but allows signing up again after withdrawing", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed" });
    const p = person();
    const first = await enrol(cohortId, p, { locale: "nl" });
    const again = enrol(cohortId, { ...p, name: "Iemand anders" }, { locale: "nl" });
    await expect(again).rejects.toMatchObject({ message: "alreadySignedUp", field: "email" });
    const me = await actorFor(p.email);
    await withdrawEnrollment(me, first.enrollmentId);
    const second = await signUp(me, cohortId, p, { locale: "nl" });
    expect(second.enrollmentId).toBe(first.enrollmentId);
    expect((await statusOf(first.enrollmentId)).s).toBe("applied");
  });

  it("limits anonymous sign-ups per address and per network address in an hour, not signed-in ones", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 100 });
    const others = [await newCohort({ admissionMode: "reviewed" }), await newCohort({ admissionMode: "reviewed" }), await newCohort({ admissionMode: "reviewed" })];
    // The same address on five cohorts (the limit counts attempts, also a second one for the same cohort), then no more.
    const p = person();
    for (const id of [cohortId, ...others]) await signUp(null, id, p, { locale: "nl", ip: "198.51.100.7" });
    expect((await signUp(null, cohortId, p, { locale: "nl", ip: "198.51.100.7" })).status).toBe("unconfirmed");
    const extra = await newCohort({ admissionMode: "reviewed" });
    await expect(signUp(null, extra, p, { locale: "nl", ip: "203.0.113.9" })).rejects.toMatchObject({ code: "rate_limited", message: "rateLimited" });
    expect(await mailsTo(p.email)).toHaveLength(5);
    // Thirty attempts from one network address, then that address is refused whoever signs up.
    for (let i = 0; i < 25; i++) await signUp(null, cohortId, person(), { locale: "nl", ip: "198.51.100.7" });
    const refused = person();
    await expect(signUp(null, cohortId, refused, { locale: "nl", ip: "198.51.100.7" })).rejects.toMatchObject({ code: "rate_limited" });
    expect(await mailsTo(refused.email)).toEqual([]);
    expect((await signUp(null, cohortId, person(), { locale: "nl", ip: "198.51.100.8" })).status).toBe("unconfirmed");
    // A signed-in person is not limited here.
    expect((await signUp(people.participant, extra, p, { locale: "nl", ip: "198.51.100.7" })).status).toBe("applied");
  });

  it("signs a signed-in person up as themself, whatever address the body names", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed" });
    const r = await signUp(people.participant, cohortId, person({ email: "someone.else@example.org" }), { locale: "nl" });
    const [row] = await t.db.select({ userId: enrollments.userId }).from(enrollments).where(eq(enrollments.id, r.enrollmentId));
    expect(row!.userId).toBe(people.participant.userId);
    expect(await t.db.select().from(users).where(eq(users.email, "someone.else@example.org"))).toEqual([]);
  });

  it("refuses sign-up outside the window, on a closed cohort, and hides draft cohorts", async () => {
    const notYet = await newCohort({ enrollmentOpensOn: day(3), enrollmentDeadline: day(20) });
    await expect(enrol(notYet, person(), { locale: "nl" })).rejects.toMatchObject({ message: "signUpClosed" });
    const closed = await newCohort({ status: "closed" });
    await expect(enrol(closed, person(), { locale: "nl" })).rejects.toBeInstanceOf(ConflictError);
    const draft = await newCohort({ status: "draft" });
    await expect(enrol(draft, person(), { locale: "nl" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPublicCohort(draft)).rejects.toBeInstanceOf(NotFoundError);
    const open = await listOpenCohorts({ limit: 200 });
    const ids = open.rows.map((c) => c.id);
    expect(ids).not.toContain(notYet);
    expect(ids).not.toContain(closed);
    expect(ids).not.toContain(draft);
  });

  it("closes at 23:59:59 on the deadline day in the cohort's own time zone (Shanghai)", async () => {
    const cohortId = await newCohort({ timeZone: "Asia/Shanghai", enrollmentOpensOn: "2027-05-01", enrollmentDeadline: "2027-05-31", startDate: "2027-06-10", endDate: "2027-10-01" });
    const ok = await enrol(cohortId, person(), { locale: "zh-CN", now: new Date("2027-05-31T15:59:59Z") });
    expect(ok.status).toBe("accepted");
    await expect(enrol(cohortId, person(), { locale: "zh-CN", now: new Date("2027-05-31T16:00:00Z") })).rejects.toMatchObject({
      message: "signUpClosed",
    });
    // Opens at 00:00 Shanghai time on 1 May = 30 April 16:00 UTC.
    await expect(enrol(cohortId, person(), { locale: "zh-CN", now: new Date("2027-04-30T15:59:59Z") })).rejects.toMatchObject({
      message: "signUpClosed",
    });
  });

  it("closes across a daylight-saving change in Amsterdam (deadline on the day clocks go back)", async () => {
    const cohortId = await newCohort({ enrollmentOpensOn: "2027-10-01", enrollmentDeadline: "2027-10-31", startDate: "2027-11-15", endDate: "2028-03-01" });
    expect((await enrol(cohortId, person(), { locale: "nl", now: new Date("2027-10-31T22:59:59Z") })).status).toBe("accepted");
    await expect(enrol(cohortId, person(), { locale: "nl", now: new Date("2027-10-31T23:00:00Z") })).rejects.toMatchObject({ message: "signUpClosed" });
  });
});

describe("review, waitlist and offers", () => {
  it("lets a coordinator accept, waitlist and reject with a reason; keeps every change with who, when and why", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 1 });
    const [a, b, c] = [person(), person(), person()];
    const ra = await enrol(cohortId, a, { locale: "nl" });
    const rb = await enrol(cohortId, b, { locale: "nl" });
    const rc = await enrol(cohortId, c, { locale: "en" });
    const accepted = await decideEnrollments(people.coordinator, cohortId, { ids: [ra.enrollmentId, rb.enrollmentId], decision: "accept", reason: "" });
    expect(accepted.changed).toEqual([ra.enrollmentId]);
    expect(accepted.refused).toEqual([{ id: rb.enrollmentId, reason: "full" }]);
    await decideEnrollments(people.coordinator, cohortId, { ids: [rb.enrollmentId], decision: "waitlist", reason: "" });
    await decideEnrollments(people.coordinator, cohortId, { ids: [rc.enrollmentId], decision: "reject", reason: "Your policy area does not fit this cohort." });
    const mails = await mailsTo(c.email);
    expect(mails.at(-1)!.text).toContain("Reason: Your policy area does not fit this cohort.");

    const detail = await getEnrollmentDetail(people.coordinator, rc.enrollmentId);
    expect(detail.events.map((e) => [e.fromStatus, e.toStatus, e.reason, e.byEmail])).toEqual([
      [null, "applied", "", c.email],
      ["applied", "rejected", "Your policy area does not fit this cohort.", "coordinator@example.org"],
    ]);
    const wl = await getEnrollmentDetail(people.coordinator, rb.enrollmentId);
    expect(wl.waitlistPosition).toBe(1);
  });

  it("offers a freed place to the next on the waitlist, with an expiry; accepting takes it", async () => {
    const cohortId = await newCohort({ capacity: 1, offerDays: 2 });
    const [a, b, c] = [person(), person(), person()];
    const ra = await enrol(cohortId, a, { locale: "nl" });
    const rb = await enrol(cohortId, b, { locale: "nl" });
    const rc = await enrol(cohortId, c, { locale: "nl" });
    expect([rb.waitlistPosition, rc.waitlistPosition]).toEqual([1, 2]);
    const before = Date.now();
    await withdrawEnrollment(await actorFor(a.email), ra.enrollmentId, "Ik ben van baan veranderd");
    const offered = await statusOf(rb.enrollmentId);
    expect(offered.s).toBe("offered");
    expect(offered.x!.getTime()).toBeGreaterThanOrEqual(before + 2 * 86400_000 - 1000);
    expect(offered.x!.getTime()).toBeLessThanOrEqual(Date.now() + 2 * 86400_000);
    expect((await mailsTo(b.email)).at(-1)!.subject).toContain("plek vrij");
    // c moved up to first place on the waitlist.
    expect((await listMyEnrollments(await actorFor(c.email)))[0]!.waitlistPosition).toBe(1);
    // Someone else cannot answer b's offer.
    await expect(respondToOffer(await actorFor(c.email), rb.enrollmentId, true)).rejects.toBeInstanceOf(NotFoundError);
    await respondToOffer(await actorFor(b.email), rb.enrollmentId, true);
    expect((await statusOf(rb.enrollmentId)).s).toBe("accepted");
    expect((await statusOf(rc.enrollmentId)).s).toBe("waitlisted");
  });

  it("passes a declined or unanswered offer to the next person", async () => {
    const cohortId = await newCohort({ capacity: 1, offerDays: 1 });
    const rs = [];
    const ps = [person(), person(), person(), person()];
    for (const p of ps) rs.push(await enrol(cohortId, p, { locale: "nl" }));
    await decideEnrollments(people.coordinator, cohortId, { ids: [rs[0]!.enrollmentId], decision: "reject", reason: "" });
    expect((await statusOf(rs[1]!.enrollmentId)).s).toBe("offered");
    await respondToOffer(await actorFor(ps[1]!.email), rs[1]!.enrollmentId, false);
    expect((await statusOf(rs[1]!.enrollmentId)).s).toBe("withdrawn");
    expect((await statusOf(rs[2]!.enrollmentId)).s).toBe("offered");

    // Nothing lapses before the expiry…
    expect(await expireOffers(SYSTEM, new Date())).toBe(0);
    // …and after it the offer passes on; the person is told.
    const later = new Date(Date.now() + 2 * 86400_000);
    expect(await expireOffers(SYSTEM, later)).toBe(1);
    expect((await statusOf(rs[2]!.enrollmentId)).s).toBe("withdrawn");
    expect((await statusOf(rs[3]!.enrollmentId)).s).toBe("offered");
    expect((await mailsTo(ps[2]!.email)).at(-1)!.subject).toContain("verlopen");
    await expect(respondToOffer(await actorFor(ps[2]!.email), rs[2]!.enrollmentId, true)).rejects.toMatchObject({ message: "noOpenOffer" });
    const events = await t.db.select().from(enrollmentEvents).where(and(eq(enrollmentEvents.enrollmentId, rs[2]!.enrollmentId), eq(enrollmentEvents.toStatus, "withdrawn")));
    expect(events.map((e) => [e.actorUserId, e.reason])).toEqual([[null, "offerExpired"]]);
  });

  it("mails an offer's expiry in the person's own time zone, with the cohort's beside it", async () => {
    const cohortId = await newCohort({ capacity: 1, offerDays: 2 });
    const [a, b] = [person(), person({ timeZone: "Asia/Shanghai" })];
    const ra = await enrol(cohortId, a, { locale: "nl" });
    await enrol(cohortId, b, { locale: "en" });
    await withdrawEnrollment(await actorFor(a.email), ra.enrollmentId);
    const offer = (await mailsTo(b.email)).at(-1)!;
    expect(offer.template).toBe("enrollment-offered");
    expect(offer.text).toMatch(/before [^;(]+ \d{2}:\d{2} Asia\/Shanghai \([^;)]+ \d{2}:\d{2} Europe\/Amsterdam\);/);
  });

  it("in a reviewed cohort with free places, waitlisting an applicant keeps them waiting: no offer, and the mail does not call the cohort full", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 3 });
    const [a, b] = [person(), person()];
    const ra = await enrol(cohortId, a, { locale: "en" });
    const rb = await enrol(cohortId, b, { locale: "en" });
    const result = await decideEnrollments(people.coordinator, cohortId, { ids: [ra.enrollmentId], decision: "waitlist", reason: "" });
    expect(result).toMatchObject({ changed: [ra.enrollmentId], offered: 0 });
    expect((await statusOf(ra.enrollmentId)).s).toBe("waitlisted");
    const mails = await mailsTo(a.email);
    expect(mails.map((m) => m.template)).toEqual(["sign-up-confirmation", "enrollment-received", "enrollment-waitlistedByReview"]);
    expect(mails.at(-1)!.text).toContain("has put you on the waitlist: you are number 1");
    expect(mails.at(-1)!.text).not.toContain("is full");

    // A place freed later stays with the coordinator too: b is accepted, then withdraws.
    await decideEnrollments(people.coordinator, cohortId, { ids: [rb.enrollmentId], decision: "accept", reason: "" });
    await withdrawEnrollment(await actorFor(b.email), rb.enrollmentId);
    expect((await statusOf(ra.enrollmentId)).s).toBe("waitlisted");
    expect(await mailsTo(a.email)).toHaveLength(3);
  });

  it("a reviewed cohort that offers freed places itself sends only the offer to someone waitlisted while a place is free", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 1, autoOfferWaitlist: true });
    const a = person();
    const ra = await enrol(cohortId, a, { locale: "en" });
    const result = await decideEnrollments(people.coordinator, cohortId, { ids: [ra.enrollmentId], decision: "waitlist", reason: "" });
    expect(result).toMatchObject({ changed: [ra.enrollmentId], offered: 1 });
    expect((await statusOf(ra.enrollmentId)).s).toBe("offered");
    expect((await mailsTo(a.email)).map((m) => m.template)).toEqual(["sign-up-confirmation", "enrollment-received", "enrollment-offered"]);
  });

  it("tells someone waitlisted in a full cohort that it is full, with their number", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 1 });
    const [a, b] = [person(), person()];
    const ra = await enrol(cohortId, a, { locale: "en" });
    const rb = await enrol(cohortId, b, { locale: "en" });
    await decideEnrollments(people.coordinator, cohortId, { ids: [ra.enrollmentId], decision: "accept", reason: "" });
    await decideEnrollments(people.coordinator, cohortId, { ids: [rb.enrollmentId], decision: "waitlist", reason: "" });
    const last = (await mailsTo(b.email)).at(-1)!;
    expect(last.template).toBe("enrollment-waitlisted");
    expect(last.text).toContain("is full. You are number 1 on the waitlist");
  });

  it("offers new places when the capacity is raised, and refuses a capacity below the places held", async () => {
    const cohortId = await newCohort({ capacity: 1 });
    const rs = [];
    for (const p of [person(), person(), person()]) rs.push(await enrol(cohortId, p, { locale: "nl" }));
    const base = { name: "Raised", startDate: day(60), endDate: day(200), enrollmentOpensOn: day(-10), enrollmentDeadline: day(30), timeZone: "Europe/Amsterdam", admissionMode: "first_come", offerDays: 2 };
    await updateCohort(people.coordinator, cohortId, cohortSchema.parse({ ...base, capacity: 3 }));
    expect((await statusOf(rs[1]!.enrollmentId)).s).toBe("offered");
    expect((await statusOf(rs[2]!.enrollmentId)).s).toBe("offered");
    await expect(updateCohort(people.coordinator, cohortId, cohortSchema.parse({ ...base, capacity: 2 }))).rejects.toMatchObject({
      message: "belowTaken",
      field: "capacity",
    });
  });
});

describe("who may do what", () => {
  it("refuses decisions by a participant (403) and by another organisation's coordinator (404)", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed" });
    const r = await enrol(cohortId, person(), { locale: "nl" });
    const input = { ids: [r.enrollmentId], decision: "accept" as const, reason: "" };
    await expect(decideEnrollments(people.participant, cohortId, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideEnrollments(people.partner, cohortId, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideEnrollments(people.otherCoordinator, cohortId, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideEnrollments(null, cohortId, input)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(listCohortEnrollments(people.otherCoordinator, cohortId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEnrollmentDetail(people.otherCoordinator, r.enrollmentId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEnrollmentDetail(people.partner, r.enrollmentId)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await statusOf(r.enrollmentId)).s).toBe("applied");
  });

  it("lets only the person themself withdraw", async () => {
    const cohortId = await newCohort();
    const r = await enrol(cohortId, person(), { locale: "nl" });
    await expect(withdrawEnrollment(people.coordinator, r.enrollmentId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawEnrollment(people.otherCoordinator, r.enrollmentId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawEnrollment(null, r.enrollmentId)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect((await statusOf(r.enrollmentId)).s).toBe("accepted");
  });

  it("lets only the cohort's coordinators manage its questions", async () => {
    const cohortId = await newCohort();
    const q = { kind: "short_text" as const, label: "Welke wijk?", options: [], required: false };
    await expect(addQuestion(people.otherCoordinator, cohortId, q)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addQuestion(people.partner, cohortId, q)).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await addQuestion(people.coordinator, cohortId, q);
    await expect(deleteQuestion(people.otherCoordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPublicCohort(cohortId)).questions.map((x) => x.label)).toEqual(["Welke wijk?"]);
    await deleteQuestion(people.coordinator, id);
    expect((await getPublicCohort(cohortId)).questions).toEqual([]);
  });
});

describe("the applications list", () => {
  it("searches, filters by status and policy area, sorts and pages", async () => {
    const cohortId = await newCohort({ capacity: 2 });
    for (let i = 0; i < 7; i++) {
      await enrol(cohortId, person({ name: i === 4 ? "Zoë Zoekbaar" : `Persoon ${i}`, policyAreas: i % 2 ? ["Wonen"] : ["Zorg en welzijn"] }), {
        locale: "nl",
      });
    }
    const all = await listCohortEnrollments(people.coordinator, cohortId, { pageSize: 3 });
    expect(all.total).toBe(7);
    expect(all.pages).toBe(3);
    expect(all.rows.map((r) => r.status)).toEqual(["accepted", "accepted", "waitlisted"]);
    expect(all.rows[2]!.waitlistPosition).toBe(1);
    const page3 = await listCohortEnrollments(people.coordinator, cohortId, { pageSize: 3, page: 3 });
    expect(page3.rows).toHaveLength(1);
    expect(page3.rows[0]!.waitlistPosition).toBe(5);
    expect((await listCohortEnrollments(people.coordinator, cohortId, { q: "zoekbaar" })).rows.map((r) => r.name)).toEqual(["Zoë Zoekbaar"]);
    expect((await listCohortEnrollments(people.coordinator, cohortId, { status: "accepted" })).total).toBe(2);
    expect((await listCohortEnrollments(people.coordinator, cohortId, { policyArea: "Wonen" })).total).toBe(3);
    const newest = await listCohortEnrollments(people.coordinator, cohortId, { sort: "newest", pageSize: 1 });
    expect(newest.rows[0]!.name).toBe("Persoon 6");
    // A search for SQL wildcards matches them literally.
    expect((await listCohortEnrollments(people.coordinator, cohortId, { q: "%" })).total).toBe(0);
    // Past the last page: no rows, but the total and the number of pages still hold.
    const past = await listCohortEnrollments(people.coordinator, cohortId, { pageSize: 3, page: 9 });
    expect(past).toMatchObject({ rows: [], total: 7, pages: 3 });
  });

  it("searches name, address, employer and job title in any case, and follows a person's new name", async () => {
    const cohortId = await newCohort({ capacity: 5 });
    const a = person({ name: "Bram Achterberg", employer: "Provincie Utrecht", jobTitle: "Jurist" });
    const b = person({ name: "Anna Zwart", employer: "Gemeente Deventer", jobTitle: "Projectleider Wonen" });
    await enrol(cohortId, a, { locale: "nl" });
    await enrol(cohortId, b, { locale: "nl" });
    const names = async (q: string, sort?: "name") =>
      (await listCohortEnrollments(people.coordinator, cohortId, { q, sort })).rows.map((r) => r.name);
    expect(await names("PROVINCIE")).toEqual(["Bram Achterberg"]);
    expect(await names("projectleider")).toEqual(["Anna Zwart"]);
    expect(await names(a.email.toUpperCase())).toEqual(["Bram Achterberg"]);
    expect(await names("", "name")).toEqual(["Anna Zwart", "Bram Achterberg"]);
    // The person changes their name (settings): search and the name order use the new one at once.
    await t.db.update(users).set({ name: "Xander Achterberg" }).where(eq(users.email, a.email));
    expect(await names("xander")).toEqual(["Xander Achterberg"]);
    expect(await names("bram")).toEqual([]);
    expect(await names("", "name")).toEqual(["Anna Zwart", "Xander Achterberg"]);
  });

  it("lists open cohorts publicly with places left", async () => {
    const cohortId = await newCohort({ capacity: 5 });
    await enrol(cohortId, person(), { locale: "nl" });
    const found = (await listOpenCohorts({ limit: 200 })).rows.find((c) => c.id === cohortId);
    expect(found).toMatchObject({ placesLeft: 4, capacity: 5, organisationName: "Stichting Samen Duurzaam", programmeName: "EmpoweringPeople" });
    expect(found!.deadline).toEqual(endOfDayIn(day(30), "Europe/Amsterdam"));
  });
});

describe("concurrency", () => {
  it("never accepts more than the places left under 50 concurrent sign-ups, and waitlists the rest in arrival order", async () => {
    const cohortId = await newCohort({ capacity: 5 });
    await enrol(cohortId, person(), { locale: "nl" });
    await enrol(cohortId, person(), { locale: "nl" });
    // 3 places left.
    const results = await Promise.all(Array.from({ length: 50 }, () => enrol(cohortId, person(), { locale: "nl" })));
    expect(results.filter((r) => r.status === "accepted")).toHaveLength(3);
    expect(results.filter((r) => r.status === "waitlisted")).toHaveLength(47);
    const rows = await t.db
      .select({ status: enrollments.status, seq: enrollments.seq, id: enrollments.id })
      .from(enrollments)
      .where(eq(enrollments.cohortId, cohortId))
      .orderBy(asc(enrollments.seq));
    expect(rows.filter((r) => r.status === "accepted")).toHaveLength(5);
    // Arrival order: the first five to commit are accepted, everyone after is waitlisted.
    expect(rows.map((r) => r.status)).toEqual([...Array.from({ length: 5 }, () => "accepted"), ...Array.from({ length: 47 }, () => "waitlisted")]);
    // Positions 1..47 follow arrival order.
    const positions = results.filter((r) => r.status === "waitlisted").map((r) => r.waitlistPosition).sort((a, b) => a! - b!);
    expect(positions).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    const bySeq = new Map(rows.map((r, i) => [r.id, i]));
    for (const r of results.filter((x) => x.status === "waitlisted")) expect(r.waitlistPosition).toBe(bySeq.get(r.enrollmentId)! - 4);
  });

  it("lets two coordinators accepting at once fill the places but never exceed them", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 3 });
    const ids = [];
    for (let i = 0; i < 10; i++) ids.push((await enrol(cohortId, person(), { locale: "nl" })).enrollmentId);
    const admin = people.admin;
    const [one, two] = await Promise.all([
      decideEnrollments(people.coordinator, cohortId, { ids: ids.slice(0, 6), decision: "accept", reason: "" }),
      decideEnrollments(admin, cohortId, { ids: ids.slice(4), decision: "accept", reason: "" }),
    ]);
    expect(one.changed.length + two.changed.length).toBe(3);
    const accepted = await t.db.select().from(enrollments).where(and(eq(enrollments.cohortId, cohortId), eq(enrollments.status, "accepted")));
    expect(accepted).toHaveLength(3);
    expect([...one.refused, ...two.refused].every((r) => r.reason === "full")).toBe(true);
  });
});
