import { and, eq } from "drizzle-orm";
import type { Db } from "./client";
import { cohortPartners, enrollments, meetings, memberships, pairEvents, pairs, partners, users } from "./schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const DAY = 86400_000;

/**
 * Demo partners, accepted participants and one confirmed pair, so every role's start page and
 * the pairing board have something to show: the coordinator has unpaired participants (one of
 * them employed by a host partner, a conflict), a pending registration to review; the demo
 * participant and partner share a pair with a meeting waiting for the participant.
 */
export async function seedPairing(
  tx: Tx,
  ids: {
    foundationId: string;
    westlandId: string;
    springId: string;
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
    linked.map((p) => ({
      organisationId: p.organisationId,
      cohortId: p.organisationId === ids.westlandId ? ids.westlandCohortId : ids.springId,
      partnerId: p.id,
      capacity: p.capacity,
      linkedById: ids.coordinatorId,
    })),
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

  // The demo participant and the demo partner: one confirmed pair, one meeting waiting for the participant.
  const [pim] = await tx
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(and(eq(enrollments.cohortId, ids.springId), eq(enrollments.userId, ids.participantId)));
  const confirmedAt = new Date(now - 14 * DAY);
  const [pair] = await tx
    .insert(pairs)
    .values({ organisationId: ids.foundationId, cohortId: ids.springId, enrollmentId: pim!.id, partnerId: ids.groeneVingerId, confirmedAt, confirmedById: ids.coordinatorId })
    .returning({ id: pairs.id });
  await tx.insert(pairEvents).values({ organisationId: ids.foundationId, pairId: pair!.id, kind: "confirmed", actorUserId: ids.coordinatorId, createdAt: confirmedAt });
  await tx.insert(meetings).values({
    organisationId: ids.foundationId,
    pairId: pair!.id,
    loggedById: ids.partnerUserId,
    loggedBySide: "partner",
    startsAt: new Date(Math.floor((now - 3 * DAY) / 3600_000) * 3600_000),
    durationMinutes: 90,
    mode: "in_person",
    notes: "Kennismaking in de tuin; samen de subsidieregeling doorgenomen.",
  });
}
