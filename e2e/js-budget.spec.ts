import { expect, test } from "@playwright/test";
import { BUDGET_KB, limitFor, measureFirstLoad } from "../scripts/js-budget.mjs";

// Reads the build the e2e run just made (npm run test:e2e builds first); no browser needed.
test("every participant-facing page loads at most 150 kB of JavaScript (gzip) at first", () => {
  const pages = measureFirstLoad();
  expect(pages.length).toBeGreaterThan(20);
  const over = pages.filter((p) => {
    const limit = limitFor(p.route);
    return limit !== null && p.kilobytes > limit;
  });
  expect(over, `over ${String(BUDGET_KB)} kB (or their recorded ceiling): see scripts/js-budget.mjs`).toEqual([]);
  // The pages people open most stay well inside the budget.
  for (const route of ["/[locale]", "/[locale]/(public)/programmes", "/[locale]/(public)/sign-in", "/[locale]/(app)/participant"]) {
    expect(pages.find((p) => p.route === route)?.kilobytes ?? Infinity).toBeLessThanOrEqual(BUDGET_KB);
  }
});
