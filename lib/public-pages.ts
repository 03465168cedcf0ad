import { revalidatePath } from "next/cache";
import { after } from "next/server";

const ROOT_LAYOUT = "/[locale]";

/**
 * Public pages (home, catalogue, cohort pages, privacy, accessibility) are cached for everyone
 * (ISR). Call this after a write that changes what they show — a programme, a cohort, its
 * questions, or a count of places (sign-ups, decisions, withdrawals, offers answered, an account
 * deleted) — so the next visitor gets a fresh page. The path is the root layout's: every page
 * under it is invalidated, which for the signed-in pages (rendered per request anyway) costs
 * nothing.
 *
 * Twice, on purpose: now, so that the page the action re-renders is fresh; and once the response
 * is sent (after()), because a server action that ends in redirect() only passes its pending
 * revalidations on to the page it redirects to and never stores them (Next 16's action handler):
 * publishing a cohort from a one-button form left the catalogue cached without it.
 */
export function revalidatePublicPages(): void {
  revalidatePath(ROOT_LAYOUT, "layout");
  try {
    after(() => revalidatePath(ROOT_LAYOUT, "layout"));
  } catch {
    // Outside a request (a script or a test calling the action directly): nothing is cached there.
  }
}
