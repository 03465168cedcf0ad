import { cookies } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { loadActor, type UserActor } from "./actor";

export const ORG_COOKIE = "koppel.org";

/** The signed-in person for this request (once per request), or null. */
export const getCurrentActor = cache(async (): Promise<UserActor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const preferred = (await cookies()).get(ORG_COOKIE)?.value ?? null;
  return loadActor(userId, preferred);
});
