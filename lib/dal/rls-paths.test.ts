/**
 * The DAL paths walled in this step, run with the database connection itself walled by default:
 * the connection's own role is koppel_tenant with no scope, so any query a DAL function makes
 * outside `inScope`/`asActor` sees no row of any tenant table and may write none (as if Koppel
 * connected as a non-owner). A path that still read or wrote outside the wall would find
 * nothing and fail here. Each test also plants rows of organisation B and checks that A's actor
 * neither sees nor changes them.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHandle, openDatabase, setHandle, type Db } from "@/db/client";
import * as s from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { setUpPairingDatabase } from "@/lib/testing/pairing";
import { signUpSchemaFor } from "@/lib/validation/enrollment";
import { deleteMyAccount, describeAccountDeletion } from "./account-deletion";
import { loadActor, SYSTEM, type UserActor } from "./actor";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { exportAuditEvents, listAuditEvents, purgeAuditEvents } from "./audit";
import { decideEnrollments, expireOffers, signUp, withdrawEnrollment } from "./enrollments";
import { listMyEnrollments } from "./enrollment-queries";
import { purgeExpired } from "./housekeeping";
import { claimNextMail, listMailbox } from "./mail";
import { changeMemberRole, inviteMember, removeMember } from "./members";
import { exportMyData } from "./my-data";
import { getPairingBoard, listCohortPairs, pairParticipant, proposePairs } from "./pairs";
import { anonymiseExpiredCohorts, getCohortRetention } from "./retention";
import { inScope, system, TENANT_ROLE } from "./rls";
import { confirmSignUp, dropUnconfirmedSignUps } from "./sign-up-confirmation";

const { t, f } = setUpPairingDatabase();

/** Organisation B: one of each kind of row, written by the owner (outside the wall). */
async function plantOrganisationB(db: Db) {
  const [org] = await db.insert(s.organisations).values({ slug: "planted-b", name: "Planted B" }).returning();
  const organisationId = org!.id;
  const person = async (email: string, role: s.Role) => {
    const [u] = await db.insert(s.users).values({ email, name: email }).returning();
    const [m] = await db.insert(s.memberships).values({ organisationId, userId: u!.id, role }).returning();
    return { userId: u!.id, membershipId: m!.id };
  };
  const admin = await person("admin@planted-b.example", "admin");
  const participant = await person("participant@planted-b.example", "participant");
  const [programme] = await db
    .insert(s.programmes)
    .values({ organisationId, name: "B programme", effortHalfDaysMin: 1, effortHalfDaysMax: 2, durationMonths: 6 })
    .returning();
  const [cohort] = await db
    .insert(s.cohorts)
    .values({
      organisationId,
      programmeId: programme!.id,
      name: "B cohort",
      startDate: "2020-01-01",
      endDate: "2020-06-30",
      enrollmentOpensOn: "2019-01-01",
      enrollmentDeadline: "2019-12-31",
      capacity: 5,
      timeZone: "Europe/Amsterdam",
    })
    .returning();
  const cohortId = cohort!.id;
  const [enrollment] = await db
    .insert(s.enrollments)
    .values({ organisationId, cohortId, userId: participant.userId, status: "accepted", motivation: "B's secret motivation" })
    .returning();
  const [offered] = await db
    .insert(s.enrollments)
    .values({ organisationId, cohortId, userId: admin.userId, status: "offered", offerExpiresAt: new Date(Date.now() - 3600_000) })
    .returning();
  const [partner] = await db.insert(s.partners).values({ organisationId, name: "B partner", status: "approved" }).returning();
  await db.insert(s.cohortPartners).values({ organisationId, cohortId, partnerId: partner!.id, capacity: 1 });
  const [pair] = await db.insert(s.pairs).values({ organisationId, cohortId, enrollmentId: enrollment!.id, partnerId: partner!.id }).returning();
  await db.insert(s.auditEvents).values([
    { organisationId, actorUserId: admin.userId, action: "member_invited", detail: { planted: "b" } },
    { organisationId: null, actorUserId: admin.userId, action: "sign_in", detail: { planted: "b" } },
  ]);
  const [token] = await db.insert(s.apiTokens).values({ userId: admin.userId, name: "B token", tokenHash: "planted-b-token", prefix: "kpl_bbbb" }).returning();
  await db.insert(s.signUpRequests).values({
    organisationId,
    cohortId,
    email: "lapsed@planted-b.example",
    locale: "nl",
    details: {} as s.SignUpDetails,
    tokenHash: "planted-b-request",
    expiresAt: new Date(Date.now() - 3600_000),
  });
  return { organisationId, cohortId, admin, participant, enrollmentId: enrollment!.id, offeredId: offered!.id, pairId: pair!.id, tokenId: token!.id };
}

