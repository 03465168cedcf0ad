import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox, memberships, organisations, users, verificationTokens } from "@/db/schema";
import { renderInvitation } from "@/emails/invitation";
import { AppError, ConflictError, ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { inviteSchema, type InviteInput } from "@/lib/validation/member";
import { loadActor, SYSTEM, type UserActor } from "./actor";
import { createOrganisationWithAdmin, inviteMember, listMembers } from "./members";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof seedAndLoadActors>>;
/** Admin of a second organisation, who asks to work in the foundation (where they are no member). */
let zwolleAdmin: UserActor;
let zwolleId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await seedAndLoadActors(t.db);
  const created = await createOrganisationWithAdmin(SYSTEM, {
    name: "Gemeente Zwolle",
    slug: "gemeente-zwolle",
    adminEmail: "beheer@zwolle.example.org",
    adminName: "Zara Zwolsman",
  });
  zwolleId = created.organisationId;
  zwolleAdmin = (await loadActor(created.userId, people.foundation.id))!;
});
afterAll(async () => t.close());

const invite = (over: Partial<InviteInput> = {}): InviteInput =>
  inviteSchema.parse({ email: "nieuw@example.org", name: "Nina Nieuw", role: "participant", locale: "nl", ...over });

async function membershipsOf(email: string) {
  return t.db
    .select({ organisationId: memberships.organisationId, role: memberships.role, invitedById: memberships.invitedById, invitedAt: memberships.invitedAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, email));
}

const mailsTo = (email: string) =>
  t.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.template, "invitation")));

describe("inviteMember", () => {
  it("adds the person with the role and queues an invitation in their language whose button asks for a fresh sign-in link", async () => {
    await inviteMember(people.admin, invite({ email: "Emma.English@Example.org ", role: "coordinator", locale: "en" }));

    const rows = await membershipsOf("emma.english@example.org");
    expect(rows).toEqual([
      { organisationId: people.foundation.id, role: "coordinator", invitedById: people.admin.userId, invitedAt: expect.any(Date) as Date },
    ]);
    const [mail, ...more] = await mailsTo("emma.english@example.org");
    expect(more).toHaveLength(0);
    expect(mail!.locale).toBe("en");
    expect(mail!.organisationId).toBe(people.foundation.id);
    expect(mail!.status).toBe("pending");
    const expected = renderInvitation("en", {
      url: "x",
      organisation: people.foundation.name,
      inviter: people.admin.name!,
      role: "coordinator",
    });
    expect(mail!.subject).toBe(expected.subject);
    expect(mail!.text).toContain("Anna Bakker invites you to Stichting Samen Duurzaam on Koppel, as coordinator.");
    // No token travels in the invitation: its button opens the sign-in page for this address.
    expect(mail!.text).not.toContain("/api/auth/callback/nodemailer");
    expect(mail!.text).toContain("http://localhost:3999/en/sign-in?email=emma.english%40example.org&callbackUrl=%2Fen%2Fstart");
    expect(await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "emma.english@example.org"))).toEqual([]);
  });

  it("writes to an existing person in the language they chose, not the one on the form", async () => {
    await zwolleAdminInvites({ email: "li.wei@example.org", locale: "nl" });
    const [mail] = await mailsTo("li.wei@example.org");
    expect(mail!.locale).toBe("zh-CN");
    expect(mail!.subject).toBe("邀请您加入 Koppel 上的 Gemeente Zwolle");
  });

  it("refuses someone who is already a member", async () => {
    await expect(inviteMember(people.admin, invite({ email: "participant@example.org" }))).rejects.toBeInstanceOf(ConflictError);
    expect(await mailsTo("participant@example.org")).toHaveLength(0);
  });

  it("refuses a coordinator, a participant, a partner (403) and nobody (401), writing nothing", async () => {
    const email = "indringer@example.org";
    await expect(inviteMember(people.coordinator, invite({ email, role: "admin" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteMember(people.otherCoordinator, invite({ email }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteMember(people.participant, invite({ email }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteMember(people.partner, invite({ email }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteMember(null, invite({ email }))).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect(await mailsTo(email)).toHaveLength(0);
  });

  it("keeps an admin of another organisation out of the foundation: their invitation lands in their own", async () => {
    // The DAL takes no organisation id from the caller: an admin acts only where loadActor put them.
    expect(zwolleAdmin.current?.organisationId).toBe(zwolleId);
    const before = await listMembers(people.admin);
    await zwolleAdminInvites({ email: "overstap@example.org", role: "admin" });
    expect(await membershipsOf("overstap@example.org")).toEqual([expect.objectContaining({ organisationId: zwolleId, role: "admin" })]);
    expect(await listMembers(people.admin)).toEqual(before);
    expect((await listMembers(zwolleAdmin)).map((m) => m.email)).not.toContain("admin@example.org");
    const [mail] = await mailsTo("overstap@example.org");
    expect(mail!.organisationId).toBe(zwolleId);
  });

  it("refuses an address that is not exactly one mailbox, in the schema and again in the DAL", async () => {
    for (const email of ["geen-adres", "a@example.org, b@example.org", "a@example.org;b@example.org", "Anna <a@example.org>", "a@example.org\nbcc: b@example.org", ""]) {
      expect(inviteSchema.safeParse({ email, name: "", role: "participant", locale: "nl" }).success, email).toBe(false);
      const raw = { email, name: "", role: "participant", locale: "nl" } as InviteInput;
      await expect(inviteMember(people.admin, raw)).rejects.toMatchObject({ code: "invalid" });
      await expect(inviteMember(people.admin, raw)).rejects.toBeInstanceOf(AppError);
    }
    const invitations = await t.db.select().from(mailOutbox).where(eq(mailOutbox.organisationId, people.foundation.id));
    expect(invitations.map((m) => m.toAddress)).toEqual(["emma.english@example.org"]);
  });
});

describe("createOrganisationWithAdmin", () => {
  it("creates the organisation and an admin membership, and refuses a taken slug", async () => {
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, zwolleId));
    expect(org).toMatchObject({ name: "Gemeente Zwolle", slug: "gemeente-zwolle" });
    expect(await membershipsOf("beheer@zwolle.example.org")).toEqual([expect.objectContaining({ organisationId: zwolleId, role: "admin" })]);
    await expect(
      createOrganisationWithAdmin(SYSTEM, { name: "Nog een Zwolle", slug: "gemeente-zwolle", adminEmail: "x@example.org" }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await t.db.select().from(organisations).where(eq(organisations.slug, "gemeente-zwolle"))).toHaveLength(1);
    expect(await t.db.select().from(users).where(eq(users.email, "x@example.org"))).toHaveLength(0);
  });
});

async function zwolleAdminInvites(over: Partial<InviteInput>): Promise<void> {
  await inviteMember(zwolleAdmin, invite(over));
}
