import crypto from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { enrollments, memberships, signUpRequests, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { setUpEnrollmentDatabase } from "@/lib/testing/enrollment";
import type { SignUpInput } from "@/lib/validation/enrollment";
import { SYSTEM } from "./actor";
import { updateCohort } from "./cohorts";
import { cohortEnrollmentCounts, getPublicCohort, listCohortEnrollments, listMyEnrollments, listOpenCohorts } from "./enrollment-queries";
import { signUp } from "./enrollments";
import { confirmSignUp, dropUnconfirmedSignUps, getSignUpConfirmation } from "./sign-up-confirmation";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// Capacity 1 unless a test says otherwise; the motivation is what a phisher would type.
const { t, people, cohortInput, newCohort, person, mailsTo, tokenFor } = setUpEnrollmentDatabase({
  cohort: { capacity: 1 },
  person: { department: "", motivation: "Klik hier: http://phishing.example.net en geef je wachtwoord." },
});

/** Signs `p` up through the public form and returns the token of the mail. */
async function sendForm(cohortId: string, p: SignUpInput, opts: { now?: Date } = {}): Promise<string> {
  const r = await signUp(null, cohortId, p, { locale: "nl", ...opts });
  expect(r).toEqual({ enrollmentId: null, status: "unconfirmed", waitlistPosition: null });
  return tokenFor(p.email);
}

describe("an unconfirmed sign-up", () => {
  it("holds nothing: no account, no place, no waitlist number, nothing in the coordinator's lists, counts or the catalogue", async () => {
    const cohortId = await newCohort({ capacity: 1 });
    const p = person();
    await sendForm(cohortId, p);
    await sendForm(cohortId, person());
    expect(await t.db.select().from(users).where(eq(users.email, p.email))).toEqual([]);
    expect(await t.db.select().from(enrollments).where(eq(enrollments.cohortId, cohortId))).toEqual([]);
    expect(await getPublicCohort(cohortId)).toMatchObject({ placesLeft: 1, waitlistLength: 0 });
    expect((await listOpenCohorts({ limit: 200 })).rows.find((c) => c.id === cohortId)).toMatchObject({ placesLeft: 1 });
    expect((await listCohortEnrollments(people.coordinator, cohortId)).total).toBe(0);
    expect(Object.values(await cohortEnrollmentCounts(people.coordinator, cohortId)).every((x) => x === 0)).toBe(true);
    // Someone signed in now takes the free place, ahead of both unconfirmed sign-ups.
    const me = await signUp(people.participant, cohortId, person(), { locale: "nl" });
    expect(me.status).toBe("accepted");
  });

  it("mails the address a link, and nothing the form's sender wrote", async () => {
    const cohortId = await newCohort();
    const p = person({ name: "Gratis iPhone winnaar" });
    const token = await sendForm(cohortId, p);
    const [mail] = await mailsTo(p.email);
    expect(mail!.subject).toMatch(/^Bevestig je inschrijving voor Cohort/);
    expect(mail!.text).toContain(`http://localhost:3999/nl/programmes/${cohortId}/confirm?token=${token}`);
    expect(mail!.text).toContain("Was jij dit niet? Negeer dan deze e-mail: er gebeurt niets.");
    expect(mail!.text).toContain("Stichting Samen Duurzaam");
    for (const typed of ["Gratis iPhone", "phishing.example.net", "Gemeente Zwolle", "Beleidsadviseur"]) {
      expect(mail!.text).not.toContain(typed);
      expect(mail!.html).not.toContain(typed);
    }
    // Only the hash of the token is stored.
    const [row] = await t.db.select({ hash: signUpRequests.tokenHash }).from(signUpRequests).where(eq(signUpRequests.email, p.email));
    expect(row!.hash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(await t.db.select().from(signUpRequests))).not.toContain(token);
  });
});

describe("confirming", () => {
  it("admits at the moment of confirmation: the first to confirm gets the place, the rest wait in confirmation order", async () => {
    const cohortId = await newCohort({ capacity: 1 });
    const [a, b, c] = [person(), person(), person()];
    const tokens = [await sendForm(cohortId, a), await sendForm(cohortId, b), await sendForm(cohortId, c)];
    expect(await getSignUpConfirmation(tokens[2]!, cohortId)).toMatchObject({ state: "pending", email: c.email, admissionMode: "first_come" });
    // c sent the form last but confirms first.
    const rc = await confirmSignUp(tokens[2]!);
    const ra = await confirmSignUp(tokens[0]!);
    const rb = await confirmSignUp(tokens[1]!);
    expect([rc.status, ra.status, rb.status]).toEqual(["accepted", "waitlisted", "waitlisted"]);
    expect([ra.waitlistPosition, rb.waitlistPosition]).toEqual([1, 2]);
    const list = await listCohortEnrollments(people.coordinator, cohortId);
    expect(list.rows.map((r) => [r.email, r.status, r.waitlistPosition])).toEqual([
      [c.email, "accepted", null],
      [a.email, "waitlisted", 1],
      [b.email, "waitlisted", 2],
    ]);
    // The account exists now, is a participant of the organisation, and the consent counts from the confirmation.
    const [user] = await t.db.select().from(users).where(eq(users.email, c.email));
    const [m] = await t.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(m!.role).toBe("participant");
    const [e] = await t.db.select().from(enrollments).where(eq(enrollments.id, rc.enrollmentId));
    expect(e!.consentedAt).not.toBeNull();
    expect(e!.motivation).toBe(c.motivation);
    // The status mail follows, linking to the participant page without signing anyone in.
    const status = (await mailsTo(c.email)).at(-1)!;
    expect(status.subject).toContain("geplaatst");
    expect(status.text).toContain(`http://localhost:3999/nl/sign-in?email=${encodeURIComponent(c.email)}&callbackUrl=%2Fnl%2Fparticipant`);
    expect(status.text).not.toContain("/api/auth/callback");
    // The link now shows the outcome, and the request keeps nothing the person wrote.
    expect(await getSignUpConfirmation(tokens[0]!, cohortId)).toMatchObject({ state: "confirmed", status: "waitlisted", waitlistPosition: 1 });
    const [req] = await t.db.select().from(signUpRequests).where(eq(signUpRequests.email, a.email));
    expect(JSON.stringify(req!.details)).not.toContain("phishing");
  });

  it("records an application on a reviewed cohort", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 5 });
    const p = person();
    const r = await confirmSignUp(await sendForm(cohortId, p));
    expect(r.status).toBe("applied");
    expect((await listCohortEnrollments(people.coordinator, cohortId)).rows.map((x) => x.email)).toEqual([p.email]);
  });

  it("refuses a used, an expired, a replaced and a forged token, each with its own error", async () => {
    const cohortId = await newCohort({ capacity: 5 });
    const p = person();
    const used = await sendForm(cohortId, p);
    await confirmSignUp(used);
    await expect(confirmSignUp(used)).rejects.toMatchObject({ message: "confirmationUsed" });

    const q = person();
    const expired = await sendForm(cohortId, q);
    const later = new Date(Date.now() + 24 * 3600_000 + 1000);
    await expect(confirmSignUp(expired, { now: later })).rejects.toMatchObject({ message: "confirmationExpired" });
    expect(await getSignUpConfirmation(expired, cohortId, later)).toMatchObject({ state: "expired" });

    await expect(confirmSignUp(crypto.randomBytes(32).toString("base64url"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(confirmSignUp("not-a-token")).rejects.toBeInstanceOf(NotFoundError);
    await expect(confirmSignUp("")).rejects.toBeInstanceOf(NotFoundError);
    expect(await getSignUpConfirmation("x".repeat(43), cohortId)).toEqual({ state: "invalid" });
    // A token only opens its own cohort's page.
    expect(await getSignUpConfirmation(expired, await newCohort())).toEqual({ state: "invalid" });
    expect((await listCohortEnrollments(people.coordinator, cohortId)).total).toBe(1);
  });

  it("sends a new link when the form is sent again while unconfirmed; the older link stops working", async () => {
    const cohortId = await newCohort({ capacity: 5 });
    const p = person();
    const first = await sendForm(cohortId, p);
    const second = await sendForm(cohortId, { ...p, jobTitle: "Teamleider" });
    expect(second).not.toBe(first);
    expect((await mailsTo(p.email)).filter((m) => m.template === "sign-up-confirmation")).toHaveLength(2);
    await expect(confirmSignUp(first)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getSignUpConfirmation(first, cohortId)).toEqual({ state: "invalid" });
    const r = await confirmSignUp(second);
    const [e] = await t.db.select({ jobTitle: enrollments.jobTitle }).from(enrollments).where(eq(enrollments.id, r.enrollmentId));
    expect(e!.jobTitle).toBe("Teamleider");
    // Once confirmed, another public sign-up for the address is "already signed up", as before.
    await expect(signUp(null, cohortId, p, { locale: "nl" })).rejects.toMatchObject({ message: "alreadySignedUp", field: "email" });
  });

  it("drops sign-ups left unconfirmed for 24 hours (periodic job), after which the address can sign up again", async () => {
    const cohortId = await newCohort({ capacity: 5 });
    const p = person();
    const sentAt = new Date();
    const token = await sendForm(cohortId, p, { now: sentAt });
    expect(await dropUnconfirmedSignUps(SYSTEM, new Date(sentAt.getTime() + 23 * 3600_000))).toBe(0);
    expect(await dropUnconfirmedSignUps(SYSTEM, new Date(sentAt.getTime() + 24 * 3600_000 + 1))).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(signUpRequests).where(eq(signUpRequests.email, p.email))).toEqual([]);
    await expect(confirmSignUp(token)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getSignUpConfirmation(token, cohortId)).toEqual({ state: "invalid" });
    const again = await sendForm(cohortId, p);
    expect((await confirmSignUp(again)).status).toBe("accepted");
  });

  it("counts a signed-in sign-up at once and makes a waiting link for the same address moot", async () => {
    const cohortId = await newCohort({ capacity: 5 });
    const waiting = await sendForm(cohortId, person({ email: people.participant.email }));
    const before = (await mailsTo(people.participant.email)).length;
    const r = await signUp(people.participant, cohortId, person(), { locale: "nl" });
    expect(r.status).toBe("accepted");
    expect((await listMyEnrollments(people.participant)).find((e) => e.cohortId === cohortId)?.status).toBe("accepted");
    const after = await mailsTo(people.participant.email);
    expect(after.slice(before).map((m) => m.template)).toEqual(["enrollment-accepted"]);
    await expect(confirmSignUp(waiting)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("judges the window when the form was sent, but refuses when the cohort was closed meanwhile", async () => {
    const cohortId = await newCohort({ capacity: 5, enrollmentOpensOn: "2027-10-01", enrollmentDeadline: "2027-10-31", startDate: "2027-11-15", endDate: "2028-03-01" });
    // Sent a minute before the deadline, confirmed the next morning: it counts.
    const late = await sendForm(cohortId, person(), { now: new Date("2027-10-31T22:59:00Z") });
    expect((await confirmSignUp(late, { now: new Date("2027-11-01T08:00:00Z") })).status).toBe("accepted");

    const open = await newCohort({ capacity: 5 });
    const token = await sendForm(open, person());
    await updateCohort(people.coordinator, open, cohortInput({ name: "Gesloten", capacity: 5, status: "closed" }));
    await expect(confirmSignUp(token)).rejects.toMatchObject({ message: "signUpClosed" });
    expect((await listCohortEnrollments(people.coordinator, open)).total).toBe(0);
  });

  it.skipIf(!onPostgres)("gives the one place to the earliest of 50 concurrent confirmations and waitlists the rest in confirmation order (PostgreSQL)", async () => {
    const cohortId = await newCohort({ capacity: 1 });
    const ps = Array.from({ length: 50 }, () => person());
    const tokens: string[] = [];
    for (const p of ps) tokens.push(await sendForm(cohortId, p));
    // Nothing is held before anyone confirms.
    expect(await getPublicCohort(cohortId)).toMatchObject({ placesLeft: 1, waitlistLength: 0 });
    // Confirm in an order unrelated to the order of sign-up, all at once.
    const order = tokens.map((_, i) => (i * 17) % 50);
    const results = await Promise.all(order.map((i) => confirmSignUp(tokens[i]!)));
    expect(results.filter((r) => r.status === "accepted")).toHaveLength(1);
    expect(results.filter((r) => r.status === "waitlisted")).toHaveLength(49);
    const rows = await t.db
      .select({ status: enrollments.status, seq: enrollments.seq, id: enrollments.id, confirmedAt: signUpRequests.confirmedAt })
      .from(enrollments)
      .innerJoin(signUpRequests, eq(signUpRequests.enrollmentId, enrollments.id))
      .where(eq(enrollments.cohortId, cohortId))
      .orderBy(asc(enrollments.seq));
    expect(rows).toHaveLength(50);
    // The winner is the earliest confirmation; arrival order is confirmation order.
    expect(rows.map((r) => r.status)).toEqual(["accepted", ...Array.from({ length: 49 }, () => "waitlisted")]);
    const times = rows.map((r) => r.confirmedAt!.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const list = await listCohortEnrollments(people.coordinator, cohortId, { status: "waitlisted", pageSize: 100 });
    expect(list.rows.map((r) => r.id)).toEqual(rows.slice(1).map((r) => r.id));
    expect(list.rows.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
    // Each person was told the position they hold.
    const byId = new Map(results.map((r) => [r.enrollmentId, r.waitlistPosition]));
    rows.slice(1).forEach((r, i) => expect(byId.get(r.id)).toBe(i + 1));
    const accepted = await t.db.select().from(enrollments).where(and(eq(enrollments.cohortId, cohortId), eq(enrollments.status, "accepted")));
    expect(accepted).toHaveLength(1);
  });
});
