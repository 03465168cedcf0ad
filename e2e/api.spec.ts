import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { DEMO_URL } from "./support/servers";
import { signInAsDemo } from "./support/session";

test("a participant creates an API token on the settings page, uses it, and revokes it", async ({ page, request }) => {
  await signInAsDemo(page, "participant");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expectAccessible(page);

  // An empty name is refused next to the field.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByLabel(/^Token name/)).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel(/^Token name/).fill("HR-portaal");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByLabel("Your new API token");
  await expect(shown).toBeVisible();
  const token = await shown.inputValue();
  expect(token.length).toBeGreaterThan(30);
  await expectAccessible(page);

  const auth = { Authorization: `Bearer ${token}` };
  const mine = await request.get(`${DEMO_URL}/api/v1/me/enrollments`, { headers: auth });
  expect(mine.status()).toBe(200);
  const body: unknown = await mine.json();
  expect(JSON.stringify(body)).toContain("Najaar 2026");

  // The token is shown once: after a reload only its prefix is listed.
  await page.reload();
  await expect(page.getByLabel("Your new API token")).toHaveCount(0);
  const row = page.getByRole("row", { name: /HR-portaal/ });
  await expect(row).toBeVisible();
  expect(await page.content()).not.toContain(token);

  // A bad body is a problem document with the field named, not a 500.
  const cohorts = (await (await request.get(`${DEMO_URL}/api/v1/cohorts`)).json()) as { items: { id: string; name: string }[] };
  const spring = cohorts.items.find((c) => c.name === "Voorjaar 2027");
  expect(spring).toBeDefined();
  const bad = await request.post(`${DEMO_URL}/api/v1/cohorts/${spring!.id}/enrollments`, {
    headers: { ...auth, "Content-Type": "application/json" },
    data: { name: "X", surprise: true },
  });
  expect(bad.status()).toBe(422);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
  const problem = (await bad.json()) as { status: number; errors?: unknown };
  expect(problem.status).toBe(422);
  expect(JSON.stringify(problem.errors)).toContain("surprise");

  // A participant cannot list a cohort's enrollments.
  const refused = await request.get(`${DEMO_URL}/api/v1/cohorts/${spring!.id}/enrollments`, { headers: auth });
  expect(refused.status()).toBe(403);

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: /Revoke/ }).click();
  await expect(page.getByRole("row", { name: /HR-portaal/ })).toHaveCount(0);
  const after = await request.get(`${DEMO_URL}/api/v1/me/enrollments`, { headers: auth });
  expect(after.status()).toBe(401);
});

test("the OpenAPI description is served and names the endpoints", async ({ request }) => {
  const res = await request.get(`${DEMO_URL}/api/v1/openapi.json`);
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toMatch(/^3\./);
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/cohorts", "/me/enrollments"]));
});

test("a coordinator adds a sign-up question of their own, which appears on the public form", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  await page.goto("/en/coordinator");
  await page.getByRole("link", { name: "Gemeente Zwolle 2027" }).first().click();
  await page.getByRole("link", { name: "Sign-up questions" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  const label = `Welke wijk kent u het best? ${Date.now().toString(36)}`;
  await page.getByLabel(/^Question/).first().fill(label);
  await page.getByRole("button", { name: /Add question|Save/ }).first().click();
  await expect(page.getByText(label)).toBeVisible();
  await expectAccessible(page);

  await page.goto("/en/programmes");
  await page.getByRole("link", { name: /Gemeente Zwolle 2027/ }).first().click();
  await expect(page.getByLabel(new RegExp(label.replace(/[?]/g, "\\?")))).toBeVisible();
});
