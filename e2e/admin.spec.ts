import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { mailsTo, signInFromMail, waitForMail } from "./support/mail";
import { signInAsDemo } from "./support/session";

test("an admin invites a member by email; the invitation arrives by SMTP and leads to a fresh sign-in link", async ({ page, browser }) => {
  const email = `new.coordinator.${Date.now().toString(36)}@example.org`;
  await signInAsDemo(page, "admin");
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  await expectAccessible(page);

  await page.getByLabel(/^Email address/).fill(email);
  await page.getByLabel(/^Name/).fill("Sanne de Vries");
  await page.getByLabel(/^Role \(required\)/).selectOption("coordinator");
  await page.getByLabel(/^Language of the invitation/).selectOption("nl");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation sent" })).toContainText(`Invitation sent to ${email}`);
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  const mail = await waitForMail(email, /.+/);
  expect(mail.language).toBe("nl");

  // Not signed in yet: the admin can send the invitation again, and it arrives again.
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
  await expect(row).toContainText("Invited, not signed in yet");
  await row.getByRole("button", { name: /^Send the invitation again/ }).click();
  await expect(page.getByText(`The invitation was sent to ${email} again.`)).toBeVisible();
  await expect.poll(async () => (await mailsTo(email)).length, { timeout: 20_000 }).toBe(2);
  await expectAccessible(page);

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

test("an admin changes a member's role and removes them, then finds both in the audit log and downloads it as CSV", async ({ page }) => {
  const email = `wissel.${Date.now().toString(36)}@example.org`;
  await signInAsDemo(page, "admin");
  await page.goto("/en/admin/members");
  await page.getByLabel(/^Email address/).fill(email);
  await page.getByLabel(/^Name/).fill("Rolf Wissel");
  await page.getByLabel(/^Role \(required\)/).selectOption("participant");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  await page.getByLabel("Role of Rolf Wissel").selectOption("coordinator");
  await page.getByRole("button", { name: "Save role (Rolf Wissel)" }).click();
  await expect(page.getByRole("status").filter({ hasText: email })).toHaveText(`${email} is now Coordinator.`);
  await expect(page.getByLabel("Role of Rolf Wissel")).toHaveValue("coordinator");

  // The last admin cannot be demoted: the page says why.
  await page.getByLabel("Role of Anna Bakker").selectOption("coordinator");
  await page.getByRole("button", { name: "Save role (Anna Bakker)" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "last administrator" })).toBeVisible();
  await expect(page.getByLabel("Role of Anna Bakker")).toHaveValue("admin");

  await page.locator("summary", { hasText: "Remove (Rolf Wissel)" }).click();
  await expect(page.getByText("Rolf Wissel loses access to this organisation at once")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, remove Rolf Wissel" }).click();
  await expect(page.getByRole("status").filter({ hasText: email })).toHaveText(`${email} was removed from the organisation.`);
  await expect(page.getByRole("cell", { name: email })).toHaveCount(0);

  await page.getByRole("link", { name: "Audit log", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await expectAccessible(page);
  const changed = page.getByRole("row").filter({ hasText: `${email}: Participant → Coordinator` });
  await expect(changed).toContainText("Role changed");
  await expect(changed).toContainText("Anna Bakker");
  await expect(page.getByRole("row").filter({ hasText: `${email} (Coordinator)` })).toContainText("Member removed");

  await page.getByLabel("Kind of event").selectOption("member_removed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=member_removed/);
  await expect(page.getByRole("row").filter({ hasText: "Role changed" })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^koppel-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString("utf8");
  expect(csv).toContain("time_utc,action,actor_email");
  const line = csv.split("\r\n").find((l) => l.includes(email));
  expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z,member_removed,admin@example\.org,Anna Bakker,user,/);
  expect(line).toContain(`""email"":""${email}""`);
  expect(csv).not.toContain("member_role_changed");
});

test("a coordinator can open neither the audit log nor its export", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  await page.goto("/en/admin/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No access");
  await expectAccessible(page);
  const res = await page.request.get("/en/admin/audit/export");
  expect(res.status()).toBe(403);
  expect(res.headers()["content-type"]).toBe("application/problem+json");
});
