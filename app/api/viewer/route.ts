import { listMyEnrollments } from "@/lib/dal/enrollment-queries";
import { getCurrentActor } from "@/lib/dal/session";

export const dynamic = "force-dynamic";

/** What components/viewer.tsx gets: the per-person parts of cached public pages. */
export type ViewerJson =
  | { signedIn: false }
  | { signedIn: true; name: string; email: string; accountName: string; timeZone: string; enrollments: { cohortId: string; status: string }[] };

/**
 * Who is looking at a public page: public pages are cached and the same for everyone, so the
 * browser asks here for "signed in as", the person's own time zone and their enrollments (to say
 * "you are already enrolled" instead of showing the sign-up form). Never cached anywhere.
 */
export async function GET(): Promise<Response> {
  const headers = { "cache-control": "private, no-store" };
  const actor = await getCurrentActor();
  if (!actor) return Response.json({ signedIn: false } satisfies ViewerJson, { headers });
  const mine = await listMyEnrollments(actor);
  const body: ViewerJson = {
    signedIn: true,
    name: actor.name ?? actor.email,
    email: actor.email,
    accountName: actor.name ?? "",
    timeZone: actor.timeZone,
    enrollments: mine.filter((e) => e.status !== "withdrawn").map((e) => ({ cohortId: e.cohortId, status: e.status })),
  };
  return Response.json(body, { headers });
}
