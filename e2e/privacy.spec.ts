import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { linkIn, mailsTo, waitForMail } from "./support/mail";
import { signInAsDemo } from "./support/session";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

test("the demo participant downloads their data as JSON and reads it on a page", async ({ page }) => {
  await signInAsDemo(page, "participant");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Your data" })).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download your data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^koppel-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync(await download.path(), "utf8")) as {
    account: { email: string; name: string };
    enrollments: { cohort: string; status: string; motivation: string; history: unknown[] }[];
  };
  expect(data.account).toMatchObject({ email: "participant@example.org", name: "Pim Jansen" });
  const spring = data.enrollments.find((e) => e.cohort === "Najaar 2026");
  expect(spring).toMatchObject({ status: "accepted", motivation: expect.stringContaining("beleid") });
  expect(Array.isArray(spring!.history)).toBe(true);
  // Another participant of the same organisation is not in it.
  expect(JSON.stringify(data)).not.toContain("li.wei@example.org");

  await page.getByRole("link", { name: "See your data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Najaar 2026 (EmpoweringPeople, Stichting Samen Duurzaam)" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Najaar 2026 (EmpoweringPeople) with Buurtmoestuin De Groene Vinger" })).toBeVisible();
  await expect(page.getByText(spring!.motivation)).toBeVisible();
  await expect(page.getByText("Li Wei")).toHaveCount(0);
  await expectAccessible(page);
});

/** A new person signs up through the catalogue form, confirms from the mail, and signs in with the link of the status mail. */
async function newConfirmedPerson(page: Page) {
  const id = unique();
  const person = { name: `Dirk Delete${id}`, email: `dirk.${id}@example.org` };
  await page.goto("/en/programmes");
  await page.getByRole("link", { name: /Voorjaar 2027/ }).first().click();
  await page.waitForLoadState("networkidle");
  await page.getByLabel(/^Full name/).fill(person.name);
  await page.getByLabel(/^Email address/).fill(person.email);
  await page.getByLabel(/^Employer/).fill("Gemeente Deventer");
  await page.getByLabel(/^Department/).fill("Wonen");
  await page.getByLabel(/^Job title/).fill("Adviseur");
  const areas = page.getByRole("group", { name: /Your policy areas/ });
  if (await areas.count()) await areas.getByRole("checkbox").first().check();
  await page.getByLabel(/^Why do you want to take part/).fill("Een motivatie die straks gewist moet zijn.");
  await page.getByLabel(/^How many half-days/).fill("4");
  const earlier = page.getByRole("group", { name: /Heb je eerder/ });
  if (await earlier.count()) await earlier.getByRole("radio", { name: "No" }).check();
  await page.getByLabel(/^I agree that my sign-up is stored/).check();
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("status")).toContainText("One more step: confirm your sign-up");
  await page.goto(linkIn(await waitForMail(person.email, /Confirm your sign-up for/), "/confirm?token="));
  await page.getByRole("button", { name: "Confirm my sign-up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your sign-up is confirmed" })).toBeVisible();
  await waitForMail(person.email, /We received your sign-up for Voorjaar 2027/);
  return person;
}

/** Asks for a sign-in link on the sign-in page and returns the `n`th one that arrived. */
async function signInLink(page: Page, email: string, n: number): Promise<string> {
  await page.goto("/en/sign-in");
  await page.getByLabel(/^Email address/).fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("If this address belongs to an account");
  const links = async () => (await mailsTo(email)).filter((m) => /sign-in link/i.test(m.subject));
  await expect.poll(async () => (await links()).length, { timeout: 20_000 }).toBe(n);
  return linkIn((await links())[n - 1]!, "/api/auth/callback/nodemailer");
}

test("a fresh account deletes itself, without JavaScript, and can no longer sign in", async ({ page, browser }) => {
  const person = await newConfirmedPerson(page);
  await page.goto(await signInLink(page, person.email, 1));
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // The confirmation is a plain form: it works with JavaScript switched off.
  const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
  const noJs = await context.newPage();
  const asker = await browser.newContext({ locale: "en-GB" });
  const link = await signInLink(await asker.newPage(), person.email, 2);
  await asker.close();
  await noJs.goto(link);
  await expect(noJs.getByRole("button", { name: "Sign out" })).toBeVisible();
  await noJs.goto("/en/settings/delete-account");
  await expect(noJs.getByRole("heading", { level: 1, name: "Delete your account" })).toBeVisible();
  await expect(noJs.getByRole("heading", { level: 2, name: "What is erased" })).toBeVisible();
  await expect(noJs.getByRole("heading", { level: 2, name: /What is kept/ })).toBeVisible();
  await expect(noJs.getByText("One open sign-up is withdrawn.")).toBeVisible();

  // A wrong address is refused next to the field, and what was typed stays.
  await noJs.getByLabel(/^Type your email address to confirm/).fill("someone.else@example.org");
  await noJs.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(noJs.locator("#confirm-email-error")).toHaveText(/not the email address of your account/);
  await expect(noJs.getByLabel(/^Type your email address to confirm/)).toHaveValue("someone.else@example.org");

  await noJs.getByLabel(/^Type your email address to confirm/).fill(person.email);
  await noJs.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(noJs).toHaveURL(/\/en\/account-deleted$/);
  await expect(noJs.getByRole("heading", { level: 1, name: "Your account has been deleted" })).toBeVisible();
  await context.close();

  // The page that says so is accessible; the session in the first browser ended too.
  await page.goto("/en/account-deleted");
  await expectAccessible(page);
  await page.goto("/en/settings");
  await expect(page).toHaveURL(/\/sign-in/);

  // No sign-in link is sent to the old address any more.
  await page.getByLabel(/^Email address/).fill(person.email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("If this address belongs to an account");
  await page.waitForTimeout(3000);
  expect((await mailsTo(person.email)).filter((m) => /sign-in link/i.test(m.subject))).toHaveLength(2);
});

test("the delete page refuses the last admin and is accessible with JavaScript", async ({ page }) => {
  await signInAsDemo(page, "admin");
  await page.goto("/en/settings/delete-account");
  await expect(page.getByRole("alert").filter({ hasText: "only administrator of Stichting Samen Duurzaam" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete my account for good" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the coordinator sees when a cohort's personal data is anonymised and sets the programme's retention", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  await page.goto("/en/coordinator");
  await page.getByRole("link", { name: "Voorjaar 2027", exact: true }).first().click();
  await expect(page.getByText(/Personal data of this cohort will be anonymised on .+ \(24 months after its end date\)/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "← Programme" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Anonymisation in the next 60 days" })).toBeVisible();
  const months = page.getByLabel(/^Keep personal data for/);
  await expect(months).toHaveValue("24");
  await months.fill("0");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#retentionMonths-error")).toHaveText("This number is too small.");
  await expectAccessible(page);
});
