import { and, eq } from "drizzle-orm";
import type { Db } from "./client";
import { cohortPartners, enrollments, meetings, memberships, pairEvents, pairs, partners, users } from "./schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const DAY = 86400_000;

/**
 * Demo partners, accepted participants and pairs, so every role's start page and the pairing
 * board have something to show: in Voorjaar 2027 (sign-up open) the coordinator has unpaired
 * participants (one of them employed by a host partner, a conflict) and a pending registration to
 * review. Najaar 2026 is running: its pairs were made three days after it started and every
 * meeting lies between its start and today. The demo participant and partner met once (confirmed)
 * and have a newer meeting waiting for the participant; one pair has only a meeting waiting for
 * confirmation, one has not met at all (flagged after the programme's four weeks).
 */
export async function seedPairing(
  tx: Tx,
  ids: {
    foundationId: string;
    westlandId: string;
    springId: string;
    /** Najaar 2026, running since `runningStart` (a calendar date). */
    runningId: string;
    runningStart: string;
    westlandCohortId: string;
    coordinatorId: string;
    participantId: string;
    partnerUserId: string;
    groeneVingerId: string;
  },
): Promise<void> {
  const now = Date.now();
  const owners = await tx
    .insert(users)
    .values([
      { email: "jeroen.smit@example.org", name: "Jeroen Smit", locale: "nl" as const },
      { email: "amina.yusuf@example.org", name: "Amina Yusuf", locale: "en" as const },
      { email: "hanneke.visser@example.org", name: "Hanneke Visser", locale: "nl" as const },
      { email: "chen.jing@example.org", name: "Chen Jing", locale: "zh-CN" as const, timeZone: "Asia/Shanghai" },
      { email: "ingrid.mulder@example.org", name: "Ingrid Mulder", locale: "nl" as const },
      { email: "kees.vandenberg@example.org", name: "Kees van den Berg", locale: "nl" as const },
    ])
    .returning({ id: users.id, email: users.email });
  const [jeroen, amina, hanneke, chen, ingrid, kees] = owners;
  const approved = { status: "approved" as const, decidedById: ids.coordinatorId, decidedAt: new Date(now - 30 * DAY) };
  const made = await tx
    .insert(partners)
    .values([
      {
        organisationId: ids.foundationId,
        ownerUserId: jeroen!.id,
        registeredById: jeroen!.id,
        ...approved,
        kind: "initiative" as const,
        name: "Repair Café Utrecht Oost",
        location: "Utrecht, Oost",
        region: "utrecht",
        helpRequest: "Wij willen een vaste ruimte en zoeken iemand die de weg kent in de regels voor maatschappelijk vastgoed.",
        policyAreas: ["Duurzaamheid", "Participatie"],
        languages: ["nl", "en"],
        capacityPerCohort: 2,
        contactEmail: "jeroen.smit@example.org",
      },
      {
        organisationId: ids.foundationId,
        ownerUserId: amina!.id,
        registeredById: amina!.id,
        ...approved,
        kind: "initiative" as const,
        name: "Taalcafé Samen",
        location: "Den Haag, Transvaal",
        region: "zuid-holland",
        helpRequest: "We help newcomers find work and want to understand how the municipality's job programmes fit together.",
        policyAreas: ["Werk en inkomen", "Participatie", "Armoede en schulden"],
        languages: ["nl", "en", "ar"],
        capacityPerCohort: 2,
        contactEmail: "amina.yusuf@example.org",
        contactPhone: "+31 70 123 4567",
      },
      {
        organisationId: ids.foundationId,
        ownerUserId: hanneke!.id,
        registeredById: ids.coordinatorId,
        ...approved,
        kind: "host" as const,
        name: "Gemeente Zwolle, team Wijkzaken",
        // A participant employed by the municipality itself is not paired with it.
        aliases: ["Gemeente Zwolle"],
        location: "Zwolle",
        region: "overijssel",
        helpRequest: "Een week meelopen met een wijkteam en meedenken over bewonersparticipatie.",
        policyAreas: ["Wonen", "Participatie", "Zorg en welzijn"],
        languages: ["nl", "en"],
        capacityPerCohort: 1,
        contactEmail: "hanneke.visser@example.org",
      },
      {
        organisationId: ids.foundationId,
        ownerUserId: chen!.id,
        registeredById: ids.coordinatorId,
        ...approved,
        kind: "coach" as const,
        name: "Chen Jing (coach)",
        location: "Amsterdam",
        region: "noord-holland",
        helpRequest: "Ik begeleid ambtenaren uit China en Centraal-Azië tijdens hun stage en hun Back Home Action Plan.",
        policyAreas: ["Werk en inkomen", "Participatie"],
        languages: ["zh", "en", "nl"],
        capacityPerCohort: 1,
        contactEmail: "chen.jing@example.org",
      },
      {
        organisationId: ids.foundationId,
        ownerUserId: ingrid!.id,
        registeredById: ingrid!.id,
        kind: "initiative" as const,
        status: "pending" as const,
        name: "Voedselbank Zwolle",
        location: "Zwolle",
        region: "overijssel",
        helpRequest: "Wij zoeken iemand die ons helpt de samenwerking met de schuldhulpverlening van de gemeente te verbeteren.",
        policyAreas: ["Armoede en schulden"],
        languages: ["nl"],
        capacityPerCohort: 1,
        contactEmail: "ingrid.mulder@example.org",
      },
      {
        organisationId: ids.westlandId,
        ownerUserId: kees!.id,
        registeredById: kees!.id,
        status: "approved" as const,
        kind: "initiative" as const,
        name: "Vrijwilligerscentrum Westland",
        location: "Naaldwijk",
        region: "zuid-holland",
        helpRequest: "Wij zoeken meer jonge vrijwilligers en willen leren van de aanpak van de gemeente.",
        policyAreas: ["Participatie", "Werk en inkomen"],
        languages: ["nl"],
        capacityPerCohort: 2,
        contactEmail: "kees.vandenberg@example.org",
      },
    ])
    .returning({ id: partners.id, organisationId: partners.organisationId, status: partners.status, capacity: partners.capacityPerCohort });
  await tx.insert(memberships).values(owners.map((o, i) => ({ organisationId: i === 5 ? ids.westlandId : ids.foundationId, userId: o.id, role: "partner" as const })));

  const linked = [{ id: ids.groeneVingerId, organisationId: ids.foundationId, status: "approved", capacity: 2 }, ...made].filter((p) => p.status === "approved");
  await tx.insert(cohortPartners).values(
    linked.flatMap((p) =>
      (p.organisationId === ids.westlandId ? [ids.westlandCohortId] : [ids.springId, ids.runningId]).map((cohortId) => ({
        organisationId: p.organisationId,
        cohortId,
        partnerId: p.id,
        capacity: p.capacity,
        linkedById: ids.coordinatorId,
      })),
    ),
  );

  // Accepted participants of Voorjaar 2027 who are not paired yet: work for the pairing board.
  const people = await tx
    .insert(users)
    .values([
      { email: "sanne.deboer@example.org", name: "Sanne de Boer", locale: "nl" as const },
      { email: "ahmed.benali@example.org", name: "Ahmed Benali", locale: "nl" as const },
      { email: "eva.koster@example.org", name: "Eva Koster", locale: "en" as const },
      { email: "zhang.min@example.org", name: "Zhang Min", locale: "zh-CN" as const, timeZone: "Asia/Shanghai" },
    ])
    .returning({ id: users.id });
  await tx.insert(memberships).values(people.map((p) => ({ organisationId: ids.foundationId, userId: p.id, role: "participant" as const })));
  const work = [
    { employer: "Gemeente Utrecht", jobTitle: "Beleidsadviseur duurzaamheid", policyAreas: ["Duurzaamheid", "Energietransitie"], languages: ["en"], region: "utrecht" },
    { employer: "Gemeente Zwolle", jobTitle: "Adviseur wonen", policyAreas: ["Wonen", "Participatie"], languages: ["ar", "en"], region: "overijssel" },
    { employer: "Ministerie van Sociale Zaken en Werkgelegenheid", jobTitle: "Senior beleidsmedewerker", policyAreas: ["Werk en inkomen", "Armoede en schulden"], languages: ["nl"], region: "zuid-holland" },
    { employer: "Provincie Noord-Holland", jobTitle: "Adviseur participatie", policyAreas: ["Participatie", "Werk en inkomen"], languages: ["en"], region: "noord-holland" },
  ];
  await tx.insert(enrollments).values(
    people.map((p, i) => ({
      organisationId: ids.foundationId,
      cohortId: ids.springId,
      userId: p.id,
      status: "accepted" as const,
      department: "",
      motivation: "Ik wil de praktijk achter ons beleid leren kennen.",
      availableHalfDays: 5,
      consentedAt: new Date(now - 20 * DAY),
      ...work[i]!,
    })),
  );

  // Najaar 2026, running: three more accepted participants, paired on its third day.
  const started = new Date(`${ids.runningStart}T09:00:00Z`).getTime();
  const at = (days: number, hour = 10) => new Date(started + days * DAY + (hour - 9) * 3600_000);
  const pairedAt = at(3);
  const runners = await tx
    .insert(users)
    .values([
      { email: "lotte.bakker@example.org", name: "Lotte Bakker", locale: "nl" as const },
      { email: "yusuf.demir@example.org", name: "Yusuf Demir", locale: "nl" as const },
      { email: "wang.fang@example.org", name: "Wang Fang", locale: "zh-CN" as const, timeZone: "Asia/Shanghai" },
    ])
    .returning({ id: users.id });
  await tx.insert(memberships).values(runners.map((p) => ({ organisationId: ids.foundationId, userId: p.id, role: "participant" as const })));
  const runnerWork = [
    { employer: "Gemeente Amersfoort", jobTitle: "Beleidsmedewerker duurzaamheid", policyAreas: ["Duurzaamheid"], languages: ["en"], region: "utrecht" },
    { employer: "Gemeente Den Haag", jobTitle: "Adviseur werk en inkomen", policyAreas: ["Werk en inkomen", "Participatie"], languages: ["tr", "en"], region: "zuid-holland" },
    { employer: "Hefei Municipal Government", jobTitle: "Policy officer", policyAreas: ["Participatie"], languages: ["zh", "en"], region: "abroad" },
  ];
  const runnerEnrollments = await tx
    .insert(enrollments)
    .values(
      runners.map((p, i) => ({
        organisationId: ids.foundationId,
        cohortId: ids.runningId,
        userId: p.id,
        status: "accepted" as const,
        department: "",
        motivation: "Ik wil de praktijk achter ons beleid leren kennen.",
        availableHalfDays: 5,
        consentedAt: at(-90),
        createdAt: at(-90),
        ...runnerWork[i]!,
      })),
    )
    .returning({ id: enrollments.id });
  const [pim] = await tx
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(and(eq(enrollments.cohortId, ids.runningId), eq(enrollments.userId, ids.participantId)));
  const [repairCafe, taalcafe, , chenCoach] = made;
  const pairRows = await tx
    .insert(pairs)
    .values(
      [
        { enrollmentId: pim!.id, partnerId: ids.groeneVingerId },
        { enrollmentId: runnerEnrollments[0]!.id, partnerId: repairCafe!.id },
        { enrollmentId: runnerEnrollments[1]!.id, partnerId: taalcafe!.id },
        { enrollmentId: runnerEnrollments[2]!.id, partnerId: chenCoach!.id },
      ].map((p) => ({ ...p, organisationId: ids.foundationId, cohortId: ids.runningId, confirmedAt: pairedAt, confirmedById: ids.coordinatorId, createdAt: pairedAt })),
    )
    .returning({ id: pairs.id });
  const [pimPair, lottePair, yusufPair] = pairRows;
  await tx.insert(pairEvents).values(pairRows.map((p) => ({ organisationId: ids.foundationId, pairId: p.id, kind: "confirmed" as const, actorUserId: ids.coordinatorId, createdAt: pairedAt })));
  // Within the cohort, and never in the future: the newest meeting three days ago.
  const recent = new Date(Math.floor((now - 3 * DAY) / 3600_000) * 3600_000);
  const meeting = { organisationId: ids.foundationId, durationMinutes: 90, mode: "in_person" as const };
  await tx.insert(meetings).values([
    // The demo pair: met once (confirmed), and a newer meeting waits for the participant.
    {
      ...meeting,
      pairId: pimPair!.id,
      loggedById: ids.participantId,
      loggedBySide: "participant" as const,
      startsAt: at(10, 14),
      notes: "Kennismaking in de tuin; rondleiding en de vragen van de vrijwilligers.",
      status: "confirmed" as const,
      respondedById: ids.partnerUserId,
      respondedAt: at(11),
      createdAt: at(10, 17),
    },
    {
      ...meeting,
      pairId: pimPair!.id,
      loggedById: ids.partnerUserId,
      loggedBySide: "partner" as const,
      startsAt: recent,
      notes: "Samen de subsidieregeling doorgenomen.",
    },
    {
      ...meeting,
      pairId: lottePair!.id,
      loggedById: jeroen!.id,
      loggedBySide: "partner" as const,
      startsAt: at(12, 19),
      mode: "online" as const,
      durationMinutes: 60,
      notes: "Eerste gesprek over de huurregels voor maatschappelijk vastgoed.",
      status: "confirmed" as const,
      respondedById: runners[0]!.id,
      respondedAt: at(13),
      createdAt: at(12, 21),
    },
    // Logged by the partner, not confirmed yet: the pair has not "met" until the participant confirms.
    {
      ...meeting,
      pairId: yusufPair!.id,
      loggedById: amina!.id,
      loggedBySide: "partner" as const,
      startsAt: new Date(recent.getTime() - 2 * DAY),
      notes: "Kennismaking in het taalcafé.",
    },
  ]);
}
