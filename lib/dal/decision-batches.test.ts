import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { enrollmentEvents, enrollments, mailOutbox } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { setUpEnrollmentDatabase } from "@/lib/testing/enrollment";
import type { SignUpInput } from "@/lib/validation/enrollment";
import { getDecisionBatch, previewDecision, undoDecisionBatch } from "./decision-batches";
import { DECISION_HOLD_MS, decideEnrollments, signUp } from "./enrollments";
import { confirmSignUp } from "./sign-up-confirmation";

const { t, people, newCohort, person, mailsTo, tokenFor } = setUpEnrollmentDatabase();

async function enrol(cohortId: string, p: SignUpInput, locale: "nl" | "en" | "zh-CN" = "en") {
  await signUp(null, cohortId, p, { locale });
  return confirmSignUp(await tokenFor(p.email), {});
}
const statusOf = async (id: string) => (await t.db.select({ s: enrollments.status }).from(enrollments).where(eq(enrollments.id, id)))[0]!.s;

describe("bulk decisions: preview, batch and undo", () => {
  it("the preview names everyone and shows each person's mail in their language, changing nothing", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 1 });
    const [a, b, c] = [person({ name: "Anna Preview" }), person({ name: "Bo Preview" }), person({ name: "Chen Preview" })];
    const ra = await enrol(cohortId, a, "nl");
    const rb = await enrol(cohortId, b, "en");
    const rc = await enrol(cohortId, c, "zh-CN");
    const before = (await mailsTo(a.email)).length;
    const preview = await previewDecision(people.coordinator, cohortId, { ids: [ra.enrollmentId, rb.enrollmentId, rc.enrollmentId], decision: "accept", reason: "" });
    expect(preview.people.map((p) => [p.name, p.outcome, p.locale])).toEqual([
      ["Anna Preview", "changed", "nl"],
      ["Bo Preview", "full", "en"],
      ["Chen Preview", "full", "zh-CN"],
    ]);
    expect(preview.people[0]!.mail!.subject).toMatch(/^Je bent geplaatst in/);
    expect(preview.people[1]!.mail).toBeNull();
    expect(preview.undoable).toBe(true);
    // Nothing changed and nothing was mailed.
    expect(await statusOf(ra.enrollmentId)).toBe("applied");
    expect(await mailsTo(a.email)).toHaveLength(before);

    const rejecting = await previewDecision(people.coordinator, cohortId, { ids: [rb.enrollmentId, rc.enrollmentId], decision: "reject", reason: "Te laat" });
    expect(rejecting.people.map((p) => p.mail?.subject)).toEqual([expect.stringMatching(/^Your sign-up for/), expect.stringMatching(/^关于您对/)]);
    expect(rejecting.people[0]!.mail!.text).toContain("Reason: Te laat");
  });

  it("a bulk decision holds its mails, names everyone, and can be undone while nothing was sent", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 5 });
    const [a, b] = [person({ name: "Ada Undo" }), person({ name: "Ben Undo" })];
    const ra = await enrol(cohortId, a);
    const rb = await enrol(cohortId, b);
    const result = await decideEnrollments(people.coordinator, cohortId, { ids: [ra.enrollmentId, rb.enrollmentId], decision: "reject", reason: "Vol" }, { batch: true });
    expect(result.changed).toHaveLength(2);
    const held = (await mailsTo(a.email)).at(-1)!;
    expect(held.template).toBe("enrollment-rejected");
    expect(held.nextAttemptAt.getTime() - held.createdAt.getTime()).toBeGreaterThanOrEqual(DECISION_HOLD_MS - 1000);

    const batch = await getDecisionBatch(people.coordinator, cohortId, result.batchId);
    expect(batch.people.map((p) => [p.name, p.outcome, p.status])).toEqual([
      ["Ada Undo", "changed", "rejected"],
      ["Ben Undo", "changed", "rejected"],
    ]);
    expect(batch).toMatchObject({ canUndo: true, mailsQueued: 2, mailsSent: 0 });

    // Wrong role: 403; another organisation: 404; nothing undone.
    await expect(undoDecisionBatch(people.participant, cohortId, result.batchId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(undoDecisionBatch(people.otherCoordinator, cohortId, result.batchId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDecisionBatch(people.otherCoordinator, cohortId, result.batchId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewDecision(people.otherCoordinator, cohortId, { ids: [ra.enrollmentId], decision: "reject", reason: "" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewDecision(people.participant, cohortId, { ids: [ra.enrollmentId], decision: "reject", reason: "" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await statusOf(ra.enrollmentId)).toBe("rejected");

    const undone = await undoDecisionBatch(people.coordinator, cohortId, result.batchId);
    expect(undone.restored).toHaveLength(2);
    expect(await statusOf(ra.enrollmentId)).toBe("applied");
    expect(await statusOf(rb.enrollmentId)).toBe("applied");
    expect((await mailsTo(a.email)).map((m) => m.template)).not.toContain("enrollment-rejected");
    const events = await t.db.select().from(enrollmentEvents).where(eq(enrollmentEvents.enrollmentId, ra.enrollmentId));
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.reason])).toContainEqual(["rejected", "applied", "undone"]);
    expect(await getDecisionBatch(people.coordinator, cohortId, result.batchId)).toMatchObject({ canUndo: false });
    await expect(undoDecisionBatch(people.coordinator, cohortId, result.batchId)).rejects.toMatchObject({ message: "cannotUndo" });
  });

  it("once a mail went out, the batch cannot be undone and says how many were sent", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 5 });
    const [a, b] = [person(), person()];
    const ra = await enrol(cohortId, a);
    const rb = await enrol(cohortId, b);
    const result = await decideEnrollments(people.coordinator, cohortId, { ids: [ra.enrollmentId, rb.enrollmentId], decision: "accept", reason: "" }, { batch: true });
    const batch0 = await getDecisionBatch(people.coordinator, cohortId, result.batchId);
    expect(batch0.canUndo).toBe(true);
    const [first] = await mailsTo(a.email).then((ms) => ms.filter((m) => m.template === "enrollment-accepted"));
    await t.db.update(mailOutbox).set({ status: "sent", attempts: 1 }).where(eq(mailOutbox.id, first!.id));
    expect(await getDecisionBatch(people.coordinator, cohortId, result.batchId)).toMatchObject({ canUndo: false, mailsSent: 1 });
    await expect(undoDecisionBatch(people.coordinator, cohortId, result.batchId)).rejects.toMatchObject({ message: "cannotUndo" });
    // Nothing was put back, and the other mail is still queued.
    expect(await statusOf(ra.enrollmentId)).toBe("accepted");
    expect(await statusOf(rb.enrollmentId)).toBe("accepted");
    expect((await mailsTo(b.email)).map((m) => m.template)).toContain("enrollment-accepted");
  });

  it("a batch that offered a freed place is not held and cannot be undone", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 1, autoOfferWaitlist: true });
    const [a, b] = [person(), person()];
    const ra = await enrol(cohortId, a);
    const rb = await enrol(cohortId, b);
    await decideEnrollments(people.coordinator, cohortId, { ids: [ra.enrollmentId], decision: "accept", reason: "" });
    await decideEnrollments(people.coordinator, cohortId, { ids: [rb.enrollmentId], decision: "waitlist", reason: "" });
    const preview = await previewDecision(people.coordinator, cohortId, { ids: [ra.enrollmentId], decision: "reject", reason: "" });
    expect(preview).toMatchObject({ offersFreedPlaces: true, undoable: false });
    const result = await decideEnrollments(people.coordinator, cohortId, { ids: [ra.enrollmentId], decision: "reject", reason: "" }, { batch: true });
    const batch = await getDecisionBatch(people.coordinator, cohortId, result.batchId);
    expect(batch.canUndo).toBe(false);
    expect(batch.holdUntil).toBeNull();
    expect(batch.people.map((p) => [p.enrollmentId, p.outcome])).toEqual([
      [ra.enrollmentId, "changed"],
      [rb.enrollmentId, "offered"],
    ]);
    const mail = (await mailsTo(a.email)).at(-1)!;
    expect(mail.nextAttemptAt.getTime() - mail.createdAt.getTime()).toBeLessThan(1000);
  });

  it("waitlisting several at once counts the places once and tells each their own number", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed", capacity: 3 });
    const ps = [person(), person(), person()];
    const rs = [];
    for (const p of ps) rs.push(await enrol(cohortId, p));
    await decideEnrollments(people.coordinator, cohortId, { ids: rs.map((r) => r.enrollmentId), decision: "waitlist", reason: "" }, { batch: true });
    const texts = await t.db.select({ text: mailOutbox.text, to: mailOutbox.toAddress, template: mailOutbox.template }).from(mailOutbox).where(inArray(mailOutbox.toAddress, ps.map((p) => p.email)));
    const waitlisted = texts.filter((m) => m.template.startsWith("enrollment-waitlisted"));
    expect(waitlisted.map((m) => m.template)).toEqual(Array(3).fill("enrollment-waitlistedByReview"));
    for (const [i, p] of ps.entries()) expect(waitlisted.find((m) => m.to === p.email)!.text).toContain(`you are number ${i + 1}`);
  });
});
