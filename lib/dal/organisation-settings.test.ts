import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisationLogos, organisations } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { setUpPairingDatabase } from "@/lib/testing/pairing";
import { organisationSettingsSchema, sniffImageType } from "@/lib/validation/organisation";
import { getPublicCohort, listOpenCohorts } from "./enrollment-queries";
import { getOrganisationLogo, getOrganisationSettings, logoUrl, saveOrganisationSettings, setOrganisationLogo, updateOrganisationSettings } from "./organisation-settings";

const { t, f } = setUpPairingDatabase();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const file = (bytes: Uint8Array, size = bytes.byteLength) => ({ size, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) });
const input = organisationSettingsSchema.parse({ name: "Stichting Samen Duurzaam", contactEmail: "Info@Samen.example.org", contactPhone: "+31 38 123 4567" });

describe("organisation settings", () => {
  it("tell a logo's type by its first bytes, not its name", () => {
    expect(sniffImageType(PNG)).toBe("image/png");
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(SVG)).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("<html>"))).toBeNull();
  });

  it("an admin saves the name, contact and logo, and the public pages show them", async () => {
    const orgId = f.people.foundation.id;
    const cohortId = await f.newCohort();
    const saved = await saveOrganisationSettings(f.people.admin, orgId, input, file(PNG));
    expect(saved).toMatchObject({ name: "Stichting Samen Duurzaam", contactEmail: "info@samen.example.org", contactPhone: "+31 38 123 4567" });
    expect(saved.logoVersion).toBeGreaterThan(0);
    expect(await getOrganisationSettings(f.people.admin, orgId)).toEqual(saved);
    const logo = await getOrganisationLogo(orgId);
    expect(logo).toMatchObject({ contentType: "image/png", version: saved.logoVersion });
    expect([...logo!.data]).toEqual([...PNG]);
    const cohort = await getPublicCohort(cohortId);
    expect(cohort).toMatchObject({ organisationName: "Stichting Samen Duurzaam", contactEmail: "info@samen.example.org", contactPhone: "+31 38 123 4567", logoVersion: saved.logoVersion });
    expect((await listOpenCohorts({ limit: 200 })).rows.find((r) => r.id === cohortId)).toMatchObject({ logoVersion: saved.logoVersion });
    expect(logoUrl(orgId, saved.logoVersion)).toBe(`/api/organisations/${orgId}/logo?v=${saved.logoVersion}`);

    // Removing and uploading again never reuses a version (an old URL may be cached for ever).
    const removed = await saveOrganisationSettings(f.people.admin, orgId, input, "remove");
    expect(logoUrl(orgId, removed.logoVersion)).toBeNull();
    expect(await getOrganisationLogo(orgId)).toBeNull();
    const again = await setOrganisationLogo(f.people.admin, orgId, PNG);
    expect(again.logoVersion).toBe(saved.logoVersion + 1);
  });

  it("refuses a file that is not a PNG, JPEG or WebP, or larger than 200 kB, and then changes nothing", async () => {
    const orgId = f.people.foundation.id;
    const before = await getOrganisationSettings(f.people.admin, orgId);
    const renamed = { ...input, name: "Niet opgeslagen" };
    await expect(saveOrganisationSettings(f.people.admin, orgId, renamed, file(SVG))).rejects.toMatchObject({ message: "logoType", field: "logo" });
    await expect(saveOrganisationSettings(f.people.admin, orgId, renamed, file(PNG, 300 * 1024))).rejects.toMatchObject({ message: "logoTooLarge", field: "logo" });
    await expect(setOrganisationLogo(f.people.admin, orgId, new Uint8Array(0))).rejects.toBeInstanceOf(ConflictError);
    expect(await getOrganisationSettings(f.people.admin, orgId)).toEqual(before);
  });

  it("is refused to other roles (403) and for another organisation (404)", async () => {
    const orgId = f.people.foundation.id;
    for (const who of [f.people.coordinator, f.people.participant]) {
      await expect(getOrganisationSettings(who, orgId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateOrganisationSettings(who, orgId, input)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setOrganisationLogo(who, orgId, PNG)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveOrganisationSettings(who, orgId, input, file(PNG))).rejects.toBeInstanceOf(ForbiddenError);
    }
    const westland = f.people.westland.id;
    await expect(getOrganisationSettings(f.people.admin, westland)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateOrganisationSettings(f.people.admin, westland, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setOrganisationLogo(f.people.admin, westland, PNG)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveOrganisationSettings(f.people.admin, westland, input, "remove")).rejects.toBeInstanceOf(NotFoundError);
    const [w] = await t.db.select({ name: organisations.name, logoVersion: organisations.logoVersion }).from(organisations).where(eq(organisations.id, westland));
    expect(w).toEqual({ name: "Gemeente Westland", logoVersion: 0 });
    expect(await t.db.select().from(organisationLogos).where(eq(organisationLogos.organisationId, westland))).toEqual([]);
  });
});
