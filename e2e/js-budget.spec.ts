import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

interface Page {
  route: string;
  kilobytes: number;
  limit: number | null;
}

// Reads the build the e2e run just made (npm run test:e2e builds first); no browser needed.
test("every participant-facing page loads at most 150 kB of JavaScript (gzip) at first", () => {
  const out = execFileSync(process.execPath, ["scripts/js-budget.mjs", "--json"], { encoding: "utf8" });
  const { budget, pages } = JSON.parse(out) as { budget: number; pages: Page[] };
  expect(budget).toBe(150);
  expect(pages.length).toBeGreaterThan(20);
  const over = pages.filter((p) => p.limit !== null && p.kilobytes > p.limit);
  expect(over, "over 150 kB (or their recorded ceiling): see scripts/js-budget.mjs").toEqual([]);
  // The pages people open most stay well inside the budget.
  for (const route of ["/[locale]/(public)", "/[locale]/(public)/programmes", "/[locale]/(public)/sign-in", "/[locale]/(app)/participant"]) {
    expect(pages.find((p) => p.route === route)?.kilobytes ?? Infinity).toBeLessThanOrEqual(budget);
  }
});
