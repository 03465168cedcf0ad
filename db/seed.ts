import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { appMeta, cohortQuestions, cohorts, enrollments, memberships, organisations, partners, programmes, users } from "./schema";
import { seedPairing } from "./seed-pairing";

const SEEDED = "demo_seeded_at";

const POLICY_AREAS = ["Duurzaamheid", "Energietransitie", "Armoede en schulden", "Zorg en welzijn", "Wonen", "Participatie", "Werk en inkomen"];

/** The calendar date `offset` days from today (UTC), as YYYY-MM-DD. */
function day(offset: number): string {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/** Fictional people (example.org) in two organisations; runs once per database. */
export async function seedDemoData(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [done] = await tx.select().from(appMeta).where(eq(appMeta.key, SEEDED));
    if (done) return false;

    const [foundation, westland] = await tx
      .insert(organisations)
      .values([
        { slug: "samen-duurzaam", name: "Stichting Samen Duurzaam" },
        { slug: "gemeente-westland", name: "Gemeente Westland" },
      ])
      .returning();
    const people = await tx
      .insert(users)
      .values([
        { email: "admin@example.org", name: "Anna Bakker", locale: "nl" as const },
        { email: "coordinator@example.org", name: "Coen de Vries", locale: "nl" as const },
        { email: "participant@example.org", name: "Pim Jansen", locale: "nl" as const },
        { email: "partner@example.org", name: "Fatima El Amrani", locale: "nl" as const },
        { email: "westland@example.org", name: "Wim Westerveld", locale: "nl" as const },
        { email: "li.wei@example.org", name: "Li Wei", locale: "zh-CN" as const, timeZone: "Asia/Shanghai" },
      ])
      .returning();
    const [admin, coordinator, participant, partner, westlander, liWei] = people;
    await tx.insert(memberships).values([
      { organisationId: foundation!.id, userId: admin!.id, role: "admin" },
      { organisationId: foundation!.id, userId: coordinator!.id, role: "coordinator" },
      { organisationId: foundation!.id, userId: participant!.id, role: "participant" },
      { organisationId: foundation!.id, userId: partner!.id, role: "partner" },
      { organisationId: foundation!.id, userId: liWei!.id, role: "participant" },
      { organisationId: westland!.id, userId: westlander!.id, role: "coordinator" },
    ]);

    const [ep, zwolle, westlandProg] = await tx
      .insert(programmes)
      .values([
        {
          organisationId: foundation!.id,
          name: "EmpoweringPeople",
          description:
            "Ambtenaren begeleiden vier tot zes maanden een maatschappelijk initiatief met een hulpvraag in hun eigen beleidsterrein. Twee plenaire bijeenkomsten, één intervisie en ten minste één ontmoeting met de initiatiefnemer.",
          effortHalfDaysMin: 3,
          effortHalfDaysMax: 6,
          durationMonths: 6,
          minPartnerMeetings: 1,
        },
        {
          organisationId: foundation!.id,
          name: "EmpoweringPeople op maat: Gemeente Zwolle",
          description: "Een leergang op maat voor medewerkers van de Gemeente Zwolle, met initiatieven uit de stad.",
          effortHalfDaysMin: 3,
          effortHalfDaysMax: 5,
          durationMonths: 4,
          minPartnerMeetings: 2,
        },
        {
          organisationId: westland!.id,
          name: "Westland Werkt Samen",
          description: "Medewerkers van de gemeente lopen mee met vrijwilligersorganisaties in het Westland.",
          effortHalfDaysMin: 2,
          effortHalfDaysMax: 4,
          durationMonths: 3,
          minPartnerMeetings: 1,
        },
      ])
      .returning();
    // Every demo cohort but one is published; "Gemeente Zwolle 2028" shows what a draft looks like.
    const [spring, , , westland2027, running] = await tx
      .insert(cohorts)
      .values([
        {
          organisationId: foundation!.id,
          programmeId: ep!.id,
          status: "open",
          name: "Voorjaar 2027",
          // Demo dates follow the day of seeding, so the demo always has a cohort open for sign-up.
          startDate: day(84),
          endDate: day(84 + 182),
          enrollmentOpensOn: day(-21),
          enrollmentDeadline: day(70),
          capacity: 30,
          timeZone: "Europe/Amsterdam",
          admissionMode: "reviewed",
          offerDays: 5,
          policyAreas: POLICY_AREAS,
        },
        {
          organisationId: foundation!.id,
          programmeId: ep!.id,
          status: "open",
          name: "Najaar 2027",
          startDate: day(280),
          endDate: day(280 + 166),
          enrollmentOpensOn: day(150),
          enrollmentDeadline: day(260),
          policyAreas: POLICY_AREAS,
          capacity: 25,
          timeZone: "Europe/Amsterdam",
        },
        {
          organisationId: foundation!.id,
          programmeId: zwolle!.id,
          status: "open",
          name: "Gemeente Zwolle 2027",
          startDate: day(60),
          endDate: day(60 + 120),
          enrollmentOpensOn: day(-7),
          enrollmentDeadline: day(45),
          capacity: 15,
          timeZone: "Europe/Amsterdam",
          admissionMode: "first_come",
          offerDays: 3,
          policyAreas: ["Wonen", "Zorg en welzijn", "Werk en inkomen"],
        },
        {
          organisationId: westland!.id,
          programmeId: westlandProg!.id,
          status: "open",
          name: "Westland 2027",
          startDate: day(120),
          endDate: day(210),
          enrollmentOpensOn: day(-14),
          enrollmentDeadline: day(100),
          admissionMode: "first_come",
          policyAreas: ["Werk en inkomen", "Participatie"],
          capacity: 12,
          timeZone: "Europe/Amsterdam",
        },
        {
          // Running for six weeks: its pairs were made in its first days and have met since (seed-pairing.ts).
          organisationId: foundation!.id,
          programmeId: ep!.id,
          status: "closed",
          name: "Najaar 2026",
          startDate: day(-42),
          endDate: day(-42 + 182),
          enrollmentOpensOn: day(-130),
          enrollmentDeadline: day(-56),
          capacity: 20,
          timeZone: "Europe/Amsterdam",
          admissionMode: "reviewed",
          policyAreas: POLICY_AREAS,
        },
        {
          organisationId: foundation!.id,
          programmeId: zwolle!.id,
          status: "draft",
          name: "Gemeente Zwolle 2028",
          startDate: day(300),
          endDate: day(300 + 120),
          enrollmentOpensOn: day(200),
          enrollmentDeadline: day(280),
          capacity: 15,
          timeZone: "Europe/Amsterdam",
          admissionMode: "first_come",
          policyAreas: ["Wonen", "Zorg en welzijn", "Werk en inkomen"],
        },
      ])
      .returning();
    await tx.insert(enrollments).values([
      {
        organisationId: foundation!.id,
        cohortId: running!.id,
        userId: participant!.id,
        status: "accepted",
        employer: "Ministerie van Economische Zaken",
        department: "Directie Energie",
        jobTitle: "Beleidsmedewerker",
        policyAreas: ["Energietransitie"],
        motivation: "Ik wil zien hoe ons beleid uitpakt bij een initiatief in de wijk.",
        availableHalfDays: 6,
        consentedAt: new Date(Date.now() - 100 * 86400_000),
        createdAt: new Date(Date.now() - 100 * 86400_000),
      },
      {
        organisationId: foundation!.id,
        cohortId: spring!.id,
        userId: liWei!.id,
        status: "applied",
        employer: "Gemeente Zwolle",
        department: "Sociaal Domein",
        jobTitle: "Adviseur participatie",
        policyAreas: ["Participatie", "Zorg en welzijn"],
        motivation: "Ik wil leren hoe bewonersinitiatieven met de gemeente samenwerken.",
        availableHalfDays: 5,
        consentedAt: new Date(),
      },
    ]);
    await tx.insert(cohortQuestions).values([
      {
        organisationId: foundation!.id,
        cohortId: spring!.id,
        position: 0,
        kind: "yes_no",
        label: "Heb je eerder met een maatschappelijk initiatief samengewerkt?",
        required: true,
      },
      {
        organisationId: foundation!.id,
        cohortId: spring!.id,
        position: 1,
        kind: "single_choice",
        label: "Welke plenaire startbijeenkomst kun je bijwonen?",
        options: ["Utrecht, ochtend", "Utrecht, middag", "Online"],
        required: false,
      },
    ]);
    const [groeneVinger] = await tx
      .insert(partners)
      .values({
        organisationId: foundation!.id,
        ownerUserId: partner!.id,
        kind: "initiative",
        status: "approved",
        name: "Buurtmoestuin De Groene Vinger",
        description: "Een moestuin van en voor de buurt, met zo'n twintig vaste vrijwilligers.",
        location: "Zwolle, Assendorp",
        region: "overijssel",
        helpRequest:
          "Wij zoeken hulp bij het aanvragen van een gemeentelijke subsidie en het vinden van een vaste plek voor onze tuin.",
        policyAreas: ["Duurzaamheid", "Energietransitie", "Participatie"],
        languages: ["nl", "en"],
        capacityPerCohort: 2,
        contactEmail: "partner@example.org",
        registeredById: partner!.id,
        decidedById: coordinator!.id,
        decidedAt: new Date(),
      })
      .returning();
    await seedPairing(tx, {
      foundationId: foundation!.id,
      westlandId: westland!.id,
      springId: spring!.id,
      runningId: running!.id,
      runningStart: day(-42),
      westlandCohortId: westland2027!.id,
      coordinatorId: coordinator!.id,
      participantId: participant!.id,
      partnerUserId: partner!.id,
      groeneVingerId: groeneVinger!.id,
    });
    await tx.insert(appMeta).values({ key: SEEDED, value: new Date().toISOString() });
    return true;
  });
}
