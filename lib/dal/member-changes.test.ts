import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as decisionsRoute from "@/app/api/v1/cohorts/[id]/decisions/route";
import * as cohortEnrollmentsRoute from "@/app/api/v1/cohorts/[id]/enrollments/route";
import { auditEvents, cohorts, enrollments, mailOutbox, memberships, users } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { call, expectProblem } from "@/lib/testing/api";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { inviteSchema } from "@/lib/validation/member";
import { loadActor, SYSTEM, type UserActor } from "./actor";
import { createApiToken } from "./api-tokens";
import { getCohort } from "./cohorts";
import { changeMemberRole, createOrganisationWithAdmin, inviteMember, listMembers, removeMember, resendInvitation } from "./members";

// Route handlers that change what public pages show revalidate them (lib/public-pages.ts); there is no Next.js cache here.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let t: TestDatabase;
let people: Awaited<ReturnType<typeof seedAndLoadActors>>;
let zwolleAdmin: UserActor;
let cohortId: string;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

beforeAll(async () => {
  t = await createTestDatabase();
  people = await seedAndLoadActors(t.db);
  const zwolle = await createOrganisationWithAdmin(SYSTEM, { name: "Gemeente Zwolle", slug: "gemeente-zwolle", adminEmail: "beheer@zwolle.example.org" });
  zwolleAdmin = (await loadActor(zwolle.userId))!;
  const [c] = await t.db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.organisationId, people.foundation.id));
  cohortId = c!.id;
});
afterAll(async () => t.close());

/** Invites a new member of the foundation and returns their membership id and user id. */
async function newMember(email: string, role: "admin" | "coordinator" | "participant") {
  await inviteMember(people.admin, inviteSchema.parse({ email, name: "", role, locale: "nl" }));
  const [row] = await t.db
    .select({ id: memberships.id, userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, email), eq(memberships.organisationId, people.foundation.id)));
  return row!;
}

const roleOf = async (membershipId: string) => (await t.db.select({ role: memberships.role }).from(memberships).where(eq(memberships.id, membershipId)))[0]?.role;
const adminMembershipId = async () => (await listMembers(people.admin)).find((m) => m.email === "admin@example.org")!.id;

describe("changeMemberRole", () => {
  it("gives a member another role and records who did it, from what to what", async () => {
    const m = await newMember("wissel@example.org", "participant");
    expect(await changeMemberRole(people.admin, m.id, "coordinator")).toEqual({ email: "wissel@example.org", role: "coordinator" });
    expect(await roleOf(m.id)).toBe("coordinator");
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "member_role_changed"), eq(auditEvents.targetId, m.userId)));
    expect(event).toMatchObject({
      organisationId: people.foundation.id,
      actorUserId: people.admin.userId,
      targetType: "user",
      detail: { email: "wissel@example.org", from: "participant", to: "coordinator" },
    });
  });

  it("refuses a coordinator (403), nobody (401) and an admin of another organisation (404), changing nothing", async () => {
    const m = await newMember("blijft@example.org", "participant");
    await expect(changeMemberRole(people.coordinator, m.id, "admin")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeMemberRole(people.participant, m.id, "admin")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeMemberRole(null, m.id, "admin")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(changeMemberRole(zwolleAdmin, m.id, "admin")).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeMemberRole(people.admin, "not-a-uuid", "admin")).rejects.toBeInstanceOf(NotFoundError);
    expect(await roleOf(m.id)).toBe("participant");
  });

  it("refuses to demote the last admin, even by themself, and allows it once there is a second admin", async () => {
    const own = await adminMembershipId();
    await expect(changeMemberRole(people.admin, own, "coordinator")).rejects.toEqual(new ConflictError("lastAdmin"));
    expect(await roleOf(own)).toBe("admin");
    const second = await newMember("tweede.admin@example.org", "admin");
    const secondActor = (await loadActor(second.userId))!;
    await changeMemberRole(secondActor, second.id, "coordinator");
    expect(await roleOf(second.id)).toBe("coordinator");
    await expect(changeMemberRole(people.admin, own, "participant")).rejects.toEqual(new ConflictError("lastAdmin"));
  });

  it("takes effect on the next request: a coordinator made participant gets 403 at once, by session and by token", async () => {
    const m = await newMember("degradatie@example.org", "coordinator");
    const token = (await createApiToken(await loadActor(m.userId), { name: "hr" })).token;
    expect((await getCohort(await loadActor(m.userId, people.foundation.id), cohortId)).id).toBe(cohortId);
    expect((await call(cohortEnrollmentsRoute.GET, { path: `/cohorts/${cohortId}/enrollments`, id: cohortId, token })).status).toBe(200);

    await changeMemberRole(people.admin, m.id, "participant");

    // Every request loads the person afresh (lib/dal/session, lib/api/auth): that is the session's actor.
    await expect(getCohort(await loadActor(m.userId, people.foundation.id), cohortId)).rejects.toBeInstanceOf(ForbiddenError);
    const listed = await call(cohortEnrollmentsRoute.GET, { path: `/cohorts/${cohortId}/enrollments`, id: cohortId, token });
    expectProblem(listed, 403, `/cohorts/${cohortId}/enrollments`);
    const decided = await call(decisionsRoute.POST, { path: `/cohorts/${cohortId}/decisions`, id: cohortId, token, body: { ids: [crypto.randomUUID()], decision: "accept" } });
    expect(decided.status).toBe(403);
  });
});

