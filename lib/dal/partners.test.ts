import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cohortPartners, memberships, partners } from "@/db/schema";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { setUpPairingDatabase } from "@/lib/testing/pairing";
import { helpRequestSchema, invitePartnerSchema, partnerEditSchema, registerPartnerSchema } from "@/lib/validation/partner";
import { pairParticipant } from "./pairs";
import {
  decidePartner,
  getPartner,
  invitePartner,
  linkPartnerToCohort,
  listPartners,
  listPublicOrganisationsForRegistration,
  registerPartner,
  unlinkPartnerFromCohort,
  updateHelpRequest,
} from "./partners";

const { t, f } = setUpPairingDatabase();

let n = 0;
function registration(over: Record<string, unknown> = {}) {
  n++;
  return registerPartnerSchema.parse({
    name: `Buurtkeuken ${n}`,
    kind: "initiative",
    description: "Samen koken in de wijk.",
    website: "buurtkeuken.example.org",
    location: "Zwolle",
    region: "overijssel",
    helpRequest: "Hulp bij het vinden van een vaste keuken.",
    policyAreas: "Participatie\nArmoede en schulden",
    languages: ["nl", "AR"],
    capacityPerCohort: 2,
    contactEmail: "",
    contactPhone: "",
    ownerName: `Yara ${n}`,
    ownerEmail: `yara${n}@example.org`,
    consent: true,
    ...over,
  });
}

