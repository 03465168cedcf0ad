import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";

test("the Dutch home page explains Koppel and lists the demo programmes", async ({ page }) => {
  await page.goto("/nl");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leren door samen te werken met de samenleving");
  await expect(page.getByText("EmpoweringPeople", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Westland Werkt Samen").first()).toBeVisible();
  await expectAccessible(page);
});

test("the English home page is in English", async ({ page }) => {
  await page.goto("/en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Learning by working with society");
  // A demo installation says so on every page, so nobody types real personal data into it.
  await expect(page.getByTestId("demo-banner")).toHaveText(/^Demo\. This is a demo installation with fictional data/);
  await expectAccessible(page);
});

test("/ picks the language from the browser, and the language switch sticks", async ({ browser }) => {
  const dutch = await browser.newContext({ locale: "nl-NL" });
  const page = await dutch.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/nl$/);
  await page.getByRole("navigation", { name: "Taal" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  await dutch.close();

  const english = await browser.newContext({ locale: "en-US" });
  const p2 = await english.newPage();
  await p2.goto("/");
  await expect(p2).toHaveURL(/\/en$/);
  await english.close();
});

test("an unknown page is a localized 404 that passes axe", async ({ page }) => {
  const res = await page.goto("/en/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);
});

test("the health endpoint names the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { status: string; database: string; version: string };
  expect(body.status).toBe("ok");
  expect(body.database).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});

test("the sign-in page works with the keyboard alone", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /skip to/i })).toBeFocused();
  await page.getByLabel(/^Email address/).focus();
  await page.keyboard.type("not-an-address");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Enter one email address, like name@example.org.")).toBeVisible();
  await expect(page.getByLabel(/^Email address/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(/^Email address/)).toHaveValue("not-an-address");
  await expectAccessible(page);
});

test("in demo mode the development mailbox lists queued mail and passes axe", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByLabel(/^Email address/).fill("partner@example.org");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("If this address belongs to an account");
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mailbox");
  await expect(page.getByText("To partner@example.org").first()).toBeVisible();
  await expectAccessible(page);
});

test("every page names Koppel's icon, and the browser finds it (no 404 for a favicon)", async ({ page, request }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/en");
  const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(missing).toEqual([]);
});

test("every page's footer leads to the accessibility statement, which says what was tested, the known gaps and how to report a problem", async ({ page }) => {
  for (const path of ["/en", "/en/programmes", "/en/sign-in"]) {
    await page.goto(path);
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" })).toBeVisible();
  }
  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  for (const heading of ["Status", "What was tested, and how", "Known gaps", "Found a problem?"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expectAccessible(page);
  await page.goto("/nl/accessibility");
  await expect(page.getByRole("heading", { level: 1, name: "Toegankelijkheidsverklaring" })).toBeVisible();
  await page.goto("/zh-CN/accessibility");
  await expect(page.getByRole("heading", { level: 1, name: "无障碍声明" })).toBeVisible();
});
