import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mailOutbox } from "@/db/schema";
import { updateCohort } from "@/lib/dal/cohorts";
import { createPublishedCohort } from "@/lib/testing/pairing";
import { listCohortEnrollments } from "@/lib/dal/enrollment-queries";
import { signUp } from "@/lib/dal/enrollments";
import { listProgrammes } from "@/lib/dal/programmes";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { cohortSchema } from "@/lib/validation/cohort";
import { signUpSchemaFor } from "@/lib/validation/enrollment";

/** Next's redirect() throws to end the action; here it throws this, carrying the address. */
class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { confirmSignUpAction } = await import("./actions");

let t: TestDatabase;
let people: Awaited<ReturnType<typeof seedAndLoadActors>>;
let cohortId: string;
const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
const base = {
  name: "Bevestigen",
  startDate: day(60),
  endDate: day(200),
  enrollmentOpensOn: day(-10),
  enrollmentDeadline: day(30),
  capacity: 2,
  timeZone: "Europe/Amsterdam",
  admissionMode: "first_come",
  offerDays: 2,
  policyAreas: "",
};

/** The token in the confirmation mail to `email`. */
async function tokenIn(email: string): Promise<string> {
  const mails = await t.db.select({ to: mailOutbox.toAddress, text: mailOutbox.text }).from(mailOutbox);
  return mails.filter((m) => m.to === email).map((m) => /confirm\?token=([\w-]{43})/.exec(m.text)?.[1]).find(Boolean)!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  people = await seedAndLoadActors(t.db);
  const [ep] = (await listProgrammes(people.coordinator)).filter((p) => p.name === "EmpoweringPeople");
  cohortId = (await createPublishedCohort(people.coordinator, ep!.id, cohortSchema.parse(base))).id;
});
afterAll(async () => t.close());

async function submit(fields: Record<string, string>): Promise<string> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  try {
    await confirmSignUpAction(form);
  } catch (err) {
    if (err instanceof Redirected) return err.url;
    throw err;
  }
  throw new Error("the action did not redirect");
}

describe("the confirm button's action", () => {
  it("refuses a wrong, malformed or missing token by going back to the page, which explains; nothing is admitted", async () => {
    for (const token of ["A".repeat(43), "<script>", "", "a".repeat(5000)]) {
      const url = await submit({ token, cohortId, locale: "en" });
      expect(url.startsWith(`/en/programmes/${cohortId}/confirm?token=`)).toBe(true);
      expect(url).not.toContain("error=");
    }
    // A strange locale or cohort never leaves the site.
    expect(await submit({ token: "x", cohortId: "//evil.example", locale: "xx" })).toMatch(/^\/nl\/programmes\/%2F%2Fevil\.example\/confirm\?/);
    expect((await listCohortEnrollments(people.coordinator, cohortId)).total).toBe(0);
  });

  it("admits with the token from the mail, and says in words when the cohort closed meanwhile", async () => {
    const p = signUpSchemaFor({ policyAreas: [], questions: [] }).parse({
      name: "Knop Drukker",
      email: "knop.drukker@example.org",
      employer: "Gemeente Zwolle",
      jobTitle: "Adviseur",
      motivation: "Leren.",
      availableHalfDays: 3,
      consent: true,
    });
    await signUp(null, cohortId, p, { locale: "en" });
    const token = await tokenIn(p.email);
    const url = await submit({ token, cohortId, locale: "en" });
    expect(url).toBe(`/en/programmes/${cohortId}/confirm?token=${token}`);
    expect((await listCohortEnrollments(people.coordinator, cohortId)).rows.map((r) => r.status)).toEqual(["accepted"]);
    // Pressing again (a second click, the back button) is no error page either.
    expect(await submit({ token, cohortId, locale: "en" })).toBe(url);

    // The cohort closes before a second person confirms: the page says so in words.
    const q = { ...p, name: "Laat", email: "laat.bevestigd@example.org" };
    await signUp(null, cohortId, q, { locale: "en" });
    const late = await tokenIn("laat.bevestigd@example.org");
    await updateCohort(people.coordinator, cohortId, cohortSchema.parse({ ...base, status: "closed" }));
    expect(await submit({ token: late, cohortId, locale: "en" })).toBe(`/en/programmes/${cohortId}/confirm?token=${late}&error=signUpClosed`);
  });
});
