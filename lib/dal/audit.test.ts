import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import * as exportRoute from "@/app/[locale]/(app)/admin/audit/export/route";
import * as auditEventsRoute from "@/app/api/v1/audit-events/route";
import * as cohortEnrollmentsRoute from "@/app/api/v1/cohorts/[id]/enrollments/route";
import { auditEvents, cohorts, memberships } from "@/db/schema";
import { runAction } from "@/lib/actions";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { call, expectProblem } from "@/lib/testing/api";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { inviteSchema } from "@/lib/validation/member";
import { invitePartnerSchema } from "@/lib/validation/partner";
import { loadActor, SYSTEM, type UserActor } from "./actor";
import { createApiToken, createApiTokenForUser, revokeApiToken, revokeApiTokenForUser } from "./api-tokens";
import { exportAuditEvents, listAuditEvents, purgeAuditEvents, recordAudit } from "./audit";
import { createDemoSession, RATE, recordSignIn, requestSignInLink } from "./auth";
import { getCohort } from "./cohorts";
import { changeMemberRole, createOrganisationWithAdmin, inviteMember, listMembers, removeMember } from "./members";
import { invitePartner } from "./partners";

// Route handlers that change what public pages show revalidate them (lib/public-pages.ts); there is no Next.js cache here.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

// The request the code under test runs in: its headers, and the person the session stands for.
const request = vi.hoisted(() => ({ headers: new Headers(), actor: null as object | null }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(request.headers) }));
vi.mock("@/lib/dal/session", () => ({ getCurrentActor: () => Promise.resolve(request.actor) }));

let t: TestDatabase;
let people: Awaited<ReturnType<typeof seedAndLoadActors>>;
let zwolleAdmin: UserActor;
let zwolleId: string;
let cohortId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await seedAndLoadActors(t.db);
  const zwolle = await createOrganisationWithAdmin(SYSTEM, { name: "Gemeente Zwolle", slug: "gemeente-zwolle", adminEmail: "beheer@zwolle.example.org" });
  zwolleId = zwolle.organisationId;
  zwolleAdmin = (await loadActor(zwolle.userId))!;
  const [c] = await t.db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.organisationId, people.foundation.id));
  cohortId = c!.id;
});
afterAll(async () => t.close());
beforeEach(() => {
  request.headers = new Headers({ "x-forwarded-for": "203.0.113.7", "user-agent": `Mozilla/5.0 ${"x".repeat(400)}` });
  request.actor = null;
});

const eventsOf = (action: string) => t.db.select().from(auditEvents).where(eq(auditEvents.action, action));

