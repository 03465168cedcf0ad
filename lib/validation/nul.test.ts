import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiText } from "@/lib/api/messages";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import zh from "@/messages/zh-CN.json";
import { cohortSchema } from "./cohort";
import { calendarDate, emailAddress, fieldErrorsOf, optionalText, requiredText, timeZone } from "./common";
import { signUpSchemaFor } from "./enrollment";
import { meetingSchema, meetingResponseSchema } from "./meeting";
import { helpRequestSchema, registerPartnerSchema } from "./partner";
import { registerPartnerFormSchema } from "./partner-registration";
import { unpairSchema } from "./pairing";

// PostgreSQL text cannot hold U+0000; a string with one used to reach the database and fail there (a 500).
const NUL = "\u0000";
const errorsOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe("NUL in text", () => {
  it("is refused by every shared building block with invalidCharacter, and only that message", () => {
    for (const schema of [requiredText(100), optionalText(100), calendarDate, timeZone, emailAddress]) {
      const r = schema.safeParse(`a${NUL}b`);
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => i.message)).toEqual(["invalidCharacter"]);
    }
    expect(requiredText(10).safeParse("ab").success).toBe(true);
  });

  it("is shown next to the field it is in, on forms and in the API", () => {
    expect(errorsOf(cohortSchema, { name: `Voorjaar${NUL}`, startDate: "2028-03-01", endDate: "2028-08-31", enrollmentOpensOn: "2027-11-01", enrollmentDeadline: "2028-02-15", capacity: 3, timeZone: "UTC" })).toEqual({ name: ["invalidCharacter"] });
    const signUp = signUpSchemaFor({ policyAreas: ["Wonen"], questions: [{ id: "q1", kind: "short_text", label: "?", options: [], required: false }] });
    const person = { name: "Anna", email: "anna@example.org", employer: "Gemeente", jobTitle: "Adviseur", policyAreas: ["Wonen"], motivation: "Leren", availableHalfDays: 2, consent: true };
    expect(errorsOf(signUp, { ...person, department: NUL, answers: { q1: `x${NUL}` } })).toEqual({ department: ["invalidCharacter"], "answers.q1": ["invalidCharacter"] });
    expect(errorsOf(signUp, { ...person, policyAreas: [`Wonen${NUL}`] })).toEqual({ "policyAreas.0": ["invalidCharacter"] });
    expect(errorsOf(unpairSchema, { reason: `weg${NUL}` })).toEqual({ reason: ["invalidCharacter"] });
    expect(errorsOf(meetingResponseSchema, { response: "dispute", comment: NUL })).toEqual({ comment: ["invalidCharacter"] });
    expect(errorsOf(meetingSchema, { startsAt: new Date(Date.now() - 3600_000), durationMinutes: 30, mode: "online", notes: `n${NUL}` })).toEqual({ notes: ["invalidCharacter"] });
    const profile = { helpRequest: "Hulp", policyAreas: ["Wonen"], languages: ["nl"], capacityPerCohort: 1 };
    expect(errorsOf(helpRequestSchema, { ...profile, website: `example.org${NUL}`, contactPhone: `0612345678${NUL}` })).toEqual({ website: ["invalidCharacter"], contactPhone: ["invalidCharacter"] });
    expect(errorsOf(registerPartnerFormSchema, { ...profile, name: "Initiatief", kind: "initiative", ownerName: "Piet", ownerEmail: "piet@example.org", consent: true, organisation: `org${NUL}` })).toEqual({ organisation: ["invalidCharacter"] });
    expect(errorsOf(registerPartnerSchema, { ...profile, name: "I", kind: "initiative", ownerName: "P", ownerEmail: "p@example.org", consent: true, languages: [`n${NUL}`] })).toEqual({ "languages.0": ["invalidCharacter"] });
  });

  it("has a message in every language, and an English text for the API", () => {
    for (const messages of [nl, en, zh]) expect((messages.errors as Record<string, string>).invalidCharacter).toMatch(/NUL/);
    expect(apiText("invalidCharacter")).toBe(en.errors.invalidCharacter);
  });

  it("is refused by every schema: no file in lib/validation or lib/api uses z.string() itself", () => {
    const files = ["lib/validation", "lib/api"].flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join(d, f)));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const code = fs.readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      const source = code.replace("z.string(params).refine(hasNoNul", "");
      expect(source, f).not.toMatch(/\bz\s*\.\s*string\s*\(/);
    }
  });
});

describe("fieldErrorsOf", () => {
  it("keeps field names that are also Object.prototype members apart from the prototype", () => {
    const schema = z.object({ toString: z.string({ error: "required" }), constructor: z.number({ error: "number" }) });
    expect(errorsOf(schema, JSON.parse('{"constructor":"x","__proto__":1}'))).toEqual({ toString: ["required"], constructor: ["number"] });
  });
});
