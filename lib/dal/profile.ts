import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type Locale } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { ProfileInput } from "@/lib/validation/profile";
import { requireUser, type Actor } from "./actor";

export interface MyProfile {
  email: string;
  name: string;
  locale: Locale;
  timeZone: string;
  phone: string;
}

/** The signed-in person's own profile, as the settings form shows it. */
export async function getMyProfile(actor: Actor | null): Promise<MyProfile> {
  const me = requireUser(actor);
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email, name: users.name, locale: users.locale, timeZone: users.timeZone, phone: users.phone })
    .from(users)
    .where(eq(users.id, me.userId));
  if (!row) throw new NotFoundError();
  return { ...row, name: row.name ?? "", phone: row.phone ?? "" };
}

/**
 * The person changes their own name, language (of the pages and of every mail to them), time
 * zone (of every time shown or mailed to them) and contact phone. Only ever their own row.
 */
export async function updateMyProfile(actor: Actor | null, input: ProfileInput): Promise<void> {
  const me = requireUser(actor);
  const db = await getDb();
  await db
    .update(users)
    .set({ name: input.name, locale: input.locale, timeZone: input.timeZone, phone: input.phone === "" ? null : input.phone })
    .where(eq(users.id, me.userId));
}