describe("recording", () => {
  it("records who, what, where from (client address, user agent cut to 200 characters) and when", async () => {
    await inviteMember(people.admin, inviteSchema.parse({ email: "nieuw.lid@example.org", name: "", role: "coordinator", locale: "nl" }));
    const [event] = (await eventsOf("member_invited")).filter((e) => e.detail.email === "nieuw.lid@example.org");
    expect(event).toMatchObject({
      organisationId: people.foundation.id,
      actorUserId: people.admin.userId,
      targetType: "user",
      detail: { email: "nieuw.lid@example.org", role: "coordinator" },
      ip: "203.0.113.7",
    });
    expect(event!.userAgent).toHaveLength(200);
    expect(Date.now() - event!.createdAt.getTime()).toBeLessThan(60_000);
  });

  it("records a partner invitation by a coordinator", async () => {
    const input = invitePartnerSchema.parse({
      name: "Buurtkracht",
      kind: "initiative",
      helpRequest: "",
      policyAreas: ["Wonen"],
      languages: ["nl"],
      capacityPerCohort: 1,
      ownerName: "Bo",
      ownerEmail: "bo@buurtkracht.example.org",
    });
    const { partnerId } = await invitePartner(people.coordinator, input);
    const [event] = (await eventsOf("partner_invited")).filter((e) => e.targetId === partnerId);
    expect(event).toMatchObject({ organisationId: people.foundation.id, actorUserId: people.coordinator.userId, targetType: "partner" });
    expect(event!.detail).toMatchObject({ email: "bo@buurtkracht.example.org", partner: "Buurtkracht" });
  });

  it("records sign-ins (magic link and demo) under the person, tied to no organisation", async () => {
    await recordSignIn(people.coordinator.userId, "email");
    await createDemoSession("participant");
    const signIns = await eventsOf("sign_in");
    expect(signIns).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorUserId: people.coordinator.userId, organisationId: null, detail: { method: "email" }, ip: "203.0.113.7" }),
        expect.objectContaining({ actorUserId: people.participant.userId, organisationId: null, detail: { method: "demo" } }),
      ]),
    );
  });

  it("records a sign-in link refused by the rate limit, without the address", async () => {
    const ask = () => requestSignInLink({ email: "partner@example.org", ip: "198.51.100.9", locale: "nl", callbackPath: "/nl/start" });
    for (let i = 0; i < RATE.perAddress; i++) expect(await ask()).toBe("accepted");
    expect(await eventsOf("sign_in_link_refused")).toHaveLength(0);
    expect(await ask()).toBe("rate_limited");
    const [event, ...more] = await eventsOf("sign_in_link_refused");
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({ actorUserId: people.partner.userId, organisationId: null, detail: { reason: "rate_limited", limit: "address" } });
    expect(JSON.stringify(event)).not.toContain("partner@example.org");
  });

  it("records API token creation and revocation, by the person and by the CLI, never the token", async () => {
    const own = await createApiToken(people.coordinator, { name: "Eigen" });
    await revokeApiToken(people.coordinator, own.id);
    const cli = await createApiTokenForUser(SYSTEM, "coordinator@example.org", "HR-portaal");
    await revokeApiTokenForUser(SYSTEM, "coordinator@example.org", cli.prefix);
    const rows = [...(await eventsOf("api_token_created")), ...(await eventsOf("api_token_revoked"))].filter((e) => [own.id, cli.id].includes(e.targetId!));
    expect(rows.map((e) => [e.action, e.targetId, e.actorUserId, e.detail.via ?? "self"])).toEqual([
      ["api_token_created", own.id, people.coordinator.userId, "self"],
      ["api_token_created", cli.id, people.coordinator.userId, "cli"],
      ["api_token_revoked", own.id, people.coordinator.userId, "self"],
      ["api_token_revoked", cli.id, people.coordinator.userId, "cli"],
    ]);
    expect(JSON.stringify(rows)).not.toContain(own.token);
    expect(JSON.stringify(rows)).not.toContain(cli.token);
  });

  it("rolls the event back with the change: a refused change leaves no trace of having happened", async () => {
    const before = (await eventsOf("member_role_changed")).length;
    const own = (await listMembers(people.admin)).find((m) => m.email === "admin@example.org")!.id;
    await expect(changeMemberRole(people.admin, own, "participant")).rejects.toMatchObject({ message: "lastAdmin" });
    expect(await eventsOf("member_role_changed")).toHaveLength(before);
  });
});

describe("refused attempts", () => {
  it("records an API 403 in the person's organisation, and a 404 for another organisation's cohort only in their own", async () => {
    const participantToken = (await createApiToken(people.participant, { name: "t" })).token;
    const westlandToken = (await createApiToken(people.otherCoordinator, { name: "t" })).token;
    expect((await call(cohortEnrollmentsRoute.GET, { path: `/cohorts/${cohortId}/enrollments`, id: cohortId, token: participantToken })).status).toBe(403);
    expect((await call(cohortEnrollmentsRoute.GET, { path: `/cohorts/${cohortId}/enrollments`, id: cohortId, token: westlandToken })).status).toBe(404);
    const refused = await eventsOf("access_refused");
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorUserId: people.participant.userId,
          organisationId: people.foundation.id,
          detail: { status: 403, where: `GET /api/v1/cohorts/${cohortId}/enrollments` },
        }),
        expect.objectContaining({ actorUserId: people.otherCoordinator.userId, organisationId: people.westland.id, detail: expect.objectContaining({ status: 404 }) as unknown }),
      ]),
    );
  });

  it("records a server action's 403 or 404 with the page it came from; a refusal without a signed-in person is not recorded", async () => {
    request.headers.set("referer", "http://localhost:3000/nl/coordinator/cohorts/x");
    request.actor = people.partner;
    const result = await runAction(z.object({}), {}, () => getCohort(people.partner, cohortId));
    expect(result).toEqual({ ok: false, error: "forbidden" });
    expect((await eventsOf("access_refused")).filter((e) => e.actorUserId === people.partner.userId)).toEqual([
      expect.objectContaining({ organisationId: people.foundation.id, detail: { status: 403, where: "action /nl/coordinator/cohorts/x" } }),
    ]);
    const count = (await eventsOf("access_refused")).length;
    request.actor = null;
    expect(await runAction(z.object({}), {}, () => getCohort(null, cohortId))).toEqual({ ok: false, error: "generic" });
    expect(await eventsOf("access_refused")).toHaveLength(count);
  });

  it("never lets an audit failure break the request", async () => {
    request.actor = { ...people.partner, userId: "x".repeat(10), current: { ...people.partner.current!, organisationId: "not-a-uuid" } };
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await runAction(z.object({}), {}, () => Promise.reject(new NotFoundError()));
    expect(result).toEqual({ ok: false, error: "notFound" });
    spy.mockRestore();
  });
});

