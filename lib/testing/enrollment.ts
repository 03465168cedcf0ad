import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { mailOutbox, programmes, users } from "@/db/schema";
import { loadActor, type UserActor } from "@/lib/dal/actor";
import { signUpSchemaFor, type SignUpInput } from "@/lib/validation/enrollment";
import { seedAndLoadActors } from "./actors";
import { createTestDatabase, type TestDatabase } from "./db";
import { createPublishedCohort, openCohortInput } from "./pairing";

const unique = () => Math.random().toString(36).slice(2, 8);

/**
 * For a test file about signing up: a fresh database with the demo data (set up before all tests,
 * closed after them) and helpers that make cohorts of EmpoweringPeople and sign-up forms.
 * `defaults` sets what the file's cohorts and people have unless a test says otherwise.
 * Call it at the top of the file; `t` and `people` are filled in before the first test runs.
 */
export function setUpEnrollmentDatabase(defaults: { cohort?: Record<string, unknown>; person?: Record<string, unknown> } = {}) {
  const t = {} as TestDatabase;
  const people = {} as Awaited<ReturnType<typeof seedAndLoadActors>>;
  let programmeId = "";

  beforeAll(async () => {
    Object.assign(t, await createTestDatabase());
    Object.assign(people, await seedAndLoadActors(t.db));
    const [ep] = await t.db.select().from(programmes).where(eq(programmes.name, "EmpoweringPeople"));
    programmeId = ep!.id;
  });
  afterAll(async () => t.close());

  /** The cohort form of an open first-come cohort (3 places unless `defaults.cohort` or `over` say otherwise). */
  const cohortInput = (over: Record<string, unknown> = {}) =>
    openCohortInput({ capacity: 3, policyAreas: "Wonen\nZorg en welzijn", ...defaults.cohort, ...over });

  /** Creates such a cohort of EmpoweringPeople as the demo coordinator; returns its id. */
  const newCohort = async (over: Record<string, unknown> = {}): Promise<string> =>
    (await createPublishedCohort(people.coordinator, programmeId, cohortInput(over))).id;

  let n = 0;
  /** A filled-in sign-up form of someone new (a unique name and address each time). */
  const person = (over: Record<string, unknown> = {}): SignUpInput => {
    n++;
    return signUpSchemaFor({ policyAreas: ["Wonen", "Zorg en welzijn"], questions: [] }).parse({
      name: `Ambtenaar ${n}`,
      email: `ambtenaar${n}.${unique()}@example.org`,
      employer: "Gemeente Zwolle",
      department: "Sociaal Domein",
      jobTitle: "Beleidsadviseur",
      policyAreas: ["Wonen"],
      motivation: "Ik wil leren van de praktijk.",
      availableHalfDays: 5,
      consent: true,
      ...defaults.person,
      ...over,
    });
  };

  const actorFor = async (email: string): Promise<UserActor> => {
    const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(u!.id))!;
  };

  /** Every mail to `email`, oldest first. */
  const mailsTo = (email: string) => t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(asc(mailOutbox.createdAt));

  /** The token in the newest confirmation mail to `email`. */
  const tokenFor = async (email: string): Promise<string> => {
    const mails = await t.db
      .select({ text: mailOutbox.text })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.template, "sign-up-confirmation")))
      .orderBy(asc(mailOutbox.createdAt));
    const token = /\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(mails.at(-1)?.text ?? "")?.[1];
    if (!token) throw new Error(`no confirmation mail to ${email}`);
    return token;
  };

  return { t, people, cohortInput, newCohort, person, actorFor, mailsTo, tokenFor };
}