describe("removeMember", () => {
  it("removes a coordinator: their session and token get 404 on the organisation's cohort at once; the account stays", async () => {
    const m = await newMember("vertrek@example.org", "coordinator");
    const token = (await createApiToken(await loadActor(m.userId), { name: "hr" })).token;
    expect((await call(cohortEnrollmentsRoute.GET, { path: `/cohorts/${cohortId}/enrollments`, id: cohortId, token })).status).toBe(200);

    expect(await removeMember(people.admin, m.id)).toEqual({ email: "vertrek@example.org", userId: m.userId });

    const after = await loadActor(m.userId, people.foundation.id);
    expect(after).not.toBeNull();
    expect(after!.memberships).toEqual([]);
    await expect(getCohort(after, cohortId)).rejects.toBeInstanceOf(NotFoundError);
    expectProblem(await call(cohortEnrollmentsRoute.GET, { path: `/cohorts/${cohortId}/enrollments`, id: cohortId, token }), 404, `/cohorts/${cohortId}/enrollments`);
    expect((await listMembers(people.admin)).map((x) => x.email)).not.toContain("vertrek@example.org");
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "member_removed"), eq(auditEvents.targetId, m.userId)));
    expect(event).toMatchObject({ organisationId: people.foundation.id, actorUserId: people.admin.userId, detail: { email: "vertrek@example.org", role: "coordinator" } });
  });

  it("keeps the person's other memberships and their enrollments here as records", async () => {
    const participant = people.participant;
    await inviteMember(zwolleAdmin, inviteSchema.parse({ email: participant.email, name: "", role: "participant", locale: "nl" }));
    const before = await t.db.select({ id: enrollments.id, status: enrollments.status }).from(enrollments).where(eq(enrollments.userId, participant.userId));
    expect(before.length).toBeGreaterThan(0);
    const membershipId = (await listMembers(people.admin)).find((x) => x.email === participant.email)!.id;

    await removeMember(people.admin, membershipId);

    const after = (await loadActor(participant.userId))!;
    expect(after.memberships.map((x) => x.organisationName)).toEqual(["Gemeente Zwolle"]);
    expect(await t.db.select({ id: enrollments.id, status: enrollments.status }).from(enrollments).where(eq(enrollments.userId, participant.userId))).toEqual(before);
  });

  it("refuses a coordinator (403) and an admin of another organisation (404), removing nothing", async () => {
    const m = await newMember("onaantastbaar@example.org", "participant");
    await expect(removeMember(people.coordinator, m.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeMember(zwolleAdmin, m.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(null, m.id)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await roleOf(m.id)).toBe("participant");
  });

  it("refuses to remove the last admin, even themself; with a second admin, an admin may leave", async () => {
    const own = await adminMembershipId();
    await expect(removeMember(people.admin, own)).rejects.toEqual(new ConflictError("lastAdmin"));
    expect(await roleOf(own)).toBe("admin");
    const second = await newMember("opvolger@example.org", "admin");
    const secondActor = (await loadActor(second.userId))!;
    await removeMember(secondActor, second.id);
    expect(await roleOf(second.id)).toBeUndefined();
    await expect(removeMember(people.admin, own)).rejects.toEqual(new ConflictError("lastAdmin"));
  });

  it.skipIf(!onPostgres)("lets only one of two admins demoting each other at the same time succeed (PostgreSQL)", async () => {
    const a = await newMember("gelijk.a@example.org", "admin");
    const b = await newMember("gelijk.b@example.org", "admin");
    // Leave only these two admins.
    await changeMemberRole(people.admin, await adminMembershipId(), "coordinator");
    const [actorA, actorB] = [(await loadActor(a.userId))!, (await loadActor(b.userId))!];
    const results = await Promise.allSettled([changeMemberRole(actorA, b.id, "participant"), changeMemberRole(actorB, a.id, "participant")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: new ConflictError("lastAdmin") });
    const admins = await t.db.select().from(memberships).where(and(eq(memberships.organisationId, people.foundation.id), eq(memberships.role, "admin")));
    expect(admins).toHaveLength(1);
  });
});

describe("resendInvitation", () => {
  const invitations = async (email: string) => t.db.select({ template: mailOutbox.template, text: mailOutbox.text }).from(mailOutbox).where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.template, "invitation")));

  it("mails the invitation again to a member who has not signed in yet, and records it", async () => {
    const m = await newMember("nog-niet-binnen@example.org", "coordinator");
    expect(await invitations("nog-niet-binnen@example.org")).toHaveLength(1);
    expect(await resendInvitation(people.admin, m.id)).toEqual({ email: "nog-niet-binnen@example.org" });
    const mails = await invitations("nog-niet-binnen@example.org");
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain("/nl/sign-in?email=nog-niet-binnen%40example.org");
    const events = await t.db.select({ detail: auditEvents.detail }).from(auditEvents).where(and(eq(auditEvents.action, "member_invited"), eq(auditEvents.targetId, m.userId)));
    expect(events.map((e) => e.detail)).toContainEqual({ email: "nog-niet-binnen@example.org", role: "coordinator", resent: true });
  });

  it("refuses someone who has signed in before, a coordinator (403), nobody (401) and an admin of another organisation (404), sending nothing", async () => {
    const m = await newMember("al-binnen@example.org", "participant");
    await expect(resendInvitation(people.coordinator, m.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resendInvitation(null, m.id)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(resendInvitation(zwolleAdmin, m.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await invitations("al-binnen@example.org")).toHaveLength(1);
    await t.db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, m.userId));
    await expect(resendInvitation(people.admin, m.id)).rejects.toEqual(new ConflictError("alreadySignedIn"));
    expect(await invitations("al-binnen@example.org")).toHaveLength(1);
  });
});
