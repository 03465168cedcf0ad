import { sql } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import { RateLimitedError } from "@/lib/errors";
import type { DbOrTx } from "./tx";

/**
 * Public forms that make an account and send mail without anyone signed in (sign-up for a
 * cohort, registering an initiative): per address and per network address, in an hour. Signed-in
 * people are not limited here; they are accountable and the sign-in itself is limited.
 */
export const PUBLIC_FORM_RATE = { perAddress: 5, perIp: 30, windowSeconds: 60 * 60 } as const;

/**
 * Counts one anonymous submission of a public form; throws RateLimitedError past either limit.
 * The network address is counted when the caller knows it (a web request always does).
 */
export async function limitPublicForm(db: DbOrTx, form: "signup" | "partner", who: { email: string; ip?: string }): Promise<void> {
  const okAddress = await hitRateLimit(db, `${form}:addr:${who.email.trim().toLowerCase()}`, PUBLIC_FORM_RATE.perAddress, PUBLIC_FORM_RATE.windowSeconds);
  const okIp = who.ip ? await hitRateLimit(db, `${form}:ip:${who.ip}`, PUBLIC_FORM_RATE.perIp, PUBLIC_FORM_RATE.windowSeconds) : true;
  if (!okAddress || !okIp) throw new RateLimitedError();
}

/** Counts one hit on `key` in a fixed window; true while the count stays within `limit`. */
export async function hitRateLimit(db: DbOrTx, key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const now = new Date();
  const windowStart = new Date(now.getTime() - windowSeconds * 1000);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} <= ${windowStart.toISOString()}::timestamptz THEN 1 ELSE ${rateLimits.count} + 1 END`,
        windowStart: sql`CASE WHEN ${rateLimits.windowStart} <= ${windowStart.toISOString()}::timestamptz THEN ${now.toISOString()}::timestamptz ELSE ${rateLimits.windowStart} END`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 1) <= limit;
}
