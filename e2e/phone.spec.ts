import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, PHONE } from "./support/axe";
import { signInAsDemo } from "./support/session";

/**
 * What a person on a 390 px phone sees (issue 10). Every page the other specs visit is also checked
 * at this width by expectAccessible; this spec looks at what the issue found cut off.
 */
test.use({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

/** The element lies within the screen's width: nothing of it is cut off at either side. */
async function expectWithinScreen(el: Locator) {
  await expect(el).toBeVisible();
  const box = (await el.boundingBox())!;
  expect(box.x, `left edge of ${el.toString()}`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `right edge of ${el.toString()}`).toBeLessThanOrEqual(PHONE.width);
}

/** The page itself does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(innerWidth).toBe(PHONE.width);
  expect(scrollWidth, `page ${page.url()} is wider than the screen`).toBeLessThanOrEqual(innerWidth);
}

test("the partner sees the whole initiative card: name, help request and e-mail", async ({ page }) => {
  await signInAsDemo(page, "partner");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My initiative");
  const card = page.getByRole("region", { name: "Buurtmoestuin De Groene Vinger" });
  await expectWithinScreen(card);
  await expectWithinScreen(card.getByRole("heading", { name: "Buurtmoestuin De Groene Vinger" }));
  await expectWithinScreen(card.getByText(/^Wij zoeken hulp bij het aanvragen van een gemeentelijke subsidie/));
  await expectWithinScreen(card.getByText("partner@example.org"));
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test("the header folds its menu behind a Menu button that works by keyboard", async ({ page }) => {
  await signInAsDemo(page, "admin");
  const main = page.getByRole("navigation", { name: "Main" });
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(main).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  // The header takes one line, not half the screen.
  expect((await page.locator("header.site-header").boundingBox())!.height).toBeLessThan(80);
  await expectWithinScreen(menu);

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const link of await main.getByRole("link").all()) await expectWithinScreen(link);
  await expectWithinScreen(page.getByRole("navigation", { name: "Language" }));
  await expectWithinScreen(page.getByRole("button", { name: "Sign out" }));
  await expectNoSidewaysScroll(page);
  // Tab goes from the button into the menu; Escape folds it and returns to the button.
  await page.keyboard.press("Tab");
  await expect(main.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(main).toBeHidden();
  await expect(menu).toBeFocused();

  // A link in the menu leads to its page, where the menu is folded again.
  await page.keyboard.press("Enter");
  await main.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(main).toBeHidden();
  await expectAccessible(page);
});

test("the participant's enrollment card stays within the screen", async ({ page }) => {
  await signInAsDemo(page, "participant");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My enrollments");
  const cards = page.locator("main li.card:has(> section > h2)");
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) {
    await expectWithinScreen(card);
    await expectWithinScreen(card.getByRole("heading", { level: 2 }));
  }
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test("a coordinator's table scrolls inside its own box, with a cue, while the page does not", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  await page.goto("/en/coordinator");
  await page.getByRole("link", { name: "Voorjaar 2027", exact: true }).first().click();
  await page.getByRole("link", { name: "Applications", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const box = page.getByRole("region", { name: "Applications on this page" });
  await expectWithinScreen(box);
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth), "the table is wider than its box").toBe(true);
  await expect(page.getByText("Scroll sideways for more →")).toBeVisible();
  await expectNoSidewaysScroll(page);

  // The shadow on the right says more columns hide there; none on the left yet.
  const shadow = (side: "before" | "after") =>
    box.evaluate((el, pseudo) => getComputedStyle(el.parentElement!, `::${pseudo}`).opacity, side);
  await expect.poll(() => shadow("after")).toBe("1");
  expect(await shadow("before")).toBe("0");

  // A keyboard user reaches the box with Tab and scrolls it with the arrow keys.
  await expect(box).toHaveAttribute("tabindex", "0");
  await box.focus();
  await expect(box).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expect.poll(() => shadow("before")).toBe("1");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});
