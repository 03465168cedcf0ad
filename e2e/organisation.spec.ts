import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { signInAsDemo } from "./support/session";

// A 1 × 1 PNG: what a real logo file starts with (the server judges files by their first bytes).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

test("an admin sets the organisation's contact and logo; a file that is not an image is refused next to its field, and the cohort's public page shows the contact and logo", async ({ page, browser }) => {
  const id = Date.now().toString(36);
  const contact = `vragen.${id}@samenduurzaam.example.org`;
  await signInAsDemo(page, "admin");
  await page.goto("/en/admin/organisation");
  await expect(page.getByRole("heading", { level: 1, name: "Organisation" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(/^Contact e-mail address/).fill(contact);
  await page.getByLabel(/^Contact phone number/).fill("+31 30 123 4567");
  // Text dressed up as a PNG: refused by its content, with the message next to the field; what was typed stays.
  await page.getByLabel(/^Upload a logo|^Upload another logo/).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("this is not an image") });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#logo-error")).toHaveText("This file is not a PNG, JPEG or WebP image. Choose such an image (SVG is not accepted).");
  await expect(page.getByLabel(/^Contact e-mail address/)).toHaveValue(contact);
  await expectAccessible(page);

  await page.getByLabel(/^Upload a logo|^Upload another logo/).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved. The public pages show the new details.")).toBeVisible();

  // A visitor (no session) sees the organisation's contact and logo on one of its cohorts' pages.
  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  await v.goto("/en/programmes");
  await v.getByRole("link", { name: /Voorjaar 2027/ }).first().click();
  await expect(v.getByRole("heading", { level: 1 })).toContainText("Voorjaar 2027");
  await expect(v.getByRole("link", { name: contact })).toHaveAttribute("href", `mailto:${contact}`);
  await expect(v.getByRole("link", { name: "+31 30 123 4567" })).toBeVisible();
  const logo = v.getByRole("img", { name: /Stichting Samen Duurzaam/ });
  await expect(logo).toBeVisible();
  const res = await v.request.get((await logo.getAttribute("src"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  await expectAccessible(v);
  await visitor.close();
});

test("a coordinator cannot open the organisation settings", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  const res = await page.goto("/en/admin/organisation");
  expect(res?.status()).toBe(403);
  await expect(page.getByLabel(/^Contact e-mail address/)).toHaveCount(0);
});

test("a coordinator links several approved partners to a cohort at once, each with its places, and is told who was linked", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  await page.goto("/en/coordinator");
  await page.getByRole("link", { name: "Gemeente Zwolle 2028", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Gemeente Zwolle 2028");
  await page.goto(`${page.url().replace(/\?.*$/, "")}/pairing?tab=partners`);
  const form = page.getByRole("group", { name: "Approved partners not yet linked to this cohort" });
  await expect(form).toBeVisible();
  await expectAccessible(page);

  const boxes = form.getByRole("checkbox");
  expect(await boxes.count()).toBeGreaterThanOrEqual(2);
  const names: string[] = [];
  for (const i of [0, 1]) {
    const box = boxes.nth(i);
    const name = (await page.locator(`label[for="${await box.getAttribute("id")}"]`).innerText()).trim();
    names.push(name);
    await box.check();
    await page.getByLabel(`Places for ${name}`).fill(String(i + 1));
  }
  await page.getByRole("button", { name: "Link the ticked partners" }).click();
  const status = page.getByRole("status").filter({ hasText: "Linked 2 partners" });
  await expect(status).toContainText(`${names[0]} (1 place)`);
  await expect(status).toContainText(`${names[1]} (2 places)`);
  // Linked now, so no longer offered for linking.
  await expect(page.getByRole("checkbox", { name: names[0] })).toHaveCount(0);
  await expectAccessible(page);
});
