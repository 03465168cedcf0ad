import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Db } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { loadActor, SYSTEM } from "./actor";
import { NotFoundError } from "@/lib/errors";
import { getPublicCohort, listOpenCohorts } from "./enrollment-queries";
import { listProgrammes } from "./programmes";
import { asActor, inScope, PERSON_ROLE, TENANT_ROLE } from "./rls";
import { sqlState } from "./tx";

let t: TestDatabase;

/** One organisation with a row in every walled table, written as the owner (unwalled). */
async function seedTenant(db: Db, slug: string) {
  const [org] = await db.insert(s.organisations).values({ slug, name: slug }).returning();
  const [user] = await db.insert(s.users).values({ email: `${slug}@example.org`, name: slug }).returning();
  const organisationId = org!.id;
  await db.insert(s.memberships).values({ organisationId, userId: user!.id, role: "coordinator" });
  const [programme] = await db
    .insert(s.programmes)
    .values({ organisationId, name: `${slug} programme`, effortHalfDaysMin: 1, effortHalfDaysMax: 2, durationMonths: 6 })
    .returning();
  const [cohort] = await db
    .insert(s.cohorts)
    .values({
      organisationId,
      programmeId: programme!.id,
      name: `${slug} cohort`,
      startDate: "2027-01-01",
      endDate: "2027-06-30",
      enrollmentOpensOn: "2026-01-01",
      enrollmentDeadline: "2026-12-31",
      capacity: 5,
      timeZone: "Europe/Amsterdam",
      status: "open",
    })
    .returning();
  const cohortId = cohort!.id;
  const [draft] = await db
    .insert(s.cohorts)
    .values({ ...cohort!, id: undefined, name: `${slug} draft`, status: "draft" })
    .returning();
  await db.insert(s.cohortQuestions).values({ organisationId, cohortId, kind: "yes_no", label: "?" });
  const [enrollment] = await db.insert(s.enrollments).values({ organisationId, cohortId, userId: user!.id, status: "accepted" }).returning();
  await db.insert(s.enrollmentEvents).values({ organisationId, enrollmentId: enrollment!.id, toStatus: "accepted" });
  const [partner] = await db.insert(s.partners).values({ organisationId, name: `${slug} partner`, status: "approved", ownerUserId: user!.id }).returning();
  await db.insert(s.cohortPartners).values({ organisationId, cohortId, partnerId: partner!.id, capacity: 1 });
  const [pair] = await db.insert(s.pairs).values({ organisationId, cohortId, enrollmentId: enrollment!.id, partnerId: partner!.id }).returning();
  await db.insert(s.pairEvents).values({ organisationId, pairId: pair!.id, kind: "confirmed" });
  await db.insert(s.meetings).values({ organisationId, pairId: pair!.id, loggedBySide: "participant", startsAt: new Date(), durationMinutes: 60, mode: "online" });
  await db.insert(s.signUpRequests).values({
    organisationId,
    cohortId,
    email: `new-${slug}@example.org`,
    locale: "nl",
    details: {} as s.SignUpDetails,
    tokenHash: `hash-${slug}`,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  await db.insert(s.auditEvents).values([
    { organisationId, actorUserId: user!.id, action: "member.invited" },
    { organisationId: null, actorUserId: user!.id, action: "sign_in" },
  ]);
  await db.insert(s.apiTokens).values({ userId: user!.id, name: "t", tokenHash: `token-${slug}`, prefix: "kp_" });
  await db.insert(s.mailOutbox).values({ organisationId, toAddress: user!.email, locale: "nl", template: "x", subject: "s", text: "secret link", html: "" });
  return { organisationId, userId: user!.id, programmeId: programme!.id, cohortId, draftCohortId: draft!.id };
}

let a: Awaited<ReturnType<typeof seedTenant>>;
let b: Awaited<ReturnType<typeof seedTenant>>;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await seedTenant(t.db, "tenant-a");
  b = await seedTenant(t.db, "tenant-b");
});
afterAll(async () => t.close());

const TENANT_TABLES = {
  programmes: s.programmes,
  cohorts: s.cohorts,
  cohort_questions: s.cohortQuestions,
  enrollments: s.enrollments,
  enrollment_events: s.enrollmentEvents,
  sign_up_requests: s.signUpRequests,
  partners: s.partners,
  cohort_partners: s.cohortPartners,
  pairs: s.pairs,
  pair_events: s.pairEvents,
  meetings: s.meetings,
  memberships: s.memberships,
};