let b: Awaited<ReturnType<typeof plantOrganisationB>>;
beforeAll(async () => {
  b = await plantOrganisationB(t.db);
});

/**
 * Runs `fn` with the process's database connection walled by default (role koppel_tenant, no
 * scope): on PGlite by SET ROLE on its one connection, on PostgreSQL through a second pool whose
 * connections start in that role. Walled transactions still switch scope as usual.
 */
async function walledByDefault<T>(fn: () => Promise<T>): Promise<T> {
  if (t.kind === "pglite") {
    await t.db.execute(sql.raw(`SET ROLE ${TENANT_ROLE}`));
    try {
      return await fn();
    } finally {
      await t.db.execute(sql`RESET ROLE`);
    }
  }
  const original = await getHandle();
  const url = new URL(t.url!);
  url.searchParams.set("options", `-c role=${TENANT_ROLE}`);
  const walled = await openDatabase({ databaseUrl: url.toString(), dataDir: ".data/unused" });
  setHandle(walled);
  try {
    return await fn();
  } finally {
    setHandle(original);
    await walled.close();
  }
}

/** What organisation B holds, read by the owner: must be the same after every test. */
async function bRows() {
  const [enrollment] = await t.db.select().from(s.enrollments).where(eq(s.enrollments.id, b.enrollmentId));
  const memberships = await t.db.select({ id: s.memberships.id, role: s.memberships.role }).from(s.memberships).where(eq(s.memberships.organisationId, b.organisationId));
  const [token] = await t.db.select({ revokedAt: s.apiTokens.revokedAt }).from(s.apiTokens).where(eq(s.apiTokens.id, b.tokenId));
  const [pair] = await t.db.select({ status: s.pairs.status }).from(s.pairs).where(eq(s.pairs.id, b.pairId));
  return { status: enrollment!.status, motivation: enrollment!.motivation, memberships, token, pair };
}

const form = (email: string) =>
  signUpSchemaFor({ policyAreas: ["Wonen"], questions: [] }).parse({
    name: "Nieuwe deelnemer",
    email,
    employer: "Gemeente Deventer",
    department: "",
    jobTitle: "Adviseur",
    policyAreas: ["Wonen"],
    motivation: "Motivatie",
    availableHalfDays: 2,
    consent: true,
  });

