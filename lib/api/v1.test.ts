import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { programmes } from "@/db/schema";
import * as cohortRoute from "@/app/api/v1/cohorts/[id]/route";
import * as decisionsRoute from "@/app/api/v1/cohorts/[id]/decisions/route";
import * as cohortEnrollmentsRoute from "@/app/api/v1/cohorts/[id]/enrollments/route";
import * as cohortsRoute from "@/app/api/v1/cohorts/route";
import * as enrollmentRoute from "@/app/api/v1/enrollments/[id]/route";
import * as offerRoute from "@/app/api/v1/me/enrollments/[id]/offer/route";
import * as withdrawRoute from "@/app/api/v1/me/enrollments/[id]/withdraw/route";
import * as myEnrollmentsRoute from "@/app/api/v1/me/enrollments/route";
import { createApiToken, revokeApiToken } from "@/lib/dal/api-tokens";
import { createPublishedCohort } from "@/lib/testing/pairing";
import { addQuestion } from "@/lib/dal/questions";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { call, expectProblem } from "@/lib/testing/api";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { cohortSchema } from "@/lib/validation/cohort";
import { questionSchema } from "@/lib/validation/enrollment";

// Route handlers that change what public pages show revalidate them (lib/public-pages.ts); there is no Next.js cache here.
const { revalidatePath } = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath }));

let t: TestDatabase;
let people: Awaited<ReturnType<typeof seedAndLoadActors>>;
const tokens = {} as Record<"participant" | "coordinator" | "otherCoordinator" | "partner", string>;
let cohortId: string;
let questionId: string;

function day(offset: number): string {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestDatabase();
  people = await seedAndLoadActors(t.db);
  const [ep] = await t.db.select().from(programmes).where(eq(programmes.name, "EmpoweringPeople"));
  const input = cohortSchema.parse({
    name: "API-cohort",
    startDate: day(60),
    endDate: day(200),
    enrollmentOpensOn: day(-10),
    enrollmentDeadline: day(30),
    capacity: 5,
    timeZone: "Europe/Amsterdam",
    admissionMode: "first_come",
    offerDays: 2,
    policyAreas: "Wonen\nZorg en welzijn",
  });
  cohortId = (await createPublishedCohort(people.coordinator, ep!.id, input)).id;
  questionId = (await addQuestion(people.coordinator, cohortId, questionSchema.parse({ kind: "yes_no", label: "Heeft u ervaring?", required: true }))).id;
  for (const who of ["participant", "coordinator", "otherCoordinator", "partner"] as const) {
    tokens[who] = (await createApiToken(people[who], { name: "test" })).token;
  }
});
afterAll(async () => t.close());

const signUpBody = () => ({
  employer: "Gemeente Zwolle",
  jobTitle: "Beleidsadviseur",
  policyAreas: ["Wonen"],
  motivation: "Ik wil leren van de praktijk.",
  availableHalfDays: 5,
  consent: true,
  answers: { [questionId]: "yes" },
});

describe("API v1: cohorts", () => {
  it("lists open cohorts with paging, without authentication", async () => {
    const r = await call(cohortsRoute.GET, { path: "/cohorts?pageSize=100" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ page: 1, pageSize: 100 });
    const mine = (r.body.items as { id: string; deadline: string; startDate: string; placesLeft: number }[]).find((c) => c.id === cohortId);
    expect(mine).toMatchObject({ placesLeft: 5, startDate: day(60) });
    expect(mine!.deadline).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const one = await call(cohortsRoute.GET, { path: "/cohorts?pageSize=1&page=1" });
    expect(one.body.items).toHaveLength(1);
    expect(one.body.total).toBe(r.body.total);
  });

  it("refuses bad paging with 422 and field errors", async () => {
    const r = await call(cohortsRoute.GET, { path: "/cohorts?pageSize=0&page=x" });
    expectProblem(r, 422, "/cohorts");
    expect(r.body.errors).toEqual({ pageSize: ["tooSmall"], page: ["number"] });
  });

  it("gets one cohort with its questions, places left, deadline instant and whether it is open", async () => {
    const r = await call(cohortRoute.GET, { path: `/cohorts/${cohortId}`, id: cohortId, token: tokens.participant });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: cohortId, name: "API-cohort", open: true, placesLeft: 5, policyAreas: ["Wonen", "Zorg en welzijn"], enrollmentDeadline: day(30) });
    expect(r.body.questions).toEqual([{ id: questionId, kind: "yes_no", label: "Heeft u ervaring?", options: [], required: true }]);
    expect(new Date(r.body.deadline as string).toISOString()).toBe(r.body.deadline);
    expect(r.body).not.toHaveProperty("organisationId");
  });

  it("answers 404 for an unknown or malformed cohort id", async () => {
    expectProblem(await call(cohortRoute.GET, { path: "/cohorts/nope", id: "nope" }), 404, "/cohorts/nope");
    const unknown = "00000000-0000-4000-8000-000000000000";
    const r = await call(cohortRoute.GET, { path: `/cohorts/${unknown}`, id: unknown });
    expectProblem(r, 404, `/cohorts/${unknown}`);
    expect(r.body.code).toBe("notFound");
  });
});

