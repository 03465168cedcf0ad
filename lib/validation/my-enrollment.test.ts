import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./common";
import { signUpSchemaFor, type SignUpQuestion } from "./enrollment";
import { myEnrollmentActionSchema } from "./my-enrollment";

const ID = "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

describe("a participant's action on their own enrollment", () => {
  it("accepts, declines and withdraws with an optional reason", () => {
    expect(myEnrollmentActionSchema.parse({ intent: "accept", enrollmentId: ID })).toEqual({ intent: "accept", enrollmentId: ID });
    expect(myEnrollmentActionSchema.parse({ intent: "decline", enrollmentId: ID }).intent).toBe("decline");
    expect(myEnrollmentActionSchema.parse({ intent: "withdraw", enrollmentId: ID, reason: "  new job " })).toEqual({ intent: "withdraw", enrollmentId: ID, reason: "new job" });
    expect(myEnrollmentActionSchema.parse({ intent: "withdraw", enrollmentId: ID })).toMatchObject({ reason: "" });
  });

  it("refuses unknown intents, bad ids, long reasons and extra fields", () => {
    expect(myEnrollmentActionSchema.safeParse({ intent: "delete", enrollmentId: ID }).success).toBe(false);
    expect(myEnrollmentActionSchema.safeParse({ intent: "accept", enrollmentId: "1 OR 1=1" }).success).toBe(false);
    const long = myEnrollmentActionSchema.safeParse({ intent: "withdraw", enrollmentId: ID, reason: "x".repeat(1001) });
    expect(long.success ? {} : fieldErrorsOf(long.error)).toEqual({ reason: ["tooLong"] });
    expect(myEnrollmentActionSchema.safeParse({ intent: "accept", enrollmentId: ID, reason: "x" }).success).toBe(false);
  });
});

describe("the sign-up form's raw values (what react-hook-form sends the server)", () => {
  const questions: SignUpQuestion[] = [
    { id: "11111111-1111-4111-8111-111111111111", kind: "yes_no", label: "Worked with an initiative before?", options: [], required: true },
    { id: "22222222-2222-4222-8222-222222222222", kind: "single_choice", label: "Which kick-off?", options: ["Morning", "Online"], required: false },
    { id: "33333333-3333-4333-8333-333333333333", kind: "multiple_choice", label: "Languages", options: ["Dutch"], required: false },
  ];
  const schema = signUpSchemaFor({ policyAreas: ["Wonen"], questions });
  const raw = {
    name: "Ada Jansen",
    email: " Ada@Example.org ",
    employer: "Gemeente Zwolle",
    department: "",
    jobTitle: "Adviseur",
    // One checkbox in a group: react-hook-form sends its value or false.
    policyAreas: "Wonen",
    motivation: "Leren van de praktijk.",
    availableHalfDays: "4",
    consent: true,
    answers: { [questions[0]!.id]: "yes", [questions[1]!.id]: "", [questions[2]!.id]: false },
  };

  it("parses them, the same on the server as in the browser", () => {
    const data = schema.parse(raw);
    expect(data.email).toBe("ada@example.org");
    expect(data.policyAreas).toEqual(["Wonen"]);
    expect(data.availableHalfDays).toBe(4);
    expect(data.answers).toEqual({ [questions[0]!.id]: true, [questions[1]!.id]: undefined, [questions[2]!.id]: [] });
  });

  it("names each missing answer on its own field", () => {
    const r = schema.safeParse({
      ...raw,
      policyAreas: false,
      availableHalfDays: undefined,
      consent: false,
      answers: { ...raw.answers, [questions[0]!.id]: "" },
    });
    expect(r.success ? {} : fieldErrorsOf(r.error)).toEqual({
      policyAreas: ["chooseAtLeastOne"],
      availableHalfDays: ["number"],
      consent: ["consentRequired"],
      [`answers.${questions[0]!.id}`]: ["chooseYesNo"],
    });
  });
});
