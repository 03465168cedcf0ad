import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { linkIn, mailsTo, waitForMail } from "./support/mail";

test("magic-link sign-in through a real SMTP server, then sign-out ends the session on the server", async ({ page, context }) => {
  await page.goto("/en/sign-in");
  await expectAccessible(page);
  await page.getByLabel(/^Email address/).fill("  Coordinator@Example.org ");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("If this address belongs to an account");

  const mail = await waitForMail("coordinator@example.org", /sign-in link|aanmeldlink|登录链接/i);
  expect(mail.to).toEqual(["coordinator@example.org"]);
  const link = linkIn(mail, "/api/auth/callback/nodemailer");
  await page.goto(link);
  await expect(page).toHaveURL(/\/coordinator$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/Stichting Samen Duurzaam/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Sign out|Afmelden|Uitloggen|退出/ })).toBeVisible();
  await expectAccessible(page);

  const session = (await context.cookies()).find((c) => c.name === "koppel.session");
  expect(session).toBeDefined();
  await page.getByRole("button", { name: /Sign out|Afmelden|Uitloggen|退出/ }).click();
  await expect(page.getByRole("link", { name: /Sign in|Aanmelden|Inloggen|登录/ }).first()).toBeVisible();

  // The old session token no longer works, even when the browser sends it again.
  await context.addCookies([{ ...session!, expires: -1 }]);
  await page.goto("/en/coordinator");
  await expect(page).toHaveURL(/\/sign-in/);

  // The link worked once only.
  await page.goto(link);
  await expect(page.locator(".notice.error")).toContainText("expired or was used already");
});

test("an unknown address gets the same answer and no mail", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByLabel(/^Email address/).fill("nobody-here@example.org");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("If this address belongs to an account");
  // Give the worker time to send anything it would have sent.
  await page.waitForTimeout(3000);
  expect(await mailsTo("nobody-here@example.org")).toEqual([]);
});

test("an address that could reach two recipients is refused next to the field", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByLabel(/^Email address/).fill("participant@example.org, coordinator@example.org");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter one email address, like name@example.org.");
});
