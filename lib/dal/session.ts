import { cookies } from "next/headers";
import { cache } from "react";
import { sessionCookie } from "@/lib/auth/secret";
import type { UserActor } from "./actor";
import { loadSessionActor } from "./auth";

export const ORG_COOKIE = "koppel.org";

/**
 * The signed-in person for this request, or null: memoised per request, no query at all without a
 * session cookie, else one (lib/dal/auth.ts loadSessionActor). Read directly rather than through
 * next-auth's `auth()`, which rebuilt its configuration and ran three queries on every call.
 */
export const getCurrentActor = cache(async (): Promise<UserActor | null> => {
  const jar = await cookies();
  const token = jar.get(sessionCookie().name)?.value;
  if (!token) return null;
  return loadSessionActor(token, jar.get(ORG_COOKIE)?.value ?? null);
});
