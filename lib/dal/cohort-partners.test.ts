import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cohortPartners, cohorts, partners } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { setUpPairingDatabase } from "@/lib/testing/pairing";
import { linkPartnersToCohort, listLinkablePartners } from "./cohort-partners";
import { pairParticipant } from "./pairs";

const { t, f } = setUpPairingDatabase();

const linksOf = (cohortId: string) =>
  t.db.select({ partnerId: cohortPartners.partnerId, capacity: cohortPartners.capacity }).from(cohortPartners).where(eq(cohortPartners.cohortId, cohortId));

describe("linking many partners to a cohort at once", () => {
  it("offers the approved partners not linked yet, then links the chosen ones with their places in one go and names them", async () => {
    const cohortId = await f.newCohort();
    const a = await f.partner({ name: "Aa Buurtkeuken", capacityPerCohort: 3 });
    const b = await f.partner({ name: "Bb Taalcafé" });
    const c = await f.partner({ name: "Cc Repaircafé" }, { cohortId, capacity: 1 });
    const pending = await f.partner({ name: "Dd Wachtend" });
    await t.db.update(partners).set({ status: "pending" }).where(eq(partners.id, pending.partnerId));

    const offered = await listLinkablePartners(f.people.coordinator, cohortId);
    const ids = offered.items.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([a.partnerId, b.partnerId]));
    expect(ids).not.toContain(c.partnerId);
    expect(ids).not.toContain(pending.partnerId);
    expect(offered.items.find((p) => p.id === a.partnerId)).toMatchObject({ name: "Aa Buurtkeuken", capacityPerCohort: 3 });
    expect(offered.total).toBe(offered.items.length);

    const result = await linkPartnersToCohort(f.people.coordinator, cohortId, [
      { partnerId: b.partnerId, capacity: 4 },
      { partnerId: a.partnerId },
      { partnerId: c.partnerId, capacity: 2 },
    ]);
    expect(result.linked).toEqual([
      { partnerId: a.partnerId, name: "Aa Buurtkeuken", capacity: 3 },
      { partnerId: b.partnerId, name: "Bb Taalcafé", capacity: 4 },
    ]);
    expect(result.changed).toEqual([{ partnerId: c.partnerId, name: "Cc Repaircafé", capacity: 2 }]);
    expect(await linksOf(cohortId)).toEqual(
      expect.arrayContaining([
        { partnerId: a.partnerId, capacity: 3 },
        { partnerId: b.partnerId, capacity: 4 },
        { partnerId: c.partnerId, capacity: 2 },
      ]),
    );
    expect((await listLinkablePartners(f.people.coordinator, cohortId)).items.map((p) => p.id)).not.toContain(a.partnerId);
  });

  it("links none when one of them cannot be linked, and says which", async () => {
    const cohortId = await f.newCohort();
    const ok = await f.partner();
    const pending = await f.partner();
    await t.db.update(partners).set({ status: "pending" }).where(eq(partners.id, pending.partnerId));
    await expect(linkPartnersToCohort(f.people.coordinator, cohortId, [{ partnerId: ok.partnerId, capacity: 2 }, { partnerId: pending.partnerId, capacity: 2 }])).rejects.toMatchObject({
      message: "partnerNotApproved",
      field: `places.${pending.partnerId}`,
    });
    // Below the pairs it already has in this cohort.
    const full = await f.partner({}, { cohortId, capacity: 2 });
    const p1 = await f.participant(cohortId);
    const p2 = await f.participant(cohortId);
    await pairParticipant(f.people.coordinator, cohortId, p1.enrollmentId, full.partnerId);
    await pairParticipant(f.people.coordinator, cohortId, p2.enrollmentId, full.partnerId);
    await expect(linkPartnersToCohort(f.people.coordinator, cohortId, [{ partnerId: ok.partnerId, capacity: 2 }, { partnerId: full.partnerId, capacity: 1 }])).rejects.toBeInstanceOf(ConflictError);
    expect((await linksOf(cohortId)).map((l) => l.partnerId)).toEqual([full.partnerId]);
  });

  it("is refused to other roles (403) and for another organisation's cohort or partner (404)", async () => {
    const cohortId = await f.newCohort();
    const p = await f.partner();
    const links = [{ partnerId: p.partnerId, capacity: 1 }];
    await expect(linkPartnersToCohort(f.people.participant, cohortId, links)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(linkPartnersToCohort(p.owner, cohortId, links)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listLinkablePartners(f.people.participant, cohortId)).rejects.toBeInstanceOf(ForbiddenError);
    // Westland's coordinator: the foundation's cohort does not exist for them.
    await expect(linkPartnersToCohort(f.people.otherCoordinator, cohortId, links)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listLinkablePartners(f.people.otherCoordinator, cohortId)).rejects.toBeInstanceOf(NotFoundError);
    // A partner of the foundation on a Westland cohort: not found, nothing linked.
    const [westlandCohort] = await t.db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.organisationId, f.people.westland.id)).limit(1);
    await expect(linkPartnersToCohort(f.people.otherCoordinator, westlandCohort!.id, links)).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.db.select().from(cohortPartners).where(and(eq(cohortPartners.cohortId, cohortId), eq(cohortPartners.partnerId, p.partnerId)))).toEqual([]);
  });
});
