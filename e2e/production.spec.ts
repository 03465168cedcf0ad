import { expect, test } from "@playwright/test";
import { PROD_URL } from "./support/servers";
import { expectAccessible } from "./support/axe";
import { linkIn, waitForMail } from "./support/mail";

test.use({ baseURL: PROD_URL });

test("in production there is no demo sign-in and no dev mailbox", async ({ page, request }) => {
  await page.goto("/en/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.getByRole("button", { name: /demo/i })).toHaveCount(0);
  await expect(page.getByText(/mailbox/i)).toHaveCount(0);
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);
  await expect(page.getByText(/demo installation/i)).toHaveCount(0);
  await expectAccessible(page);

  const demo = await request.post("/api/demo-sign-in", { form: { role: "coordinator", locale: "en" }, maxRedirects: 0 });
  expect(demo.status()).toBe(404);
  expect(demo.headers()["set-cookie"] ?? "").not.toContain("koppel.session");
  expect((await request.get("/dev/mailbox")).status()).toBe(404);
  // next-auth's own sign-in endpoints cannot be used to mail arbitrary links either.
  expect((await request.post("/api/auth/signin/nodemailer", { form: { email: "x@example.org" }, maxRedirects: 0 })).status()).toBe(404);
});

test("in production the operator's CLI-created admin signs in by magic link, with a __Host- session cookie", async ({ page, context }) => {
  await page.goto("/en/sign-in");
  await page.getByLabel(/^Email address/).fill("admin@prod.example.org");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("If this address belongs to an account");
  const mail = await waitForMail("admin@prod.example.org", /.+/);
  const link = linkIn(mail, "/api/auth/callback/nodemailer");
  expect(link.startsWith(`${PROD_URL}/`)).toBe(true);
  await page.goto(link);
  await expect(page).toHaveURL(/\/coordinator$/);
  await expect(page.locator("header")).toContainText("Gemeente Proef");

  // The session cookie cannot be set by a subdomain or read by scripts, and travels only over https
  // (browsers count http://localhost as secure, which is how this server on localhost works).
  const cookies = await context.cookies(PROD_URL);
  expect(cookies.map((c) => c.name)).not.toContain("koppel.session");
  const session = cookies.find((c) => c.name === "__Host-koppel.session");
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });
  expect(session!.domain).toBe("localhost");
});
