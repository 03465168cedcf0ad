import { eq } from "drizzle-orm";
import { cohorts, enrollments, pairs, partners, programmes, users } from "@/db/schema";
import { renderIntroductionToParticipant, renderIntroductionToPartner } from "@/emails/pairing";
import { signInPageUrl } from "./auth";
import { enqueueMail } from "./mail";
import type { Tx } from "./tx";

/** Queues the introduction mail to both sides of a new pair, each in their own language. */
export async function introduce(tx: Tx, pairId: string): Promise<void> {
  const [row] = await tx
    .select({
      organisationId: pairs.organisationId,
      cohort: cohorts.name,
      programme: programmes.name,
      participantName: users.name,
      participantEmail: users.email,
      participantLocale: users.locale,
      employer: enrollments.employer,
      jobTitle: enrollments.jobTitle,
      policyAreas: enrollments.policyAreas,
      partnerName: partners.name,
      kind: partners.kind,
      helpRequest: partners.helpRequest,
      contactEmail: partners.contactEmail,
      contactPhone: partners.contactPhone,
      ownerUserId: partners.ownerUserId,
    })
    .from(pairs)
    .innerJoin(cohorts, eq(cohorts.id, pairs.cohortId))
    .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .innerJoin(enrollments, eq(enrollments.id, pairs.enrollmentId))
    .innerJoin(users, eq(users.id, enrollments.userId))
    .innerJoin(partners, eq(partners.id, pairs.partnerId))
    .where(eq(pairs.id, pairId));
  if (!row) return;
  const [owner] = row.ownerUserId
    ? await tx.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, row.ownerUserId))
    : [];
  const ownerEmail = owner?.email ?? row.contactEmail;
  const ownerName = owner?.name ?? row.partnerName;
  const participantName = row.participantName ?? row.participantEmail;
  const base = { cohort: row.cohort, programme: row.programme, partner: row.partnerName, helpRequest: row.helpRequest };

  const pl = row.participantLocale;
  const toParticipant = renderIntroductionToParticipant(pl, {
    ...base,
    name: participantName,
    kind: row.kind,
    owner: ownerName,
    contactEmail: row.contactEmail || ownerEmail,
    contactPhone: row.contactPhone,
    url: signInPageUrl(pl, row.participantEmail, `/${pl}/participant`),
  });
  await enqueueMail(tx, { ...toParticipant, to: row.participantEmail, locale: pl, template: "pair-introduction", organisationId: row.organisationId });

  if (!ownerEmail) return;
  const ol = owner?.locale ?? "nl";
  const toPartner = renderIntroductionToPartner(ol, {
    ...base,
    name: ownerName,
    participant: participantName,
    jobTitle: row.jobTitle,
    employer: row.employer,
    policyAreas: row.policyAreas,
    email: row.participantEmail,
    url: signInPageUrl(ol, ownerEmail, `/${ol}/partner`),
  });
  await enqueueMail(tx, { ...toPartner, to: ownerEmail, locale: ol, template: "pair-introduction", organisationId: row.organisationId });
}
