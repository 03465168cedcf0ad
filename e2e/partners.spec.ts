import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { signInFromMail, waitForMail } from "./support/mail";
import { signInAsDemo } from "./support/session";

test("a coordinator invites a coach; the invitation arrives over SMTP, and the coach signs in and updates the help request", async ({ page, browser }) => {
  const id = Date.now().toString(36);
  const coach = `Buddy Noor ${id}`;
  const owner = { name: `Noor Bakker${id}`, email: `noor.${id}@example.org` };

  await signInAsDemo(page, "coordinator");
  await page.goto("/en/coordinator/partners");
  await page.getByRole("link", { name: "Invite a partner" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invite a partner" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("radio", { name: /^Coach/ }).check();
  await page.getByLabel(/^Name/).first().fill(coach);
  await page.getByRole("group", { name: /^Policy areas/ }).getByRole("checkbox", { name: "Werk en inkomen", exact: true }).check();
  await page.getByRole("checkbox", { name: "English" }).check();
  await page.getByLabel(/^Website/).fill("javascript:alert(1)");
  await page.getByLabel(/^Owner.s name/).fill(owner.name);
  await page.getByLabel(/^Owner.s email address/).fill(owner.email);
  await page.getByLabel(/^Language of the invitation/).selectOption({ label: "English" });
  // A web address that is not http(s) is refused next to its field; nothing typed is lost.
  await page.getByRole("button", { name: "Add partner and send invitation" }).click();
  await expect(page.locator("#website-error")).toBeVisible();
  await expect(page.getByRole("group", { name: /^Policy areas/ }).getByRole("checkbox", { name: "Werk en inkomen", exact: true })).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel(/^Website/).fill("https://buddy.example.org");
  await page.getByRole("button", { name: "Add partner and send invitation" }).click();
  await expect(page.getByText(`${coach} has been added and approved`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(coach);
  await expectAccessible(page);

  // The invitation arrives in the language chosen; its link leads to a fresh sign-in link.
  const mail = await waitForMail(owner.email, new RegExp(`${coach} is on Koppel`));
  expect(mail.text).toContain("check your help request");
  const ownerContext = await browser.newContext({ locale: "en-GB" });
  const ownerPage = await ownerContext.newPage();
  await signInFromMail(ownerPage, mail);
  await expect(ownerPage).toHaveURL(/\/en\/partner$/);
  await expect(ownerPage.getByRole("heading", { level: 1, name: "My initiative" })).toBeVisible();
  await expect(ownerPage.getByText(coach).first()).toBeVisible();
  await expectAccessible(ownerPage);

  // The owner writes the help request; it shows on their start page.
  await ownerPage.getByRole("link", { name: "Edit help request" }).first().click();
  await expect(ownerPage.getByRole("heading", { level: 1, name: "Edit help request" })).toBeVisible();
  await expectAccessible(ownerPage);
  await ownerPage.getByLabel(/^Your help request/).fill("Ik begeleid werkzoekenden; zoek een ambtenaar die de regels van de bijstand kent.");
  await ownerPage.getByRole("button", { name: "Save" }).click();
  const saved = ownerPage.getByRole("status").filter({ hasText: "Saved." });
  await expect(saved).toBeVisible();
  await expectAccessible(ownerPage);
  await saved.getByRole("link", { name: "Back to my initiative" }).click();
  await expect(ownerPage.getByText("zoek een ambtenaar die de regels van de bijstand kent")).toBeVisible();
  await ownerContext.close();
});