describe("walled by default (the connection's own role sees no tenant row)", () => {
  it("really walls: an unwalled read of a tenant table finds nothing, and the unwalled actor lookup finds no membership", async () => {
    await walledByDefault(async () => {
      const db = (await getHandle()).db;
      expect(await db.select().from(s.enrollments)).toEqual([]);
      expect(await db.select().from(s.memberships)).toEqual([]);
      // loadActor is a sign-in lookup that stays outside the wall (rls.ts lists it): here it sees no membership.
      expect((await loadActor(f.people.coordinator.userId))!.memberships).toEqual([]);
    });
  });

  it("sign-up, its confirmation, review decisions and withdrawal", async () => {
    const before = await bRows();
    const cohortId = await f.newCohort({ capacity: 3 });
    const signedIn = (await f.participant(await f.newCohort())).actor;
    await walledByDefault(async () => {
      const mine = await signUp(signedIn, cohortId, form(signedIn.email), { locale: "nl" });
      expect(mine.status).toBe("accepted");
      await signUp(null, cohortId, form("public@example.org"), { locale: "nl" });
      const [mail] = await inScope(system("test: read the confirmation mail"), (tx) =>
        tx.select({ text: s.mailOutbox.text }).from(s.mailOutbox).where(eq(s.mailOutbox.toAddress, "public@example.org")),
      );
      const token = /token=([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
      const confirmed = await confirmSignUp(token);
      expect(confirmed.status).toBe("accepted");
      // A coordinator of A decides on A's enrollments; B's enrollment id among them is not found.
      const decided = await decideEnrollments(f.people.coordinator, cohortId, { decision: "reject", ids: [confirmed.enrollmentId, b.enrollmentId], reason: "" });
      expect(decided.changed).toEqual([confirmed.enrollmentId]);
      expect(decided.refused).toEqual([{ id: b.enrollmentId, reason: "notFound" }]);
      await expect(decideEnrollments(f.people.coordinator, b.cohortId, { decision: "reject", ids: [b.enrollmentId], reason: "" })).rejects.toBeInstanceOf(NotFoundError);
      await withdrawEnrollment(signedIn, mine.enrollmentId);
      await expect(withdrawEnrollment(signedIn, b.enrollmentId)).rejects.toBeInstanceOf(NotFoundError);
      expect((await listMyEnrollments(signedIn)).map((e) => e.status).sort()).toEqual(["accepted", "withdrawn"]);
    });
    expect(await bRows()).toEqual(before);
  });

  it("invitations, role changes and removals", async () => {
    const before = await bRows();
    const admin = f.people.admin;
    await walledByDefault(async () => {
      await inviteMember(admin, { email: "invited@example.org", name: "Invited", role: "coordinator", locale: "nl" });
      const [m] = await inScope({ kind: "tenant", organisationIds: [admin.current!.organisationId] }, (tx) =>
        tx.select({ id: s.memberships.id }).from(s.memberships).innerJoin(s.users, eq(s.users.id, s.memberships.userId)).where(eq(s.users.email, "invited@example.org")),
      );
      expect(await changeMemberRole(admin, m!.id, "participant")).toEqual({ email: "invited@example.org", role: "participant" });
      await removeMember(admin, m!.id);
      await expect(changeMemberRole(admin, b.admin.membershipId, "participant")).rejects.toBeInstanceOf(NotFoundError);
      await expect(removeMember(admin, b.participant.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    });
    expect(await bRows()).toEqual(before);
  });

  it("the audit log and its export show A's events only", async () => {
    await walledByDefault(async () => {
      const page = await listAuditEvents(f.people.admin);
      expect(page.total).toBeGreaterThan(0);
      expect(page.rows.some((r) => r.detail.planted === "b")).toBe(false);
      const exported = [];
      for await (const batch of exportAuditEvents(f.people.admin)) exported.push(...batch);
      expect(exported.length).toBe(page.total);
      expect(exported.some((r) => r.detail.planted === "b")).toBe(false);
    });
  });

  it("API tokens: the person's own, and another's is not found", async () => {
    const before = await bRows();
    const me = f.people.coordinator;
    await walledByDefault(async () => {
      const made = await createApiToken(me, { name: "walled" });
      expect((await listApiTokens(me)).map((x) => x.id)).toContain(made.id);
      await expect(revokeApiToken(me, b.tokenId)).rejects.toBeInstanceOf(NotFoundError);
      await revokeApiToken(me, made.id);
      expect((await listApiTokens(me)).map((x) => x.id)).not.toContain(made.id);
    });
    expect(await bRows()).toEqual(before);
  });

  it("pairing board, proposal and the cohort's pairs, not B's", async () => {
    const cohortId = await f.newCohort();
    const p = await f.participant(cohortId);
    const q = await f.partner({}, { cohortId });
    await walledByDefault(async () => {
      const board = await getPairingBoard(f.people.coordinator, cohortId);
      expect(board.waiting.items.map((i) => i.enrollmentId)).toEqual([p.enrollmentId]);
      expect((await proposePairs(f.people.coordinator, cohortId)).accepted).toBe(1);
      await pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, q.partnerId);
      expect((await listCohortPairs(f.people.coordinator, cohortId)).map((r) => r.enrollmentId)).toEqual([p.enrollmentId]);
      await expect(getPairingBoard(f.people.coordinator, b.cohortId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listCohortPairs(f.people.coordinator, b.cohortId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getCohortRetention(f.people.coordinator, b.cohortId)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  it("my data and account deletion: the person's own records in both organisations, nobody else's", async () => {
    const cohortId = await f.newCohort();
    const both = await f.participant(cohortId, { motivation: "Mijn motivatie" });
    const neighbour = await f.participant(cohortId, { motivation: "Motivatie van de buurman" });
    // The same person is also enrolled in B (planted by the owner).
    const [inB] = await t.db
      .insert(s.enrollments)
      .values({ organisationId: b.organisationId, cohortId: b.cohortId, userId: both.actor.userId, status: "waitlisted", motivation: "Mijn motivatie in B" })
      .returning();
    const before = await bRows();
    const actor: UserActor = both.actor;
    await walledByDefault(async () => {
      const data = await exportMyData(actor);
      expect(data.enrollments.map((e) => e.motivation).sort()).toEqual(["Mijn motivatie", "Mijn motivatie in B"]);
      expect(data.enrollments.map((e) => e.cohort).sort()).toEqual(["B cohort", expect.stringMatching(/^Cohort /)].sort());
      expect(JSON.stringify(data)).not.toContain("buurman");
      expect(JSON.stringify(data)).not.toContain("B's secret");
      const preview = await describeAccountDeletion(actor);
      expect(preview).toMatchObject({ enrollments: 2, openEnrollments: 2, lastAdminOf: [] });
      await deleteMyAccount(actor, { email: actor.email });
    });
    const mine = await t.db.select({ status: s.enrollments.status, motivation: s.enrollments.motivation }).from(s.enrollments).where(eq(s.enrollments.userId, both.actor.userId));
    expect(mine).toEqual([
      { status: "withdrawn", motivation: "" },
      { status: "withdrawn", motivation: "" },
    ]);
    const [other] = await t.db.select({ motivation: s.enrollments.motivation }).from(s.enrollments).where(eq(s.enrollments.id, neighbour.enrollmentId));
    expect(other!.motivation).toBe("Motivatie van de buurman");
    expect(await t.db.select().from(s.memberships).where(eq(s.memberships.userId, both.actor.userId))).toEqual([]);
    expect(await bRows()).toEqual(before);
    expect(inB).toBeDefined();
  });

  it("the jobs: offer expiry, lapsed sign-ups, retention, housekeeping, the outbox and the audit purge reach every organisation", async () => {
    await walledByDefault(async () => {
      // B's lapsed offer is withdrawn by the job (which runs behind B's wall for B's cohort).
      expect(await expireOffers(SYSTEM)).toBeGreaterThanOrEqual(1);
      expect(await dropUnconfirmedSignUps(SYSTEM)).toBeGreaterThanOrEqual(1);
      // B's cohort ended in 2020: past its programme's 24 months, so it is anonymised.
      expect((await anonymiseExpiredCohorts(SYSTEM)).cohorts).toBeGreaterThanOrEqual(1);
      const purged = await purgeExpired(SYSTEM, new Date(Date.now() + 800 * 86400_000));
      expect(purged.auditEvents).toBeGreaterThan(0);
      expect(await purgeAuditEvents(SYSTEM)).toBe(0);
      const claimed = await claimNextMail((await getHandle()).db);
      expect(claimed).not.toBeNull();
      expect((await listMailbox(5)).length).toBeGreaterThan(0);
    });
    const [offered] = await t.db.select({ status: s.enrollments.status }).from(s.enrollments).where(eq(s.enrollments.id, b.offeredId));
    expect(offered!.status).toBe("withdrawn");
    const [cohort] = await t.db.select({ anonymisedAt: s.cohorts.anonymisedAt }).from(s.cohorts).where(eq(s.cohorts.id, b.cohortId));
    expect(cohort!.anonymisedAt).not.toBeNull();
    expect(await t.db.select().from(s.signUpRequests).where(and(eq(s.signUpRequests.organisationId, b.organisationId)))).toEqual([]);
  });
});

afterAll(async () => {
  // The owner's connection is as it was: nothing of the walled role stays behind.
  const [row] = (await t.db.execute(sql`SELECT current_user AS u`)).rows;
  expect(row!.u).not.toBe(TENANT_ROLE);
});
