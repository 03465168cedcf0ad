import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { pairingFixture } from "@/lib/testing/pairing";
import { fieldErrorsOf } from "@/lib/validation/common";
import { profileSchema } from "@/lib/validation/profile";
import { SYSTEM } from "./actor";
import { getMyProfile, updateMyProfile } from "./profile";

let t: TestDatabase;
let f: Awaited<ReturnType<typeof pairingFixture>>;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await pairingFixture(t.db);
});
afterAll(async () => t.close());

const rowOf = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0]!;
const errorsOf = (input: unknown) => {
  const r = profileSchema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe("a person's own profile", () => {
  it("changes their name, language, time zone and phone, and nobody else's", async () => {
    const cohortId = await f.newCohort();
    const li = await f.participant(cohortId, { name: "Li Wei" });
    const other = await f.participant(cohortId, { name: "Anna de Vries" });
    const before = await rowOf(other.email);

    await updateMyProfile(li.actor, profileSchema.parse({ name: "李伟", locale: "zh-CN", timeZone: "Asia/Shanghai", phone: "+86 138 0000 0000" }));

    expect(await getMyProfile(li.actor)).toEqual({ email: li.email, name: "李伟", locale: "zh-CN", timeZone: "Asia/Shanghai", phone: "+86 138 0000 0000" });
    expect(await rowOf(other.email)).toEqual(before);

    // An empty phone number removes it.
    await updateMyProfile(li.actor, profileSchema.parse({ name: "李伟", locale: "en", timeZone: "Asia/Shanghai", phone: " " }));
    expect((await rowOf(li.email)).phone).toBeNull();
  });

  it("is refused without a signed-in person, and to Koppel's own system actor", async () => {
    const input = profileSchema.parse({ name: "X", locale: "nl", timeZone: "Europe/Amsterdam" });
    await expect(updateMyProfile(null, input)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(updateMyProfile(SYSTEM, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getMyProfile(null)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("says which field is wrong: no name, an unknown language or zone, a phone without digits, unknown fields", () => {
    expect(errorsOf({ name: " ", locale: "fr", timeZone: "Mars/Olympus", phone: "call me" })).toEqual({
      name: ["required"],
      locale: ["choose"],
      timeZone: ["timeZone"],
      phone: ["phone"],
    });
    expect(errorsOf({ name: "A", locale: "nl", timeZone: "UTC", phone: "+31 (0)6 1234-5678" })).toEqual({});
    expect(Object.keys(errorsOf({ name: "A", locale: "nl", timeZone: "UTC", role: "admin" }))).toEqual(["_form"]);
  });
});

describe("a new account's time zone", () => {
  it("is the zone of the browser the person signed up from; an existing account keeps its own", async () => {
    const cohortId = await f.newCohort();
    const fromHefei = await f.participant(cohortId, { timeZone: "Asia/Shanghai" });
    expect((await rowOf(fromHefei.email)).timeZone).toBe("Asia/Shanghai");
    const unknown = await f.participant(cohortId, { timeZone: "" });
    expect((await rowOf(unknown.email)).timeZone).toBe("Europe/Amsterdam");

    // The same person signs up for a second cohort from another zone: the account is not changed.
    const second = await f.newCohort();
    const { signUp } = await import("./enrollments");
    const { signUpSchemaFor } = await import("@/lib/validation/enrollment");
    const input = signUpSchemaFor({ policyAreas: ["Wonen"], questions: [] }).parse({
      name: "Again",
      email: fromHefei.email,
      employer: "Gemeente Deventer",
      jobTitle: "Beleidsadviseur",
      policyAreas: ["Wonen"],
      motivation: "Nog een keer",
      availableHalfDays: 4,
      consent: true,
      timeZone: "America/New_York",
    });
    await signUp(SYSTEM, second, input, { locale: "nl" });
    expect((await rowOf(fromHefei.email)).timeZone).toBe("Asia/Shanghai");
  });
});
