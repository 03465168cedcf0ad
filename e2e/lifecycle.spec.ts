import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { signInAsDemo } from "./support/session";

/** The calendar date `offset` days from today (UTC), as YYYY-MM-DD. */
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** What a visitor (nobody signed in) finds of a cohort: in the catalogue, by its URL, in the API. */
async function visitorSees(visitor: Page, name: string, id: string) {
  await visitor.goto("/en/programmes");
  const listed = (await visitor.getByRole("link", { name }).count()) > 0;
  const page = await visitor.request.get(`/en/programmes/${id}`);
  const api = (await (await visitor.request.get("/api/v1/cohorts?pageSize=100")).json()) as { items: { id: string }[] };
  const one = await visitor.request.get(`/api/v1/cohorts/${id}`);
  return { listed, page: page.status(), inApi: api.items.some((c) => c.id === id), api: one.status() };
}

test("a new cohort is a draft nobody else sees until it is published; archived it disappears again, and it can be deleted while nothing depends on it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const name = `Concept ${Date.now().toString(36)}`;
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await signInAsDemo(page, "coordinator");

  // 1. The coordinator creates a cohort: it is saved as a draft, and the page says what that means.
  await page.getByRole("link", { name: "EmpoweringPeople", exact: true }).click();
  await page.getByRole("link", { name: "New cohort" }).click();
  await page.getByLabel(/^Name/).fill(name);
  await page.getByLabel(/^Start date/).fill(day(20));
  await page.getByLabel(/^End date/).fill(day(200));
  await page.getByLabel(/^Sign-up opens on/).fill(day(-1));
  await page.getByLabel(/^Sign-up deadline/).fill(day(2));
  await page.getByLabel(/^Number of places/).fill("8");
  await expect(page.getByLabel(/^Status/)).toHaveCount(0);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `${name} is saved as a draft. Only coordinators see it until you publish it.` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Publication and archive\s+Draft/ })).toBeVisible();
  await expect(page.getByText("This cohort is a draft: only the coordinators of Stichting Samen Duurzaam see it.")).toBeVisible();
  await expectAccessible(page);
  const id = /\/coordinator\/cohorts\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  // 2. A visitor does not find it: not in the catalogue, a 404 by its address, not in the API.
  expect(await visitorSees(visitor, name, id)).toEqual({ listed: false, page: 404, inApi: false, api: 404 });

  // 3. Saving an edit says so, in a status message.
  await page.getByLabel(/^Number of places/).fill("9");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Cohort ${name} saved.` })).toBeVisible();

  // 4. Published, it is in the catalogue, on its own page and in the API.
  const publish = page.getByRole("button", { name: "Publish cohort" });
  await expect(publish).toHaveAccessibleDescription(/puts .* in the public catalogue/);
  await publish.click();
  await expect(page.getByRole("status").filter({ hasText: `${name} is published: it is in the catalogue now.` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Publication and archive\s+Open for sign-up/ })).toBeVisible();
  expect(await visitorSees(visitor, name, id)).toEqual({ listed: true, page: 200, inApi: true, api: 200 });
  await expectAccessible(visitor);

  // 5. Archived, it is gone for the visitor and read-only for the coordinator; restored, it is back.
  await page.getByRole("button", { name: "Archive cohort" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} is archived.` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Restore cohort" })).toBeVisible();
  expect(await visitorSees(visitor, name, id)).toEqual({ listed: false, page: 404, inApi: false, api: 404 });
  await page.goto("/en/coordinator");
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  await page.getByRole("link", { name: "Archived programmes and cohorts" }).click();
  await expect(page.getByRole("table", { name: "Cohorts" }).getByRole("link", { name })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("table", { name: "Cohorts" }).getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Restore cohort" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} is restored.` })).toBeVisible();
  expect((await visitorSees(visitor, name, id)).listed).toBe(true);

  // 6. Deleting asks first, naming what goes; then the programme says it is gone.
  await page.getByRole("link", { name: `Delete cohort ${name}…` }).click();
  await expect(page.getByText(`Delete the cohort ${name} and its (no sign-up questions) for good? This cannot be undone.`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Yes, delete ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `The cohort ${name} is deleted.` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "EmpoweringPeople" })).toBeVisible();
  expect(await visitorSees(visitor, name, id)).toEqual({ listed: false, page: 404, inApi: false, api: 404 });
  await visitorContext.close();
});

test("a cohort others depend on cannot be deleted, and the page says what depends on it", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  await page.getByRole("link", { name: "Voorjaar 2027", exact: true }).first().click();
  await expect(page.getByText(/^This cohort cannot be deleted: \d+ applications?.*depend on it\. Archive it instead; its records stay\.$/)).toBeVisible();
  await expect(page.getByRole("link", { name: /^Delete cohort/ })).toHaveCount(0);
  // The running cohort shows its state; the draft of the demo shows as a draft.
  await page.goto("/en/coordinator");
  await expect(page.getByRole("row", { name: /Najaar 2026/ })).toContainText("Running");
  await expect(page.getByRole("row", { name: /Gemeente Zwolle 2028/ })).toContainText("Draft");
  await expectAccessible(page);
});

test("the pairs of a running cohort never say 'last meeting' of a meeting nobody confirmed", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  await page.getByRole("link", { name: "Najaar 2026", exact: true }).first().click();
  await page.getByRole("link", { name: "Pairs", exact: true }).click();
  const yusuf = page.getByRole("row", { name: /Yusuf Demir/ });
  await expect(yusuf).toContainText(/meeting logged .+, awaiting confirmation/);
  await expect(yusuf).toContainText("No confirmed meeting");
  const wang = page.getByRole("row", { name: /Wang Fang/ });
  await expect(wang).toContainText("None yet");
  const lotte = page.getByRole("row", { name: /Lotte Bakker/ });
  await expect(lotte).toContainText("Met");
  await expect(lotte).not.toContainText("awaiting");
  await expectAccessible(page);
});
