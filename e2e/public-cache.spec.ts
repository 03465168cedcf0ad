import { expect, test, type Browser, type Page } from "@playwright/test";
import en from "../messages/enrollment/en.json";
import nl from "../messages/enrollment/nl.json";
import zh from "../messages/enrollment/zh-CN.json";
import { expectAccessible } from "./support/axe";
import { signInAsDemo } from "./support/session";

// Public pages are served from the cache (ISR), the same HTML for everyone. What differs per
// viewer (the time zone, the countdown, who is signed in) is filled in by the browser.

/** A demo cohort's public page, found through the catalogue. */
async function demoCohortPath(page: Page): Promise<string> {
  await page.goto("/en/programmes");
  const href = await page.getByRole("link", { name: /Voorjaar 2027/ }).first().getAttribute("href");
  expect(href).toMatch(/^\/en\/programmes\/[0-9a-f-]{36}$/);
  return href!;
}

/** The deadline and the zone note as a viewer in `timezoneId` sees them on `path`. */
async function viewIn(browser: Browser, timezoneId: string, path: string) {
  const context = await browser.newContext({ timezoneId, locale: "en-GB" });
  const page = await context.newPage();
  const res = await page.goto(path);
  expect(res?.status()).toBe(200);
  await expect(page.getByText(`Times are shown in your time zone, ${timezoneId}.`)).toBeVisible();
  const deadline = page.locator("dt", { hasText: /^Sign up before$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(deadline).toContainText(timezoneId);
  const view = { cache: res!.headers()["x-nextjs-cache"], deadline: (await deadline.textContent())!, page };
  return { ...view, close: () => context.close() };
}

test("one cached cohort page and catalogue show the deadline in each viewer's own time zone", async ({ page, browser }) => {
  const path = await demoCohortPath(page);
  await page.goto(path); // now it is in the cache, whoever asked first

  const shanghai = await viewIn(browser, "Asia/Shanghai", path);
  const amsterdam = await viewIn(browser, "Europe/Amsterdam", path);
  // The same page from the cache for both…
  expect(shanghai.cache).toBe("HIT");
  expect(amsterdam.cache).toBe("HIT");
  // …yet each sees the instant in their own zone, with a countdown.
  expect(shanghai.deadline).not.toEqual(amsterdam.deadline);
  expect(shanghai.deadline).toMatch(/Closes in \d+/);
  await expectAccessible(shanghai.page);
  await shanghai.close();
  await amsterdam.close();

  for (const zone of ["Asia/Shanghai", "Europe/Amsterdam"]) {
    const context = await browser.newContext({ timezoneId: zone });
    const p = await context.newPage();
    await p.goto("/en/programmes");
    await expect(p.getByText(`Times are shown in your time zone, ${zone}.`)).toBeVisible();
    await expect(p.getByText(new RegExp(`Closes in .*${zone}`)).first()).toBeVisible();
    await context.close();
  }
});

test("each language's catalogue is rendered in that language, also from the cache", async ({ request, page }) => {
  for (const [locale, messages] of [["nl", nl], ["en", en], ["zh-CN", zh]] as const) {
    for (let i = 0; i < 2; i++) {
      const res = await request.get(`/${locale}/programmes`);
      expect(res.status()).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<html lang="${locale}"`);
      expect(html).toContain(`<h1>${messages.catalogue.title}</h1>`);
    }
    await page.goto(`/${locale}/programmes`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages.catalogue.title);
  }
});

test("a cached public page names who is signed in and uses their own time zone, filled in by the browser", async ({ browser }) => {
  // The browser is in Shanghai; the demo participant's own setting is Europe/Amsterdam.
  const context = await browser.newContext({ timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const path = await demoCohortPath(page);
  await page.goto("/en/privacy"); // in the cache from here on, as a visitor saw it
  await page.goto("/en/accessibility");
  const header = page.locator("header.site-header");
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(path);
  await expect(page.getByText("Times are shown in your time zone, Asia/Shanghai.")).toBeVisible();

  await signInAsDemo(page, "participant");
  // A signed-in page names the person from the server.
  await expect(header.getByText(/^Signed in as Pim Jansen/)).toBeVisible();
  for (const publicPath of ["/en/privacy", "/en/accessibility", path]) {
    const res = await page.goto(publicPath);
    expect(res?.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
    await expect(header.getByText(/^Signed in as Pim Jansen/)).toBeVisible();
    await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  }
  // On the cohort page the deadline is in the person's own zone, not the browser's.
  await expect(page.getByText("Times are shown in your time zone, Europe/Amsterdam.")).toBeVisible();
  const deadline = page.locator("dt", { hasText: /^Sign up before$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(deadline).toContainText("Europe/Amsterdam");
  await header.getByRole("link", { name: "My Koppel" }).click();
  await expect(page).toHaveURL(/\/en\/participant$/);
  await context.close();
});

test("a coordinator's change to a cohort's name and places shows on its cached public page at once", async ({ page, browser }) => {
  const suffix = Date.now().toString(36);
  await signInAsDemo(page, "coordinator");
  await page.getByRole("link", { name: "New programme" }).click();
  await expect(page.getByLabel(/^Description/)).toBeVisible();
  await page.getByLabel(/^Name/).fill(`Cache ${suffix}`);
  await page.getByLabel(/^Description/).fill("Een programma om te zien dat publieke pagina's meegaan.");
  await page.getByLabel(/^Expected effort, at least/).fill("4");
  await page.getByLabel(/^Expected effort, at most/).fill("8");
  await page.getByLabel(/^Duration/).fill("6");
  await page.getByLabel(/^Minimum meetings/).fill("1");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Cache ${suffix}` })).toBeVisible();
  await page.getByRole("link", { name: "New cohort" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("New cohort");
  await page.getByLabel(/^Name/).fill(`Eerst ${suffix}`);
  await page.getByLabel(/^Start date/).fill("2027-09-01");
  await page.getByLabel(/^End date/).fill("2028-03-01");
  await page.getByLabel(/^Sign-up opens on/).fill("2026-01-01");
  await page.getByLabel(/^Sign-up deadline/).fill("2027-08-15");
  await page.getByLabel(/^Number of places/).fill("12");
  await page.getByLabel(/^Time zone/).selectOption("Europe/Amsterdam");
  await page.getByRole("button", { name: "Save" }).click();
  // A new cohort is saved as a draft, on its own page: published, visitors see it.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Eerst ${suffix}`);
  await page.getByRole("button", { name: "Publish cohort" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Eerst ${suffix} is published` })).toBeVisible();
  const cohortId = /\/coordinator\/cohorts\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  // A visitor's view, twice: the second comes from the cache.
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/en/programmes/${cohortId}`);
  const cached = await publicPage.goto(`/en/programmes/${cohortId}`);
  expect(cached?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(publicPage.getByRole("heading", { level: 1 })).toContainText(`Eerst ${suffix}`);
  await expect(publicPage.getByText("12 places left of 12")).toBeVisible();

  await page.getByLabel(/^Name/).fill(`Daarna ${suffix}`);
  await page.getByLabel(/^Number of places/).fill("7");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Cohort Daarna ${suffix} saved.` })).toBeVisible();

  await publicPage.goto(`/en/programmes/${cohortId}`);
  await expect(publicPage.getByRole("heading", { level: 1 })).toContainText(`Daarna ${suffix}`);
  await expect(publicPage.getByText("7 places left of 7")).toBeVisible();
  await publicPage.goto("/en/programmes");
  await expect(publicPage.getByRole("link", { name: new RegExp(`Daarna ${suffix}`) })).toBeVisible();
  await visitor.close();
});
