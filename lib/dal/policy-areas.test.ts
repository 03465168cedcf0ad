import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { partners } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { setUpPairingDatabase } from "@/lib/testing/pairing";
import { helpRequestSchema, registerPartnerSchema } from "@/lib/validation/partner";
import { getPartner, listPartners, listPublicOrganisationsForRegistration, registerPartner, updateHelpRequest } from "./partners";
import { listOrganisationPolicyAreas, mapPartnerPolicyAreas } from "./policy-areas";

const { t, f } = setUpPairingDatabase();

describe("partners choose policy areas from the organisation's list", () => {
  it("offers every area of the organisation's cohorts once; the public form only those of published cohorts", async () => {
    await f.newCohort({ policyAreas: "Energietransitie\nÉconomie\nwonen" });
    await f.newCohort({ policyAreas: "Geheim terrein", status: "draft" });
    const listed = await listOrganisationPolicyAreas(f.people.coordinator);
    expect(listed).toEqual(expect.arrayContaining(["Energietransitie", "Économie", "Wonen", "Geheim terrein"]));
    expect(listed.filter((a) => a.toLowerCase() === "wonen")).toHaveLength(1);
    expect(await listOrganisationPolicyAreas(f.people.otherCoordinator)).not.toContain("Energietransitie");
    await expect(listOrganisationPolicyAreas(f.people.participant)).rejects.toBeInstanceOf(ForbiddenError);
    const orgs = await listPublicOrganisationsForRegistration();
    const foundation = orgs.find((o) => o.id === f.people.foundation.id)!;
    expect(foundation.policyAreas).toEqual(expect.arrayContaining(["Energietransitie", "Économie"]));
    expect(foundation.policyAreas).not.toContain("Geheim terrein");
    expect(orgs.find((o) => o.id === f.people.westland.id)!.policyAreas).not.toContain("Energietransitie");
  });

  it("stores a ticked or typed area in the list's spelling, and other areas as typed", async () => {
    await f.newCohort({ policyAreas: "Energietransitie\nÉconomie" });
    const input = registerPartnerSchema.parse({
      name: "Zonnecoöperatie Noord",
      kind: "initiative",
      helpRequest: "Hulp bij een subsidieaanvraag.",
      policyAreas: ["Energietransitie"],
      otherPolicyAreas: "economie\nBuurtmoestuinen\nENERGIETRANSITIE",
      languages: ["nl"],
      capacityPerCohort: 1,
      ownerName: "Sanne",
      ownerEmail: "sanne.zon@example.org",
      consent: true,
    });
    const { partnerId } = await registerPartner(null, "samen-duurzaam", input, { locale: "nl" });
    const [row] = await t.db.select({ policyAreas: partners.policyAreas }).from(partners).where(eq(partners.id, partnerId));
    expect(row!.policyAreas).toEqual(["Energietransitie", "Économie", "Buurtmoestuinen"]);
    const seen = await getPartner(f.people.coordinator, partnerId);
    expect(seen.unmatchedAreas).toEqual(["Buurtmoestuinen"]);
    expect(seen.listedAreas).toEqual(expect.arrayContaining(["Energietransitie", "Économie"]));
  });

  it("refuses a registration, edit or invitation without any area, ticked or typed", () => {
    const r = helpRequestSchema.safeParse({ helpRequest: "x", policyAreas: [], otherPolicyAreas: "  \n", languages: ["nl"], capacityPerCohort: 1 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["policyAreas", "chooseAtLeastOne"]);
    expect(helpRequestSchema.safeParse({ helpRequest: "x", policyAreas: [], otherPolicyAreas: "Buurtzorg", languages: ["nl"], capacityPerCohort: 1 }).success).toBe(true);
  });

  it("shows existing free-text areas as unmatched to coordinators, who map them onto listed areas", async () => {
    await f.newCohort({ policyAreas: "Energietransitie" });
    const { partnerId, owner } = await f.partner({ policyAreas: ["Wonen"] });
    // As typed before partners chose from the list.
    await t.db.update(partners).set({ policyAreas: ["energie", "energietransitie ", "Buurtzorg"] }).where(eq(partners.id, partnerId));
    const before = await getPartner(f.people.coordinator, partnerId);
    expect(before.unmatchedAreas).toEqual(["energie", "Buurtzorg"]);
    expect(before.policyAreas).toEqual(["energie", "Energietransitie", "Buurtzorg"]);
    const listed = (await listPartners(f.people.coordinator)).find((p) => p.id === partnerId)!;
    expect(listed.unmatchedAreas).toEqual(["energie", "Buurtzorg"]);

    const done = await mapPartnerPolicyAreas(f.people.coordinator, partnerId, {
      mappings: [
        { from: "energie", to: "Energietransitie" },
        { from: "Buurtzorg", to: "" },
      ],
    });
    expect(done.mapped).toEqual([{ from: "energie", to: "Energietransitie" }]);
    const after = await getPartner(f.people.coordinator, partnerId);
    expect(after.policyAreas).toEqual(["Energietransitie", "Buurtzorg"]);
    expect(after.unmatchedAreas).toEqual(["Buurtzorg"]);
    // Only onto an area on the list.
    await expect(mapPartnerPolicyAreas(f.people.coordinator, partnerId, { mappings: [{ from: "Buurtzorg", to: "Iets nieuws" }] })).rejects.toBeInstanceOf(ConflictError);

    // The owner may edit the areas but not map them; other roles 403; another organisation 404.
    await expect(mapPartnerPolicyAreas(owner, partnerId, { mappings: [{ from: "Buurtzorg", to: "Energietransitie" }] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(mapPartnerPolicyAreas(f.people.participant, partnerId, { mappings: [{ from: "Buurtzorg", to: "Energietransitie" }] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(mapPartnerPolicyAreas(f.people.otherCoordinator, partnerId, { mappings: [{ from: "Buurtzorg", to: "Energietransitie" }] })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPartner(f.people.coordinator, partnerId)).unmatchedAreas).toEqual(["Buurtzorg"]);

    // The owner's own edit stores a typed "energietransitie" in the list's spelling.
    await updateHelpRequest(owner, partnerId, helpRequestSchema.parse({ helpRequest: "Hulp", policyAreas: [], otherPolicyAreas: "energietransitie", languages: ["nl"], capacityPerCohort: 1 }));
    expect((await getPartner(owner, partnerId)).policyAreas).toEqual(["Energietransitie"]);
  });
});
