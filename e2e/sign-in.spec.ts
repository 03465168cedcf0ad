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

test("a link from a mail opens the sign-in page for the address; without JavaScript it mails a fresh link to where the mail pointed", async ({ browser }) => {
  const address = "admin@example.org";
  const noScript = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
  const page = await noScript.newPage();
  const before = (await mailsTo(address)).length;
  await page.goto(`/en/sign-in?email=${encodeURIComponent(address)}&callbackUrl=${encodeURIComponent("/en/admin/members")}`);
  await expect(page.getByText("To continue, ask for a sign-in link")).toBeVisible();
  await expect(page.getByLabel(/^Email address/)).toHaveValue(address);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("expires in 15 minutes");

  await expect.poll(async () => (await mailsTo(address)).length, { timeout: 20_000 }).toBe(before + 1);
  const first = (await mailsTo(address)).at(-1)!;
  expect(first.text).toMatch(/15 (minutes|minuten|分钟)/);
  const firstLink = linkIn(first, "/api/auth/callback/nodemailer");
  expect(new URL(firstLink).searchParams.get("callbackUrl")).toBe(`${new URL(page.url()).origin}/en/admin/members`);

  // A second request makes a newer link; the first one stops working.
  await page.goto(`/en/sign-in?email=${encodeURIComponent(address)}&callbackUrl=${encodeURIComponent("/en/admin/members")}`);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect.poll(async () => (await mailsTo(address)).length, { timeout: 20_000 }).toBe(before + 2);
  const second = linkIn((await mailsTo(address)).at(-1)!, "/api/auth/callback/nodemailer");
  await page.goto(firstLink);
  await expect(page.locator(".notice.error")).toContainText("expired or was used already");
  await page.goto(second);
  await expect(page).toHaveURL(/\/en\/admin\/members$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  await noScript.close();
});

test("a link from a mail with another site as callbackUrl leads to the start page instead", async ({ page }) => {
  const address = "partner@example.org";
  const before = (await mailsTo(address)).length;
  await page.goto(`/en/sign-in?email=${encodeURIComponent(address)}&callbackUrl=${encodeURIComponent("https://evil.example/steal")}`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("If this address belongs to an account");
  await expect.poll(async () => (await mailsTo(address)).length, { timeout: 20_000 }).toBe(before + 1);
  const link = linkIn((await mailsTo(address)).at(-1)!, "/api/auth/callback/nodemailer");
  expect(new URL(link).searchParams.get("callbackUrl")).toMatch(/^http:\/\/localhost:\d+\/en\/start$/);
});
