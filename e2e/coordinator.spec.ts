import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { signInAsDemo } from "./support/session";

test("a coordinator creates a programme and a cohort; a bad date is shown next to its field and nothing typed is lost", async ({ page }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const programmeName = `Leren in de wijk ${suffix}`;
  await signInAsDemo(page, "coordinator");

  await page.getByRole("link", { name: "New programme" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Name/).fill(programmeName);
  await page.getByLabel(/^Description/).fill("Ambtenaren werken een half jaar mee met een buurtinitiatief.");
  await page.getByLabel(/^Expected effort, at least/).fill("8");
  await page.getByLabel(/^Expected effort, at most/).fill("4");
  await page.getByLabel(/^Duration/).fill("6");
  await page.getByLabel(/^Minimum meetings/).fill("1");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#effortHalfDaysMax-error")).toHaveText("The maximum cannot be lower than the minimum.");
  await expect(page.getByLabel(/^Name/)).toHaveValue(programmeName);
  await page.getByLabel(/^Expected effort, at most/).fill("12");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: programmeName })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Programme ${programmeName} is saved.` })).toBeVisible();
  await expectAccessible(page);
  // Saving an edit of the programme says so, announced.
  await page.getByLabel(/^Minimum meetings/).fill("2");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Programme ${programmeName} saved.` })).toBeVisible();

  await page.getByRole("link", { name: "New cohort" }).click();
  await expect(page.getByLabel(/^Start date/)).toBeVisible();
  await expectAccessible(page);
  const cohortName = `Najaar ${suffix}`;
  await page.getByLabel(/^Name/).fill(cohortName);
  await page.getByLabel(/^Start date/).fill("2027-09-01");
  await page.getByLabel(/^End date/).fill("2027-03-01");
  await page.getByLabel(/^Sign-up opens on/).fill("2027-05-01");
  await page.getByLabel(/^Sign-up deadline/).fill("2027-08-15");
  await page.getByLabel(/^Number of places/).fill("12");
  await page.getByLabel(/^Time zone/).selectOption("Europe/Amsterdam");
  await page.getByRole("button", { name: "Save" }).click();

  const endDate = page.getByLabel(/^End date/);
  await expect(page.locator("#endDate-error")).toHaveText("The end date cannot be before the start date.");
  await expect(endDate).toHaveAttribute("aria-invalid", "true");
  await expect(endDate).toHaveAttribute("aria-describedby", /endDate-error/);
  await expect(page.getByLabel(/^Name/)).toHaveValue(cohortName);
  await expect(page.getByLabel(/^Number of places/)).toHaveValue("12");
  await expectAccessible(page);

  await endDate.fill("2028-03-01");
  // 31 February, typed: the browser cannot read it, and Koppel says so instead of "required".
  const opensOn = page.getByLabel(/^Sign-up opens on/);
  await opensOn.fill("");
  await opensOn.focus();
  // The page is lang="en", so Chromium orders the date field month, day, year.
  await page.keyboard.type("02312027", { delay: 50 });
  expect(await opensOn.evaluate((i: HTMLInputElement) => [i.value, i.validity.badInput, document.activeElement === i])).toEqual(["", true, true]);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#enrollmentOpensOn-error")).toHaveText("This date does not exist. Check the day and the month.");
  await expect(opensOn).toBeFocused();
  await expect(page.getByLabel(/^Name/)).toHaveValue(cohortName);
  await opensOn.fill("2027-05-01");
  await page.getByRole("button", { name: "Save" }).click();
  // The new cohort's page says it was saved, as a draft nobody else sees yet.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(cohortName);
  await expect(page.getByRole("status").filter({ hasText: `${cohortName} is saved as a draft.` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "← Programme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: programmeName })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(cohortName) })).toContainText("Draft");
});

test("another organisation's programme is a 404 for the coordinator", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  const res = await page.goto("/en/coordinator/programmes/00000000-0000-4000-8000-000000000000");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
