import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { signInAsDemo } from "./support/session";

test("the coordinator lands on their organisation's programmes and cohorts", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  await expect(page).toHaveURL(/\/en\/coordinator$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programmes and cohorts");
  await expect(page.getByRole("link", { name: "EmpoweringPeople", exact: true })).toBeVisible();
  await expect(page.getByText("Voorjaar 2027").first()).toBeVisible();
  // Another organisation's programme is not shown.
  await expect(page.getByText("Westland Werkt Samen")).toHaveCount(0);
  await expect(page.locator("header")).toContainText("Stichting Samen Duurzaam");
  await expectAccessible(page);
});

test("the participant lands on their enrollments", async ({ page }) => {
  await signInAsDemo(page, "participant");
  await expect(page).toHaveURL(/\/en\/participant$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My enrollments");
  await expectAccessible(page);
  // A participant may not open the coordinator pages.
  await page.goto("/en/coordinator");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No access");
});

test("the partner lands on their initiative", async ({ page }) => {
  await signInAsDemo(page, "partner");
  await expect(page).toHaveURL(/\/en\/partner$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My initiative");
  await expect(page.getByText("Buurtmoestuin De Groene Vinger").first()).toBeVisible();
  await expectAccessible(page);
});

test("the header switches language while signed in", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Nederlands" }).click();
  await expect(page).toHaveURL(/\/nl\/coordinator$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programma's en lichtingen");
  await expectAccessible(page);
});