describe("listAuditEvents", () => {
  it("shows admins their organisation's events and their members' sign-ins and tokens, newest first, paged with a total", async () => {
    await recordSignIn(zwolleAdmin.userId, "email");
    const { rows, total } = await listAuditEvents(people.admin, { pageSize: 500 });
    expect(total).toBe(rows.length);
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ["member_invited", "partner_invited", "sign_in", "sign_in_link_refused", "api_token_created", "api_token_revoked", "access_refused"]) expect(actions, a).toContain(a);
    expect(rows.every((r, i) => i === 0 || rows[i - 1]!.createdAt >= r.createdAt)).toBe(true);
    // Zwolle's admin is no member of the foundation: their sign-in is not shown there.
    expect(rows.some((r) => r.actorUserId === zwolleAdmin.userId)).toBe(false);
    expect(rows.find((r) => r.action === "sign_in" && r.actorUserId === people.coordinator.userId)).toMatchObject({ actorEmail: "coordinator@example.org" });

    const page2 = await listAuditEvents(people.admin, { page: 2, pageSize: 3 });
    expect(page2.total).toBe(total);
    expect(page2.rows.map((r) => r.id)).toEqual(rows.slice(3, 6).map((r) => r.id));
    const beyond = await listAuditEvents(people.admin, { page: 999, pageSize: 3 });
    expect(beyond).toMatchObject({ rows: [], total });
  });

  it("filters by action", async () => {
    const { rows, total } = await listAuditEvents(people.admin, { action: "sign_in" });
    expect(rows.length).toBeGreaterThan(0);
    expect(total).toBe(rows.length);
    expect(rows.every((r) => r.action === "sign_in")).toBe(true);
  });

  it("never shows another organisation's events: Westland's 404, Zwolle's own log", async () => {
    const foundationIds = new Set((await listAuditEvents(people.admin, { pageSize: 500 })).rows.map((r) => r.id));
    const zwolle = await listAuditEvents(zwolleAdmin, { pageSize: 500 });
    expect(zwolle.rows.some((r) => foundationIds.has(r.id))).toBe(false);
    expect(zwolle.rows.map((r) => r.actorUserId)).toContain(zwolleAdmin.userId);
    // The Westland coordinator's refused look at a foundation cohort is in no foundation list.
    expect([...foundationIds].length).toBeGreaterThan(0);
    const foundationRows = (await listAuditEvents(people.admin, { pageSize: 500 })).rows;
    expect(foundationRows.some((r) => r.actorUserId === people.otherCoordinator.userId)).toBe(false);
  });

  it("is for admins only: a coordinator 403, nobody 401, an admin asking for another organisation 404", async () => {
    await expect(listAuditEvents(people.coordinator)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditEvents(people.participant)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditEvents(null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(listAuditEvents(zwolleAdmin, { organisationId: people.foundation.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(() => exportAuditEvents(people.coordinator)).toThrow(ForbiddenError);
    expect(() => exportAuditEvents(zwolleAdmin, { organisationId: people.foundation.id })).toThrow(NotFoundError);
  });

  it("stops showing a removed member's sign-ins, and shows the removal", async () => {
    await inviteMember(people.admin, inviteSchema.parse({ email: "kort.lid@example.org", name: "", role: "participant", locale: "nl" }));
    const member = (await listMembers(people.admin)).find((m) => m.email === "kort.lid@example.org")!;
    const [m] = await t.db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.id, member.id));
    await recordSignIn(m!.userId, "email");
    const signInsOf = async () => (await listAuditEvents(people.admin, { action: "sign_in" })).rows.filter((r) => r.actorUserId === m!.userId);
    expect(await signInsOf()).toHaveLength(1);
    await removeMember(people.admin, member.id);
    expect(await signInsOf()).toHaveLength(0);
    const removed = await listAuditEvents(people.admin, { action: "member_removed" });
    expect(removed.rows[0]).toMatchObject({ targetId: m!.userId, actorEmail: "admin@example.org", detail: expect.objectContaining({ email: "kort.lid@example.org" }) as unknown });
  });
});

describe("export", () => {
  const get = (query = "") => exportRoute.GET(new Request(`http://localhost:3999/nl/admin/audit/export${query}`), undefined);

  it("gives admins a UTF-8 CSV with a byte-order mark, the same rows as the page and formula cells neutralised", async () => {
    await recordAudit(t.db, { action: "member_invited", organisationId: people.foundation.id, actorUserId: people.admin.userId, detail: { email: "=cmd|' /C calc'!A0" } });
    request.actor = people.admin;
    const res = await get("?action=member_invited");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="koppel-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\r\n");
    expect(lines[0]).toBe("time_utc,action,actor_email,actor_name,target_type,target_id,detail,ip,user_agent");
    const listed = await listAuditEvents(people.admin, { action: "member_invited", pageSize: 200 });
    expect(lines).toHaveLength(listed.total + 1);
    expect(lines.slice(1).every((l) => l.includes(",member_invited,"))).toBe(true);
    expect(lines[1]).toContain(`"{""email"":""=cmd|' /C calc'!A0""}"`);
  });

  it("refuses a coordinator (403) and an admin asking for another organisation (404)", async () => {
    request.actor = people.coordinator;
    expect((await get()).status).toBe(403);
    request.actor = zwolleAdmin;
    const res = await get(`?organisation=${people.foundation.id}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("pages through more rows than one batch without losing or repeating any", async () => {
    // (Zwolle's log also holds the refused export above: the loop keeps only these rows.)
    const many = Array.from({ length: 1203 }, (_, i) => ({ action: "access_refused", organisationId: zwolleId, actorUserId: zwolleAdmin.userId, detail: { i } }));
    await t.db.insert(auditEvents).values(many);
    const seen: unknown[] = [];
    for await (const batch of exportAuditEvents(zwolleAdmin, { action: "access_refused" })) seen.push(...batch.map((r) => r.detail.i).filter((i) => i !== undefined));
    expect(seen).toHaveLength(1203);
    expect(new Set(seen).size).toBe(1203);
  });
});

describe("GET /api/v1/audit-events", () => {
  it("gives an admin's token the same page as the admin page; a coordinator 403, another organisation 404, a bad filter 422", async () => {
    const adminToken = (await createApiToken(people.admin, { name: "audit" })).token;
    const r = await call(auditEventsRoute.GET, { path: "/audit-events?action=member_removed&pageSize=5", token: adminToken });
    expect(r.status).toBe(200);
    const page = await listAuditEvents(people.admin, { action: "member_removed", pageSize: 5 });
    expect(r.body).toMatchObject({ page: 1, pageSize: 5, total: page.total });
    expect(r.body.items).toHaveLength(page.rows.length);
    expect((r.body.items as unknown[])[0]).toMatchObject({ id: page.rows[0]!.id, action: "member_removed", actor: { email: "admin@example.org" }, createdAt: page.rows[0]!.createdAt.toISOString() });

    const coordinatorToken = (await createApiToken(people.coordinator, { name: "audit" })).token;
    expectProblem(await call(auditEventsRoute.GET, { path: "/audit-events", token: coordinatorToken }), 403, "/audit-events");
    const zwolleToken = (await createApiToken(zwolleAdmin, { name: "audit" })).token;
    expectProblem(await call(auditEventsRoute.GET, { path: `/audit-events?organisationId=${people.foundation.id}`, token: zwolleToken }), 404, "/audit-events");
    expectProblem(await call(auditEventsRoute.GET, { path: "/audit-events?action=everything", token: adminToken }), 422, "/audit-events");
  });
});

describe("purgeAuditEvents", () => {
  it("deletes events older than two years and keeps the rest", async () => {
    const old = new Date(Date.now() - 731 * 86400_000);
    await t.db.insert(auditEvents).values({ action: "sign_in", actorUserId: people.admin.userId, createdAt: old });
    const before = (await t.db.select({ id: auditEvents.id }).from(auditEvents)).length;
    expect(await purgeAuditEvents(SYSTEM)).toBe(1);
    expect(await t.db.select({ id: auditEvents.id }).from(auditEvents)).toHaveLength(before - 1);
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "sign_in"), eq(auditEvents.createdAt, old)))).toHaveLength(0);
  });
});
