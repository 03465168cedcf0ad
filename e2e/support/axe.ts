import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * axe-core with the WCAG 2.1 A and AA rules on the page once it shows; fails listing each
 * violation. Shows: loaded (every script has run), the main landmark's heading visible (not a
 * loading state) and the title in place (after a server action the router re-renders the page and
 * streams its metadata again, so for a moment there is none). It does not wait for the network to
 * go quiet: that took at least 500 ms a check, for link prefetches axe does not look at.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await expect(page.getByRole("main").getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}