describe("API v1: signing up and my enrollments", () => {
  let enrollmentId: string;
  const path = () => `/cohorts/${cohortId}/enrollments`;

  it("needs authentication (401 with WWW-Authenticate: Bearer)", async () => {
    const r = await call(cohortEnrollmentsRoute.POST, { path: path(), id: cohortId, body: signUpBody() });
    expectProblem(r, 401, path());
    expect(r.res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("refuses unknown fields (422), oversized bodies (413) and other content types (415)", async () => {
    const unknown = await call(cohortEnrollmentsRoute.POST, { path: path(), id: cohortId, token: tokens.participant, body: { ...signUpBody(), isAdmin: true } });
    expectProblem(unknown, 422, path());
    expect(unknown.body.errors).toEqual({ isAdmin: ["unknownField"] });
    const invalid = await call(cohortEnrollmentsRoute.POST, { path: path(), id: cohortId, token: tokens.participant, body: { ...signUpBody(), policyAreas: ["Defensie"], motivation: "" } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toMatchObject({ "policyAreas.0": ["choose"], motivation: ["required"] });
    expect(invalid.body.detail).toContain("motivation");
    const big = await call(cohortEnrollmentsRoute.POST, { path: path(), id: cohortId, token: tokens.participant, body: { ...signUpBody(), motivation: "x".repeat(70 * 1024) } });
    expectProblem(big, 413, path());
    const text = await call(cohortEnrollmentsRoute.POST, { path: path(), id: cohortId, token: tokens.participant, body: "employer=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expectProblem(text, 415, path());
    const broken = await call(cohortEnrollmentsRoute.POST, { path: path(), id: cohortId, token: tokens.participant, body: "{" });
    expectProblem(broken, 400, path());
  });

  it("signs the token's user up (201), as themself whatever email is sent", async () => {
    const r = await call(cohortEnrollmentsRoute.POST, { path: path(), id: cohortId, token: tokens.participant, body: { ...signUpBody(), email: "someone.else@example.org" } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: "accepted", waitlistPosition: null });
    enrollmentId = r.body.enrollmentId as string;
    const mine = await call(myEnrollmentsRoute.GET, { path: "/me/enrollments", token: tokens.participant });
    expect(mine.status).toBe(200);
    expect((mine.body.items as { id: string }[]).map((e) => e.id)).toContain(enrollmentId);
    const theirs = await call(myEnrollmentsRoute.GET, { path: "/me/enrollments", token: tokens.partner });
    expect((theirs.body.items as { id: string }[]).map((e) => e.id)).not.toContain(enrollmentId);
  });

  it("answers a second sign-up with 409 and errors.email", async () => {
    const r = await call(cohortEnrollmentsRoute.POST, { path: path(), id: cohortId, token: tokens.participant, body: signUpBody() });
    expectProblem(r, 409, path());
    expect(r.body).toMatchObject({ code: "alreadySignedUp", errors: { email: ["alreadySignedUp"] } });
  });

  it("answers /me without a token with 401", async () => {
    expectProblem(await call(myEnrollmentsRoute.GET, { path: "/me/enrollments" }), 401, "/me/enrollments");
  });

  it("answers an offer response without an open offer with 409", async () => {
    const p = `/me/enrollments/${enrollmentId}/offer`;
    const r = await call(offerRoute.POST, { path: p, id: enrollmentId, token: tokens.participant, body: { accept: true } });
    expectProblem(r, 409, p);
    expect(r.body.code).toBe("noOpenOffer");
    const bad = await call(offerRoute.POST, { path: p, id: enrollmentId, token: tokens.participant, body: { accept: "yes" } });
    expect(bad.body.errors).toEqual({ accept: ["required"] });
  });

  it("lets only the owner withdraw (someone else gets 404)", async () => {
    const p = `/me/enrollments/${enrollmentId}/withdraw`;
    expectProblem(await call(withdrawRoute.POST, { path: p, id: enrollmentId, token: tokens.partner, body: {} }), 404, p);
    revalidatePath.mockClear();
    const r = await call(withdrawRoute.POST, { path: p, id: enrollmentId, token: tokens.participant, body: { reason: "Geen tijd" } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: enrollmentId, status: "withdrawn" });
    // The freed place shows on the cohort's cached public pages at once.
    expect(revalidatePath).toHaveBeenCalledWith("/[locale]", "layout");
    const again = await call(withdrawRoute.POST, { path: p, id: enrollmentId, token: tokens.participant, method: "POST" });
    expectProblem(again, 409, p);
    expect(again.body.code).toBe("cannotWithdraw");
  });
});

describe("API v1: coordination", () => {
  let enrollmentId: string;
  const listPath = () => `/cohorts/${cohortId}/enrollments`;
  const decisionsPath = () => `/cohorts/${cohortId}/decisions`;

  beforeAll(async () => {
    const r = await call(cohortEnrollmentsRoute.POST, { path: listPath(), id: cohortId, token: tokens.partner, body: signUpBody() });
    expect(r.status).toBe(201);
    enrollmentId = r.body.enrollmentId as string;
  });

  it("lists a cohort's enrollments for its coordinators, searched and filtered", async () => {
    const r = await call(cohortEnrollmentsRoute.GET, { path: `${listPath()}?status=accepted&sort=newest&pageSize=10`, id: cohortId, token: tokens.coordinator });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ page: 1, pageSize: 10 });
    expect((r.body.items as { id: string; email: string }[]).find((e) => e.id === enrollmentId)?.email).toBe("partner@example.org");
    const bad = await call(cohortEnrollmentsRoute.GET, { path: `${listPath()}?status=maybe`, id: cohortId, token: tokens.coordinator });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual({ status: ["invalid"] });
  });

  it("answers another organisation's coordinator with 404, a participant with 403, nobody with 401", async () => {
    expectProblem(await call(cohortEnrollmentsRoute.GET, { path: listPath(), id: cohortId, token: tokens.otherCoordinator }), 404, listPath());
    expectProblem(await call(cohortEnrollmentsRoute.GET, { path: listPath(), id: cohortId, token: tokens.participant }), 403, listPath());
    expectProblem(await call(cohortEnrollmentsRoute.GET, { path: listPath(), id: cohortId }), 401, listPath());
    const p = `/enrollments/${enrollmentId}`;
    expectProblem(await call(enrollmentRoute.GET, { path: p, id: enrollmentId, token: tokens.otherCoordinator }), 404, p);
    expectProblem(await call(enrollmentRoute.GET, { path: p, id: enrollmentId, token: tokens.participant }), 403, p);
  });

  it("refuses decisions by a participant (403) and another organisation (404), and takes the coordinator's", async () => {
    const body = { ids: [enrollmentId], decision: "reject", reason: "Niet passend" };
    const byParticipant = await call(decisionsRoute.POST, { path: decisionsPath(), id: cohortId, token: tokens.participant, body });
    expectProblem(byParticipant, 403, decisionsPath());
    expect(byParticipant.body.code).toBe("forbidden");
    expectProblem(await call(decisionsRoute.POST, { path: decisionsPath(), id: cohortId, token: tokens.otherCoordinator, body }), 404, decisionsPath());
    const bad = await call(decisionsRoute.POST, { path: decisionsPath(), id: cohortId, token: tokens.coordinator, body: { ids: ["x"], decision: "maybe", extra: 1 } });
    expect(bad.body.errors).toEqual({ "ids.0": ["invalid"], decision: ["required"], extra: ["unknownField"] });
    const r = await call(decisionsRoute.POST, { path: decisionsPath(), id: cohortId, token: tokens.coordinator, body });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ changed: [enrollmentId], unchanged: [], refused: [] });
  });

  it("shows an enrollment's detail with its history to the coordinator", async () => {
    const p = `/enrollments/${enrollmentId}`;
    const r = await call(enrollmentRoute.GET, { path: p, id: enrollmentId, token: tokens.coordinator });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: enrollmentId, status: "rejected", cohortId, employer: "Gemeente Zwolle" });
    const history = r.body.history as { fromStatus: string | null; toStatus: string; reason: string; by: { email: string } | null }[];
    expect(history.map((h) => h.toStatus)).toEqual(["accepted", "rejected"]);
    expect(history[1]).toMatchObject({ fromStatus: "accepted", reason: "Niet passend", by: { email: "coordinator@example.org" } });
  });
});

describe("API v1: tokens", () => {
  it("answers a revoked, unknown or malformed token with 401, never falling back to anonymous", async () => {
    const { id, token } = await createApiToken(people.participant, { name: "kort" });
    expect((await call(myEnrollmentsRoute.GET, { path: "/me/enrollments", token })).status).toBe(200);
    await revokeApiToken(people.participant, id);
    for (const auth of [`Bearer ${token}`, "Bearer kpl_nope", "Basic dXNlcjpwYXNz", "Bearer"]) {
      for (const handler of [myEnrollmentsRoute.GET, cohortsRoute.GET]) {
        const r = await call(handler, { path: "/me/enrollments", headers: { authorization: auth } });
        expect(r.status, auth).toBe(401);
        expect(r.res.headers.get("www-authenticate")).toContain('error="invalid_token"');
        expect(r.body.code).toBe("invalidToken");
      }
    }
  });
});
