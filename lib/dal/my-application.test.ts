import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { enrollmentEvents, enrollments } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { setUpEnrollmentDatabase } from "@/lib/testing/enrollment";
import { answersSchemaFor, type SignUpInput } from "@/lib/validation/enrollment";
import { SYSTEM } from "./actor";
import { decideEnrollments, signUp } from "./enrollments";
import { getMyApplication, updateMyApplication } from "./my-application";
import { addQuestion } from "./questions";
import { confirmSignUp } from "./sign-up-confirmation";

const { t, people, newCohort, person, actorFor, tokenFor } = setUpEnrollmentDatabase();

async function enrol(cohortId: string, p: SignUpInput) {
  await signUp(null, cohortId, p, { locale: "en" });
  return confirmSignUp(await tokenFor(p.email), {});
}

describe("a participant changes their answers while the application is under review", () => {
  it("changes what the application says, with the cohort's own schema, and records when", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed" });
    const { id: questionId } = await addQuestion(people.coordinator, cohortId, { kind: "short_text", label: "Team?", options: [], required: false });
    const p = person();
    const r = await enrol(cohortId, p);
    const me = await actorFor(p.email);
    const app = await getMyApplication(me, r.enrollmentId);
    expect(app.editable).toBe(true);
    expect(app.values.employer).toBe(p.employer);
    const schema = answersSchemaFor({ policyAreas: app.policyAreaOptions, questions: app.questions });
    // The same rules as the sign-up form: a required field left empty is refused.
    expect(schema.safeParse({ ...app.values, employer: "", availableHalfDays: "5", region: "", answers: {} }).success).toBe(false);
    const input = schema.parse({ employer: "Provincie Utrecht", department: "", jobTitle: "Adviseur", policyAreas: app.values.policyAreas, motivation: "Nieuwe motivatie", availableHalfDays: "8", languages: [], region: "", answers: { [questionId]: "Wijkteam" } });
    await updateMyApplication(me, r.enrollmentId, input);
    const after = await getMyApplication(me, r.enrollmentId);
    expect(after.values).toMatchObject({ employer: "Provincie Utrecht", motivation: "Nieuwe motivatie", availableHalfDays: 8, answers: { [questionId]: "Wijkteam" } });
    const events = await t.db.select().from(enrollmentEvents).where(and(eq(enrollmentEvents.enrollmentId, r.enrollmentId), eq(enrollmentEvents.reason, "answersChanged")));
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBe(me.userId);
    expect(events[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("is refused once a coordinator has decided, and for anyone but the person", async () => {
    const cohortId = await newCohort({ admissionMode: "reviewed" });
    const p = person();
    const r = await enrol(cohortId, p);
    const me = await actorFor(p.email);
    const app = await getMyApplication(me, r.enrollmentId);
    const input = answersSchemaFor({ policyAreas: app.policyAreaOptions, questions: app.questions }).parse({ ...app.values, employer: "Anders", department: "", availableHalfDays: "5", region: "", answers: {} });
    // Someone else, a coordinator of another organisation, or this organisation's coordinator: 404; the system actor: 403.
    await expect(updateMyApplication(people.participant, r.enrollmentId, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateMyApplication(people.otherCoordinator, r.enrollmentId, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateMyApplication(people.coordinator, r.enrollmentId, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyApplication(people.coordinator, r.enrollmentId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateMyApplication(SYSTEM, r.enrollmentId, input)).rejects.toBeInstanceOf(ForbiddenError);

    await decideEnrollments(people.coordinator, cohortId, { ids: [r.enrollmentId], decision: "accept", reason: "" });
    expect((await getMyApplication(me, r.enrollmentId)).editable).toBe(false);
    await expect(updateMyApplication(me, r.enrollmentId, input)).rejects.toMatchObject({ message: "alreadyDecided" });
    const [row] = await t.db.select({ employer: enrollments.employer }).from(enrollments).where(eq(enrollments.id, r.enrollmentId));
    expect(row!.employer).toBe(p.employer);
  });
});
