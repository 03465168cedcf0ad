import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { linkIn, waitForMail } from "./support/mail";
import { signInAsDemo } from "./support/session";

/** Presses Tab until `target` has focus; fails if it is not reachable in `max` steps. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("a person signs up for a cohort with the keyboard alone", async ({ page }) => {
  const id = Date.now().toString(36);
  await page.goto("/en/programmes");
  await tabTo(page, page.getByRole("link", { name: /Gemeente Zwolle 2027/ }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Gemeente Zwolle 2027");
  await page.waitForLoadState("networkidle");

  const type = async (label: RegExp, text: string) => {
    await tabTo(page, page.getByLabel(label));
    await page.keyboard.type(text);
  };
  await type(/^Full name/, `Dewi Toetsenbord${id}`);
  const email = `dewi.${id}@example.org`;
  await type(/^Email address/, email);
  await type(/^Employer/, "Gemeente Deventer");
  await type(/^Job title/, "Adviseur wonen");
  await tabTo(page, page.getByRole("checkbox", { name: "Wonen" }));
  await page.keyboard.press("Space");
  await type(/^Why do you want to take part/, "Ik wil de wijk beter leren kennen.");
  await type(/^How many half-days/, "4");
  // Submitting without consent: the error is announced next to the box and focus goes there.
  await page.keyboard.press("Enter");
  const consent = page.getByLabel(/^I agree that my sign-up is stored/);
  await expect(page.locator("#consent-error")).toBeVisible();
  await expect(consent).toBeFocused();
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Sign up" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("One more step: confirm your sign-up");
  await expect(page.getByRole("status")).toBeFocused();
  await expectAccessible(page);

  // The link in the mail opens the confirmation page; its button is reached and pressed with the keyboard.
  const mail = await waitForMail(email, /Confirm your sign-up for Gemeente Zwolle 2027/);
  await page.goto(linkIn(mail, "/confirm?token="));
  await tabTo(page, page.getByRole("button", { name: "Confirm my sign-up" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("You have a place");
  await expectAccessible(page);
});

test("the privacy statement and the catalogue in every language pass axe", async ({ page }) => {
  await page.goto("/en/privacy");
  await expect(page.getByRole("heading", { level: 1, name: "Privacy statement" })).toBeVisible();
  await expectAccessible(page);
  for (const locale of ["nl", "zh-CN"]) {
    await page.goto(`/${locale}/programmes`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("link", { name: /Voorjaar 2027/ }).first()).toBeVisible();
    await expectAccessible(page);
  }
});

test("a coordinator pairs and unpairs, and a participant confirms a meeting, with the keyboard alone", async ({ browser }) => {
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signInAsDemo(coordinator, "coordinator");
  await coordinator.goto("/en/coordinator");
  await tabTo(coordinator, coordinator.getByRole("link", { name: "Voorjaar 2027", exact: true }).first());
  await coordinator.keyboard.press("Enter");
  await tabTo(coordinator, coordinator.getByRole("link", { name: "Pairing", exact: true }));
  await coordinator.keyboard.press("Enter");
  await expect(coordinator.getByRole("heading", { name: /Waiting for a partner/ })).toBeVisible();
  await coordinator.waitForLoadState("networkidle");

  // "Pair with …" for Zhang Min: the button says whom it pairs, also to a screen reader.
  const zhang = coordinator.locator("article").filter({ has: coordinator.getByRole("heading", { name: "Zhang Min" }) });
  const pairButton = zhang.getByRole("button", { name: /^Pair with .*\(Zhang Min\)$/ }).first();
  const partner = ((await pairButton.textContent()) ?? "").replace(/^Pair with /, "").replace(/\s*\(Zhang Min\)$/, "");
  await tabTo(coordinator, pairButton, 200);
  await coordinator.keyboard.press("Enter");
  await expect(coordinator.getByText(`Zhang Min is now paired with ${partner}`)).toBeVisible();

  // Undo it: open the disclosure, give the reason, confirm; Zhang Min waits again.
  await coordinator.waitForLoadState("networkidle");
  const row = coordinator.getByRole("row", { name: /Zhang Min/ });
  await tabTo(coordinator, row.getByText("End pair (Zhang Min)"), 200);
  await coordinator.keyboard.press("Enter");
  await coordinator.keyboard.press("Tab");
  await expect(row.getByLabel(/^Reason/).first()).toBeFocused();
  await coordinator.keyboard.type("Paired by mistake.");
  await coordinator.keyboard.press("Tab");
  await expect(row.getByRole("button", { name: "End this pair" })).toBeFocused();
  await coordinator.keyboard.press("Enter");
  await expect(coordinator.getByText("The pair of Zhang Min has ended")).toBeVisible();
  await expect(coordinator.getByRole("heading", { name: "Zhang Min" })).toBeVisible();
  await expectAccessible(coordinator);
  await coordinatorContext.close();

  // The demo participant confirms the meeting that waits for them.
  const participantContext = await browser.newContext();
  const participant = await participantContext.newPage();
  await signInAsDemo(participant, "participant");
  await participant.goto("/en/participant");
  await expect(participant.getByRole("heading", { name: "Waiting for your confirmation" })).toBeVisible();
  await participant.waitForLoadState("networkidle");
  await tabTo(participant, participant.getByRole("button", { name: "Confirm" }).first());
  await participant.keyboard.press("Enter");
  await expect(participant.getByText("The meeting is confirmed").first()).toBeVisible();
  await expectAccessible(participant);
  await participantContext.close();
});
