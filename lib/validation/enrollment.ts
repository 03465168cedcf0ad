import { z } from "zod";
import { QUESTION_KINDS, type QuestionKind } from "@/db/schema/enums";
import { emailAddress, isTimeZone, optionalText, plainString, requiredText, wholeNumber } from "./common";
import { languageList, optionalRegion } from "./regions";

/** A checkbox group sends nothing, one value or several: always a list. */
const asList = (v: unknown): unknown[] => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? (v as unknown[]) : [v]);

/** What the sign-up form needs to know about one of the cohort's own questions. */
export interface SignUpQuestion {
  id: string;
  kind: QuestionKind;
  label: string;
  options: string[];
  required: boolean;
}

function answerSchema(q: SignUpQuestion): z.ZodType<string | string[] | boolean | undefined> {
  switch (q.kind) {
    case "short_text":
    case "long_text": {
      const max = q.kind === "short_text" ? 300 : 4000;
      return q.required ? requiredText(max) : plainString().trim().max(max, { error: "tooLong" }).optional();
    }
    case "single_choice": {
      const choice = plainString({ error: "choose" }).refine((v) => q.options.includes(v), { error: "choose" });
      return q.required ? choice : z.union([z.literal("").transform(() => undefined), choice]).optional();
    }
    case "multiple_choice": {
      const list = z.preprocess(
        asList,
        z.array(plainString().refine((v) => q.options.includes(v), { error: "choose" })).max(q.options.length, { error: "choose" }),
      );
      return q.required ? list.refine((a) => a.length > 0, { error: "chooseAtLeastOne" }) : list;
    }
    case "yes_no": {
      const yesNo = z.enum(["yes", "no"], { error: "chooseYesNo" }).transform((v) => v === "yes");
      return q.required ? yesNo : z.union([z.literal("").transform(() => undefined), yesNo]).optional();
    }
  }
}

/**
 * The sign-up form of one cohort (browser and server): the person, their work, policy areas from
 * the cohort's list, motivation, availability, consent, and the cohort's own questions.
 * Unknown fields are refused.
 */
export function signUpSchemaFor(cohort: { policyAreas: string[]; questions: SignUpQuestion[] }) {
  const answers = z.strictObject(Object.fromEntries(cohort.questions.map((q) => [q.id, answerSchema(q)])));
  const areas = z
    .array(plainString().refine((v) => cohort.policyAreas.includes(v), { error: "choose" }))
    .max(Math.max(1, cohort.policyAreas.length), { error: "choose" })
    .refine((a) => cohort.policyAreas.length === 0 || a.length > 0, { error: "chooseAtLeastOne" })
    .refine((a) => new Set(a).size === a.length, { error: "choose" });
  return z.strictObject({
    name: requiredText(120),
    email: emailAddress,
    employer: requiredText(200),
    department: optionalText(200),
    jobTitle: requiredText(200),
    policyAreas: z.preprocess(asList, areas),
    motivation: requiredText(4000),
    availableHalfDays: wholeNumber(1, 200),
    // Optional, for pairing: languages besides the account's own, and the region the person works in.
    languages: languageList.optional().transform((v) => v ?? []),
    region: optionalRegion.optional().transform((v) => v ?? null),
    consent: z.literal(true, { error: "consentRequired" }),
    answers: answers.default({}),
    // Filled in by the browser: a new account shows times in the zone the person signed up from.
    timeZone: plainString()
      .trim()
      .refine((v) => v === "" || isTimeZone(v), { error: "timeZone" })
      .default(""),
  });
}

export type SignUpInput = z.infer<ReturnType<typeof signUpSchemaFor>>;
export type SignUpFormValues = z.input<ReturnType<typeof signUpSchemaFor>>;

/**
 * A participant's answers, changed while the application is under review: the sign-up form of the
 * same cohort without the person's name and address (the account's) and the consent (given once).
 */
export function answersSchemaFor(cohort: { policyAreas: string[]; questions: SignUpQuestion[] }) {
  return signUpSchemaFor(cohort).omit({ name: true, email: true, consent: true, timeZone: true });
}
export type AnswersInput = z.infer<ReturnType<typeof answersSchemaFor>>;
export type AnswersFormValues = z.input<ReturnType<typeof answersSchemaFor>>;

export const DECISIONS = ["accept", "waitlist", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];

/** A coordinator's decision on one or more applications. */
export const decisionSchema = z.strictObject({
  ids: z.array(z.uuid({ error: "invalid" })).min(1, { error: "chooseAtLeastOne" }).max(500, { error: "tooMany" }),
  decision: z.enum(DECISIONS, { error: "required" }),
  reason: optionalText(1000),
});
export type DecisionInput = z.infer<typeof decisionSchema>;
export type DecisionFormValues = z.input<typeof decisionSchema>;

/** Options come one per line from a textarea, or as an array from the API. */
const lines = z.preprocess(
  (v): unknown[] =>
    (typeof v === "string" ? v.split(/\r?\n/) : asList(v)).map((s: unknown) => (typeof s === "string" ? s.trim() : s)).filter((s) => s !== ""),
  z.array(plainString().max(200, { error: "tooLong" })).max(30, { error: "tooMany" }),
);

/** A coordinator defines one of the cohort's own sign-up questions. */
export const questionSchema = z
  .strictObject({
    kind: z.enum(QUESTION_KINDS, { error: "required" }),
    label: requiredText(300),
    options: lines.default([]),
    required: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === "single_choice" || q.kind === "multiple_choice";
    if (choice && q.options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "twoOptions" });
    if (choice && new Set(q.options).size !== q.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: "duplicateOptions" });
    if (!choice && q.options.length > 0) ctx.addIssue({ code: "custom", path: ["options"], message: "noOptions" });
  });
export type QuestionInput = z.infer<typeof questionSchema>;
export type QuestionFormValues = z.input<typeof questionSchema>;

/** Policy areas of a cohort, one per line in the form. */
export const policyAreaLines = lines;
