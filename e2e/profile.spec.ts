import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { signInAsDemo } from "./support/session";

test.use({ timezoneId: "Asia/Shanghai" });

test("a participant sets their own name, language, time zone and phone; a bad phone number is named next to its field", async ({ page }) => {
  await signInAsDemo(page, "participant");
  await page.goto("/en/settings");
  const profile = page.getByRole("region", { name: "Your profile" });
  await expect(profile.getByLabel(/^Name/)).toHaveValue("Pim Jansen");
  await expect(profile.getByLabel(/^Time zone/)).toHaveValue("Europe/Amsterdam");
  await expectAccessible(page);

  await profile.getByLabel(/^Contact phone/).fill("call me");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator("#profile-phone-error")).toHaveText("Enter a phone number with digits only, such as +31 6 12345678.");
  await expect(profile.getByLabel(/^Contact phone/)).toHaveValue("call me");

  // The browser is in Shanghai: one click takes its zone.
  await profile.getByRole("button", { name: "Use this device's time zone" }).click();
  await expect(profile.getByLabel(/^Time zone/)).toHaveValue("Asia/Shanghai");
  await profile.getByLabel(/^Contact phone/).fill("+86 138 0000 0000");
  await profile.getByLabel(/^Language/).selectOption("zh-CN");
  await profile.getByRole("button", { name: "Save profile" }).click();

  // The page comes back in the chosen language, saying it was saved.
  await expect(page).toHaveURL(/\/zh-CN\/settings/);
  await expect(page.getByRole("status").filter({ hasText: "您的个人资料已保存。" })).toBeVisible();
  const zh = page.getByRole("region", { name: "您的个人资料" });
  await expect(zh.getByLabel(/^时区/)).toHaveValue("Asia/Shanghai");
  await expect(zh.getByLabel(/^联系电话/)).toHaveValue("+86 138 0000 0000");
  await expectAccessible(page);

  // Back as it was, for the other tests that use the demo participant.
  await zh.getByLabel(/^时区/).selectOption("Europe/Amsterdam");
  await zh.getByLabel(/^联系电话/).fill("");
  await zh.getByLabel(/^语言/).selectOption("nl");
  await zh.getByRole("button", { name: "保存个人资料" }).click();
  await expect(page).toHaveURL(/\/nl\/settings/);
  await expect(page.getByRole("status").filter({ hasText: "Je profiel is opgeslagen." })).toBeVisible();
});