describe("registering an initiative (public)", () => {
  it("lists the organisations that run programmes", async () => {
    const orgs = await listPublicOrganisationsForRegistration();
    expect(orgs.map((o) => o.slug)).toEqual(expect.arrayContaining(["samen-duurzaam", "gemeente-westland"]));
    expect(Object.keys(orgs[0]!).sort()).toEqual(["id", "name", "policyAreas", "slug"]);
  });

  it("makes a pending partner, an account with the partner role, and mails them (in their language) a button to the sign-in page", async () => {
    const input = registration();
    expect(input.website).toBe("https://buurtkeuken.example.org");
    expect(input.languages).toEqual(["nl", "ar"]);
    const { partnerId } = await registerPartner(null, "samen-duurzaam", input, { locale: "en" });
    const [row] = await t.db.select().from(partners).where(eq(partners.id, partnerId));
    expect(row).toMatchObject({ status: "pending", organisationId: f.people.foundation.id, policyAreas: ["Participatie", "Armoede en schulden"], contactEmail: input.ownerEmail, region: "overijssel" });
    const owner = await f.actorFor(input.ownerEmail);
    expect(owner.memberships.map((m) => [m.organisationId, m.role])).toEqual([[f.people.foundation.id, "partner"]]);
    const [mail] = await f.mailsTo(input.ownerEmail);
    expect(mail).toMatchObject({ locale: "en", template: "partner-registered" });
    expect(mail!.subject).toBe(`We received the registration of ${input.name}`);
    // No token in the mail: its button opens the sign-in page for the owner's address.
    expect(mail!.text).not.toContain("/api/auth/callback/nodemailer");
    expect(mail!.text).toContain(`http://localhost:3999/en/sign-in?email=${encodeURIComponent(input.ownerEmail)}&callbackUrl=%2Fen%2Fpartner`);
    // The owner sees their own partner; it waits for a coordinator.
    expect(await getPartner(owner, partnerId)).toMatchObject({ name: input.name, status: "pending", canEditIdentity: false });
    expect((await listPartners(f.people.coordinator, { status: "pending" })).map((p) => p.id)).toContain(partnerId);
    expect((await listPartners(f.people.otherCoordinator)).map((p) => p.id)).not.toContain(partnerId);
    await expect(registerPartner(null, "samen-duurzaam", { ...input, name: input.name.toUpperCase() }, { locale: "en" })).rejects.toMatchObject({ message: "partnerExists", field: "name" });
    await expect(registerPartner(null, "bestaat-niet", registration(), { locale: "nl" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("limits anonymous registrations per address and per network address in an hour", async () => {
    const input = registration();
    for (let i = 0; i < 5; i++) await registerPartner(null, "samen-duurzaam", { ...input, name: `${input.name} ${i}` }, { locale: "nl", ip: "198.51.100.20" });
    await expect(registerPartner(null, "samen-duurzaam", { ...input, name: `${input.name} 5` }, { locale: "nl", ip: "198.51.100.21" })).rejects.toMatchObject({
      code: "rate_limited",
      message: "rateLimited",
    });
    for (let i = 0; i < 25; i++) await registerPartner(null, "samen-duurzaam", registration(), { locale: "nl", ip: "198.51.100.20" });
    await expect(registerPartner(null, "samen-duurzaam", registration(), { locale: "nl", ip: "198.51.100.20" })).rejects.toMatchObject({ code: "rate_limited" });
    // The owner, once signed in, is not limited here.
    const owner = await f.actorFor(input.ownerEmail);
    expect(await registerPartner(owner, "samen-duurzaam", { ...input, name: `${input.name} 6` }, { locale: "nl", ip: "198.51.100.20" })).toMatchObject({ partnerId: expect.any(String) as unknown });
  });

  it("refuses a web address that is not http(s), and a phone number with letters", () => {
    const r = registerPartnerSchema.safeParse({ ...registration(), website: "javascript:alert(1)", contactPhone: "bel maar" });
    expect(r.success).toBe(false);
    const keys = r.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(keys).toEqual(expect.arrayContaining([["website", "website"], ["contactPhone", "phone"]]));
  });
});

describe("deciding on a registration", () => {
  it("approves or declines with a reason and tells the owner; refuses everyone but the organisation's coordinators", async () => {
    const input = registration();
    const { partnerId } = await registerPartner(null, "samen-duurzaam", input, { locale: "nl" });
    const owner = await f.actorFor(input.ownerEmail);
    await expect(decidePartner(owner, partnerId, "approve")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decidePartner(f.people.participant, partnerId, "approve")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decidePartner(f.people.partner, partnerId, "approve")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decidePartner(f.people.otherCoordinator, partnerId, "approve")).rejects.toBeInstanceOf(NotFoundError);
    await expect(decidePartner(null, partnerId, "approve")).rejects.toBeInstanceOf(UnauthenticatedError);
    await decidePartner(f.people.coordinator, partnerId, "decline", "Past niet bij deze leergang.");
    let mails = await f.mailsTo(input.ownerEmail);
    expect(mails.at(-1)).toMatchObject({ template: "partner-declined" });
    expect(mails.at(-1)!.text).toContain("Toelichting: Past niet bij deze leergang.");
    await decidePartner(f.people.coordinator, partnerId, "approve");
    mails = await f.mailsTo(input.ownerEmail);
    expect(mails.at(-1)).toMatchObject({ template: "partner-approved" });
    const [row] = await t.db.select().from(partners).where(eq(partners.id, partnerId));
    expect(row).toMatchObject({ status: "approved", decidedById: f.people.coordinator.userId });
  });

  it("refuses to decline a partner with active pairs", async () => {
    const cohortId = await f.newCohort();
    const q = await f.partner({}, { cohortId });
    const p = await f.participant(cohortId);
    await pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, q.partnerId);
    await expect(decidePartner(f.people.coordinator, q.partnerId, "decline")).rejects.toMatchObject({ message: "partnerHasPairs" });
  });
});

describe("inviting a partner", () => {
  it("makes an approved partner in the coordinator's organisation and invites the owner in their language", async () => {
    const q = await f.partner({ ownerLocale: "en", name: "Coach Kim" });
    const [row] = await t.db.select().from(partners).where(eq(partners.id, q.partnerId));
    expect(row).toMatchObject({ status: "approved", organisationId: f.people.foundation.id, registeredById: f.people.coordinator.userId });
    const [mail] = await f.mailsTo(q.ownerEmail);
    expect(mail).toMatchObject({ locale: "en", template: "partner-invited" });
    expect(mail!.text).toContain("Coen de Vries of Stichting Samen Duurzaam has put Coach Kim on Koppel");
    const [m] = await t.db.select().from(memberships).where(eq(memberships.userId, q.owner.userId));
    expect(m).toMatchObject({ role: "partner", invitedById: f.people.coordinator.userId });
  });

  it("is refused to participants and partners", async () => {
    const input = invitePartnerSchema.parse({
      name: "X",
      kind: "coach",
      helpRequest: "",
      policyAreas: ["Wonen"],
      languages: ["nl"],
      capacityPerCohort: 1,
      ownerName: "X",
      ownerEmail: "x.coach@example.org",
    });
    await expect(invitePartner(f.people.participant, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(invitePartner(f.people.partner, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(invitePartner(null, input)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("linking partners to cohorts", () => {
  it("links an approved partner with its own capacity by default; changes it, never below its pairs", async () => {
    const cohortId = await f.newCohort();
    const q = await f.partner({ capacityPerCohort: 3 });
    await linkPartnerToCohort(f.people.coordinator, q.partnerId, cohortId);
    const link = () => t.db.select().from(cohortPartners).where(and(eq(cohortPartners.cohortId, cohortId), eq(cohortPartners.partnerId, q.partnerId)));
    expect((await link())[0]!.capacity).toBe(3);
    const a = await f.participant(cohortId);
    const b = await f.participant(cohortId);
    await pairParticipant(f.people.coordinator, cohortId, a.enrollmentId, q.partnerId);
    await pairParticipant(f.people.coordinator, cohortId, b.enrollmentId, q.partnerId);
    await expect(linkPartnerToCohort(f.people.coordinator, q.partnerId, cohortId, 1)).rejects.toMatchObject({ message: "belowPaired", field: "capacity" });
    await linkPartnerToCohort(f.people.coordinator, q.partnerId, cohortId, 2);
    expect(await link()).toHaveLength(1);
    expect((await link())[0]!.capacity).toBe(2);
    const linked = await getPartner(q.owner, q.partnerId);
    expect(linked.cohorts).toEqual([expect.objectContaining({ cohortId, capacity: 2, paired: 2 })]);
  });

  it("refuses pending partners, other organisations' cohorts, and the wrong people", async () => {
    const cohortId = await f.newCohort();
    const input = registration();
    const pending = await registerPartner(null, "samen-duurzaam", input, { locale: "nl" });
    await expect(linkPartnerToCohort(f.people.coordinator, pending.partnerId, cohortId)).rejects.toMatchObject({ message: "partnerNotApproved" });
    const q = await f.partner();
    const [westlandCohort] = await t.db.select({ id: cohortPartners.cohortId }).from(cohortPartners).where(eq(cohortPartners.organisationId, f.people.westland.id));
    await expect(linkPartnerToCohort(f.people.coordinator, q.partnerId, westlandCohort!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(linkPartnerToCohort(f.people.otherCoordinator, q.partnerId, cohortId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(linkPartnerToCohort(q.owner, q.partnerId, cohortId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(linkPartnerToCohort(f.people.participant, q.partnerId, cohortId)).rejects.toBeInstanceOf(ForbiddenError);
    await linkPartnerToCohort(f.people.coordinator, q.partnerId, cohortId, 1);
    await expect(unlinkPartnerFromCohort(f.people.otherCoordinator, q.partnerId, cohortId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(unlinkPartnerFromCohort(q.owner, q.partnerId, cohortId)).rejects.toBeInstanceOf(ForbiddenError);
    await unlinkPartnerFromCohort(f.people.coordinator, q.partnerId, cohortId);
    await expect(unlinkPartnerFromCohort(f.people.coordinator, q.partnerId, cohortId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the help request", () => {
  const edit = (over: Record<string, unknown> = {}) =>
    helpRequestSchema.parse({
      description: "Nieuw",
      website: "",
      location: "Kampen",
      region: "overijssel",
      helpRequest: "Nu zoeken we hulp bij vrijwilligersbeleid.",
      policyAreas: ["Participatie"],
      languages: ["nl", "en"],
      capacityPerCohort: 1,
      contactPhone: "",
      ...over,
    });

  it("is edited by its owner and the organisation's coordinators; only coordinators change the name", async () => {
    const q = await f.partner();
    await updateHelpRequest(q.owner, q.partnerId, edit());
    expect(await getPartner(q.owner, q.partnerId)).toMatchObject({ helpRequest: "Nu zoeken we hulp bij vrijwilligersbeleid.", languages: ["nl", "en"], contactEmail: q.ownerEmail });
    const full = partnerEditSchema.parse({ ...edit(), name: "Nieuwe naam", kind: "coach", aliases: "Oude naam" });
    await expect(updateHelpRequest(q.owner, q.partnerId, full)).rejects.toBeInstanceOf(ForbiddenError);
    await updateHelpRequest(f.people.coordinator, q.partnerId, full);
    expect(await getPartner(f.people.coordinator, q.partnerId)).toMatchObject({ name: "Nieuwe naam", kind: "coach", aliases: ["Oude naam"], canEditIdentity: true });
  });

  it("is refused to other partners (403), participants (403) and other organisations (404)", async () => {
    const q = await f.partner();
    for (const actor of [f.people.partner, f.people.participant]) {
      await expect(updateHelpRequest(actor, q.partnerId, edit())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPartner(actor, q.partnerId)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(updateHelpRequest(f.people.otherCoordinator, q.partnerId, edit())).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPartner(f.people.otherCoordinator, q.partnerId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateHelpRequest(null, q.partnerId, edit())).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(listPartners(f.people.partner)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
