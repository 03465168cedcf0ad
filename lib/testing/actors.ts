import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { organisations, users } from "@/db/schema";
import { loadActor, type UserActor } from "@/lib/dal/actor";

/** Seeds the demo data and returns its people as DAL actors. */
export async function seedAndLoadActors(db: Db) {
  await seedDemoData(db);
  const actor = async (email: string): Promise<UserActor> => {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const a = u && (await loadActor(u.id));
    if (!a) throw new Error(`no demo user ${email}`);
    return a;
  };
  const org = async (slug: string) => {
    const [o] = await db.select().from(organisations).where(eq(organisations.slug, slug));
    return o!;
  };
  return {
    admin: await actor("admin@example.org"),
    coordinator: await actor("coordinator@example.org"),
    participant: await actor("participant@example.org"),
    partner: await actor("partner@example.org"),
    otherCoordinator: await actor("westland@example.org"),
    foundation: await org("samen-duurzaam"),
    westland: await org("gemeente-westland"),
  };
}