describe("row-level security", () => {
  it("a query that forgot its organisation filter returns the acting organisation's rows and nothing of another", async () => {
    for (const [name, table] of Object.entries(TENANT_TABLES)) {
      // Both tenants have rows: the owner (unwalled) sees them all.
      const all = await t.db.select({ org: table.organisationId }).from(table);
      expect(new Set(all.map((r) => r.org)), name).toEqual(new Set([a.organisationId, b.organisationId]));
      // The same select without a where, through the DAL's tenant-scoped transaction.
      const seen = await inScope({ kind: "tenant", organisationIds: [a.organisationId] }, (tx) => tx.select({ org: table.organisationId }).from(table));
      expect(seen.length, name).toBeGreaterThan(0);
      expect(new Set(seen.map((r) => r.org)), name).toEqual(new Set([a.organisationId]));
    }
  });

  it("audit events: the organisation's own and its members' personal ones; API tokens and mail are not readable in a tenant", async () => {
    const [audit, tokens, mail] = await inScope({ kind: "tenant", organisationIds: [a.organisationId] }, async (tx) => [
      await tx.select().from(s.auditEvents),
      await tx.select().from(s.apiTokens),
      await tx.select().from(s.mailOutbox),
    ]);
    expect(audit.map((e) => e.actorUserId)).toEqual([a.userId, a.userId]);
    expect(tokens).toEqual([]);
    expect(mail).toEqual([]);
  });

  it("without a scope's organisation a walled transaction sees nothing at all", async () => {
    const rows = await inScope({ kind: "tenant", organisationIds: [] }, (tx) => tx.select().from(s.enrollments));
    expect(rows).toEqual([]);
  });

  it("refuses writes into another organisation's rows: inserts fail, updates and deletes touch nothing", async () => {
    const scope = { kind: "tenant", organisationIds: [a.organisationId] } as const;
    const insert = inScope(scope, (tx) =>
      tx.insert(s.programmes).values({ organisationId: b.organisationId, name: "planted", effortHalfDaysMin: 1, effortHalfDaysMax: 1, durationMonths: 1 }),
    );
    await expect(insert).rejects.toSatisfy((err) => sqlState(err) === "42501");

    // Moving an own row into the other organisation is refused too (WITH CHECK).
    const move = inScope(scope, (tx) => tx.update(s.cohorts).set({ organisationId: b.organisationId }).where(eq(s.cohorts.id, a.cohortId)));
    await expect(move).rejects.toSatisfy((err) => sqlState(err) === "42501");

    const updated = await inScope(scope, (tx) => tx.update(s.cohorts).set({ name: "hijacked" }).where(eq(s.cohorts.id, b.cohortId)).returning());
    const deleted = await inScope(scope, (tx) => tx.delete(s.enrollments).where(eq(s.enrollments.cohortId, b.cohortId)).returning());
    expect(updated).toEqual([]);
    expect(deleted).toEqual([]);
    const [cohortB] = await t.db.select().from(s.cohorts).where(eq(s.cohorts.id, b.cohortId));
    expect(cohortB!.name).toBe("tenant-b cohort");
    expect(await t.db.select().from(s.enrollments).where(eq(s.enrollments.cohortId, b.cohortId))).toHaveLength(1);
    expect(await t.db.select().from(s.programmes).where(eq(s.programmes.name, "planted"))).toEqual([]);
  });

  it("the public catalogue reads open cohorts of every organisation, no drafts, no people, and writes nothing", async () => {
    const scope = { kind: "public" } as const;
    const cohorts = await inScope(scope, (tx) => tx.select({ id: s.cohorts.id }).from(s.cohorts));
    expect(new Set(cohorts.map((c) => c.id))).toEqual(new Set([a.cohortId, b.cohortId]));
    for (const table of [s.enrollments, s.memberships, s.partners, s.signUpRequests, s.meetings]) {
      expect(await inScope(scope, (tx) => tx.select().from(table))).toEqual([]);
    }
    // Places are counted outside the wall (a SECURITY DEFINER function): the number, not the people.
    const open = await listOpenCohorts();
    expect(open.rows.find((r) => r.id === a.cohortId)?.placesLeft).toBe(4);
    expect((await getPublicCohort(b.cohortId)).placesLeft).toBe(4);
    await expect(getPublicCohort(a.draftCohortId)).rejects.toBeInstanceOf(NotFoundError);
    const write = inScope(scope, (tx) => tx.update(s.cohorts).set({ name: "x" }).where(eq(s.cohorts.id, a.cohortId)).returning());
    expect(await write).toEqual([]);
  });

  it("a person reads their own records in every organisation and nobody else's", async () => {
    const scope = { kind: "person", userId: a.userId } as const;
    const [enrollments, memberships, partners, tokens, cohorts, pairs, meetings, programmes, mail, signUps] = await inScope(scope, async (tx) => [
      await tx.select().from(s.enrollments),
      await tx.select().from(s.memberships),
      await tx.select().from(s.partners),
      await tx.select().from(s.apiTokens),
      await tx.select().from(s.cohorts),
      await tx.select().from(s.pairs),
      await tx.select().from(s.meetings),
      await tx.select().from(s.programmes),
      await tx.select().from(s.mailOutbox),
      await tx.select().from(s.signUpRequests),
    ]);
    expect(enrollments.map((e) => e.userId)).toEqual([a.userId]);
    expect(memberships.map((m) => m.userId)).toEqual([a.userId]);
    expect(partners.map((p) => p.ownerUserId)).toEqual([a.userId]);
    expect(tokens.map((p) => p.userId)).toEqual([a.userId]);
    // The cohort of their own enrollment and pair, not the draft, not another organisation's.
    expect(cohorts.map((c) => c.id)).toEqual([a.cohortId]);
    expect(pairs.map((p) => p.organisationId)).toEqual([a.organisationId]);
    expect(meetings.map((m) => m.organisationId)).toEqual([a.organisationId]);
    expect(programmes.map((p) => p.id)).toEqual([a.programmeId]);
    expect(mail.map((m) => m.toAddress)).toEqual(["tenant-a@example.org"]);
    expect(signUps).toEqual([]);
    // Read only, apart from letting go of their own records.
    const planted = inScope(scope, (tx) => tx.insert(s.memberships).values({ organisationId: b.organisationId, userId: a.userId, role: "admin" }));
    await expect(planted).rejects.toSatisfy((err) => sqlState(err) === "42501");
    expect(await inScope(scope, (tx) => tx.update(s.enrollments).set({ motivation: "x" }).where(eq(s.enrollments.organisationId, a.organisationId)).returning())).toEqual([]);
  });

  it("an actor is walled to their organisations; SYSTEM sees every organisation", async () => {
    const actor = (await loadActor(a.userId))!;
    const mine = await asActor(actor, (tx) => tx.select({ org: s.pairs.organisationId }).from(s.pairs));
    expect(mine.map((r) => r.org)).toEqual([a.organisationId]);
    const all = await asActor(SYSTEM, (tx) => tx.select({ org: s.pairs.organisationId }).from(s.pairs));
    expect(new Set(all.map((r) => r.org))).toEqual(new Set([a.organisationId, b.organisationId]));
    // A converted DAL read: the coordinator of A lists A's programmes only.
    expect((await listProgrammes(actor)).map((p) => p.id)).toEqual([a.programmeId]);
  });

  it("the role and settings end with the transaction: the pooled connection is the owner again", async () => {
    const inside = await inScope({ kind: "tenant", organisationIds: [a.organisationId] }, async (tx) => (await tx.execute(sql`SELECT current_user AS u`)).rows[0]);
    expect(inside).toEqual({ u: TENANT_ROLE });
    const person = await inScope({ kind: "person", userId: a.userId }, async (tx) => (await tx.execute(sql`SELECT current_user AS u`)).rows[0]);
    expect(person).toEqual({ u: PERSON_ROLE });
    const after = await t.db.execute(sql`SELECT current_user AS u, current_setting('koppel.organisation_ids', true) AS orgs`);
    expect(after.rows[0]!.u).not.toBe(TENANT_ROLE);
    expect(after.rows[0]!.orgs ?? "").toBe("");
    // The role cannot escape the wall by itself.
    for (const name of [TENANT_ROLE, PERSON_ROLE]) {
      const [role] = (await t.db.execute(sql`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ${name}`)).rows;
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    }
  });
});
