import { revalidatePath } from "next/cache";

/**
 * Public pages (home, catalogue, cohort pages, privacy, accessibility) are cached for everyone
 * (ISR). Call this after a write that changes what they show — a programme, a cohort, its
 * questions, or a count of places (sign-ups, decisions, withdrawals, offers answered, an account
 * deleted) — so the next visitor gets a fresh page. The path is the root layout's: every page
 * under it is invalidated, which for the signed-in pages (rendered per request anyway) costs
 * nothing.
 */
export function revalidatePublicPages(): void {
  revalidatePath("/[locale]", "layout");
}
