import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/db/client";
import { mailOutbox, programmes, users, type Locale } from "@/db/schema";
import { loadActor, SYSTEM, type UserActor } from "@/lib/dal/actor";
import { createCohort, updateCohort } from "@/lib/dal/cohorts";
import { publishCohort } from "@/lib/dal/lifecycle";
import { signUp } from "@/lib/dal/enrollments";
import { invitePartner, linkPartnerToCohort } from "@/lib/dal/partners";
import { cohortSchema, type CohortInput } from "@/lib/validation/cohort";
import { signUpSchemaFor } from "@/lib/validation/enrollment";
import { invitePartnerSchema } from "@/lib/validation/partner";
import { seedAndLoadActors } from "./actors";
import { createTestDatabase, type TestDatabase } from "./db";

const AREAS = ["Wonen", "Zorg en welzijn", "Duurzaamheid", "Participatie", "Werk en inkomen"];

/** Calendar date `offset` days from today (UTC). */
export function day(offset: number): string {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

const unique = () => Math.random().toString(36).slice(2, 8);

/**
 * The cohort form of an open first-come cohort (sign-ups are accepted at once): enrollment open
 * since 10 days, starting in 60; 100 places and five policy areas unless `over` says otherwise.
 */
export function openCohortInput(over: Record<string, unknown> = {}) {
  return cohortSchema.parse({
    name: `Cohort ${unique()}`,
    startDate: day(60),
    endDate: day(200),
    enrollmentOpensOn: day(-10),
    enrollmentDeadline: day(30),
    capacity: 100,
    timeZone: "Europe/Amsterdam",
    admissionMode: "first_come",
    offerDays: 2,
    policyAreas: AREAS.join("\n"),
    ...over,
  });
}

/**
 * Creates a cohort as `actor` and, unless the input's status is "draft", publishes it and gives
 * it that status (open when none is given): what a coordinator does in two steps.
 */
export async function createPublishedCohort(actor: UserActor, programmeId: string, input: CohortInput): Promise<{ id: string }> {
  const { id } = await createCohort(actor, programmeId, input);
  if (input.status === "draft") return { id };
  await publishCohort(actor, id);
  if (input.status && input.status !== "open") await updateCohort(actor, id, input);
  return { id };
}

/** The demo data plus helpers that make cohorts, accepted participants and linked partners. */
export async function pairingFixture(db: Db) {
  const people = await seedAndLoadActors(db);
  const [ep] = await db.select().from(programmes).where(eq(programmes.name, "EmpoweringPeople"));

  const actorFor = async (email: string): Promise<UserActor> => {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(u!.id))!;
  };

  /** An open first-come cohort of EmpoweringPeople, so sign-ups are accepted at once. */
  const newCohort = async (over: Record<string, unknown> = {}): Promise<string> =>
    (await createPublishedCohort(people.coordinator, ep!.id, openCohortInput(over))).id;

  /** An accepted participant of the cohort: their enrollment id, address and actor. */
  const participant = async (cohortId: string, over: Record<string, unknown> = {}, locale: Locale = "nl") => {
    const email = `deelnemer.${unique()}@example.org`;
    const input = signUpSchemaFor({ policyAreas: AREAS, questions: [] }).parse({
      name: `Deelnemer ${unique()}`,
      email,
      employer: "Gemeente Deventer",
      department: "",
      jobTitle: "Beleidsadviseur",
      policyAreas: ["Wonen"],
      motivation: "Geheime motivatie",
      availableHalfDays: 4,
      consent: true,
      ...over,
    });
    // Koppel itself signs the fixture up: admitted at once, no confirmation mail.
    const r = await signUp(SYSTEM, cohortId, input, { locale });
    if (r.status !== "accepted") throw new Error(`not accepted: ${r.status}`);
    return { enrollmentId: r.enrollmentId, email, name: input.name, actor: await actorFor(email) };
  };

  /** An approved partner of the foundation, invited by its coordinator, optionally linked to a cohort. */
  const partner = async (over: Record<string, unknown> = {}, link?: { cohortId: string; capacity?: number }) => {
    const ownerEmail = `partner.${unique()}@example.org`;
    const input = invitePartnerSchema.parse({
      name: `Initiatief ${unique()}`,
      kind: "initiative",
      helpRequest: "Wij zoeken hulp bij een subsidieaanvraag.",
      policyAreas: ["Wonen"],
      languages: ["nl"],
      capacityPerCohort: 2,
      ownerName: `Eigenaar ${unique()}`,
      ownerEmail,
      ownerLocale: "nl",
      ...over,
    });
    const { partnerId } = await invitePartner(people.coordinator, input);
    if (link) await linkPartnerToCohort(people.coordinator, partnerId, link.cohortId, link.capacity);
    return { partnerId, name: input.name, ownerEmail: input.ownerEmail, owner: await actorFor(input.ownerEmail) };
  };

  const mailsTo = (email: string) => db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(asc(mailOutbox.createdAt));

  return { people, actorFor, newCohort, participant, partner, mailsTo };
}

export type PairingFixture = Awaited<ReturnType<typeof pairingFixture>>;

/**
 * For a test file about pairing: a fresh database (created before all tests, closed after them)
 * with pairingFixture's demo data and helpers. Call it at the top of the file; `t` and `f` are
 * filled in before the first test runs.
 */
export function setUpPairingDatabase(): { t: TestDatabase; f: PairingFixture } {
  const t = {} as TestDatabase;
  const f = {} as PairingFixture;
  beforeAll(async () => {
    Object.assign(t, await createTestDatabase());
    Object.assign(f, await pairingFixture(t.db));
  });
  afterAll(async () => t.close());
  return { t, f };
}
