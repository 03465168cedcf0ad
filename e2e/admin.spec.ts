import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { signInFromMail, waitForMail } from "./support/mail";
import { signInAsDemo } from "./support/session";

test("an admin invites a member by email; the invitation arrives by SMTP and leads to a fresh sign-in link", async ({ page, browser }) => {
  const email = `new.coordinator.${Date.now().toString(36)}@example.org`;
  await signInAsDemo(page, "admin");
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  await expectAccessible(page);

  await page.getByLabel(/^Email address/).fill(email);
  await page.getByLabel(/^Name/).fill("Sanne de Vries");
  await page.getByLabel(/^Role/).selectOption("coordinator");
  await page.getByLabel(/^Language of the invitation/).selectOption("nl");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  const mail = await waitForMail(email, /.+/);
  expect(mail.language).toBe("nl");
  const invited = await browser.newContext();
  const p2 = await invited.newPage();
  await signInFromMail(p2, mail);
  await expect(p2).toHaveURL(/\/coordinator$/);
  await expect(p2.locator("header")).toContainText("Stichting Samen Duurzaam");
  await invited.close();
});

test("a coordinator cannot open the members page", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  await page.goto("/en/admin/members");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No access");
  await expectAccessible(page);
});
