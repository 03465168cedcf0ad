import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { linkIn, waitForMail } from "./support/mail";
import { signInAsDemo } from "./support/session";

/** Asks for a magic link on the sign-in page and follows it from the mail received over SMTP. */
async function signInByMail(page: Page, email: string) {
  await page.goto("/en/sign-in");
  await page.getByLabel(/^Email address/).fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("If this address belongs to an account");
  const mail = await waitForMail(email, /sign-in link|aanmeldlink|登录链接/i);
  await page.goto(linkIn(mail, "/api/auth/callback/nodemailer"));
  await expect(page.getByRole("button", { name: /Sign out|Afmelden|退出/ })).toBeVisible();
}

test("an initiative registers, a coordinator pairs it by suggestion, both are introduced by mail, and a meeting is logged and confirmed", async ({
  page,
  browser,
}) => {
  // Fourteen pages, each checked by axe at two widths (e2e/support/axe.ts).
  test.setTimeout(180_000);
  const id = Date.now().toString(36);
  const initiative = `Energiecoöperatie Zonnewijk ${id}`;
  const owner = { name: `Lotte Zon${id}`, email: `lotte.${id}@example.org` };
  const participant = { name: "Sanne de Boer", email: "sanne.deboer@example.org" };

  // 1. The owner registers the initiative on the public form; a bad input is shown next to its field.
  const ownerContext = await browser.newContext({ locale: "en-GB" });
  const ownerPage = await ownerContext.newPage();
  await ownerPage.goto("/en");
  await ownerPage.getByRole("link", { name: "Register your initiative" }).click();
  await expect(ownerPage.getByRole("heading", { level: 1, name: "Register your initiative" })).toBeVisible();
  await expectAccessible(ownerPage);
  await ownerPage.getByLabel(/^Organisation you register with/).selectOption({ label: "Stichting Samen Duurzaam" });
  await ownerPage.getByRole("radio", { name: /Social initiative/ }).check();
  await ownerPage.getByLabel(/^Name of the initiative/).fill(initiative);
  await ownerPage.getByLabel(/^What your initiative does/).fill("Wij leggen zonnepanelen op de daken van de wijk.");
  await ownerPage.getByLabel(/^Your help request/).fill("Wij zoeken hulp bij de vergunning en de subsidie voor een buurtbatterij.");
  // The organisation's policy areas, as participants choose them: ticked, not typed.
  const areas = ownerPage.getByRole("group", { name: /^Policy areas/ });
  await areas.getByRole("checkbox", { name: "Duurzaamheid", exact: true }).check();
  await areas.getByRole("checkbox", { name: "Energietransitie", exact: true }).check();
  await ownerPage.getByLabel(/^Region/).selectOption("utrecht");
  await ownerPage.getByLabel(/^Location/).fill("Utrecht");
  await ownerPage.getByLabel(/^How many participants can you take/).fill("1");
  await ownerPage.getByLabel(/^Your full name/).fill(owner.name);
  await ownerPage.getByLabel(/^Your email address/).fill("lotte at example");
  await ownerPage.getByRole("button", { name: "Register", exact: true }).click();
  await expect(ownerPage.locator("#ownerEmail-error")).toBeVisible();
  await expect(ownerPage.getByLabel(/^Name of the initiative/)).toHaveValue(initiative);
  await ownerPage.getByLabel(/^Your email address/).fill(owner.email);
  await ownerPage.getByLabel(/^I agree that this registration is stored/).check();
  await ownerPage.getByRole("button", { name: "Register", exact: true }).click();
  await expect(ownerPage.getByRole("status")).toContainText(`Thank you for registering ${initiative}`);

  // 2. The coordinator approves it and links it to Voorjaar 2027 with one place.
  await signInAsDemo(page, "coordinator");
  await page.getByRole("link", { name: "Partners", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: initiative }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(initiative);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(`${initiative} has been approved`)).toBeVisible();
  await page.getByRole("combobox", { name: /^Cohort/ }).selectOption({ label: "Voorjaar 2027 (EmpoweringPeople)" });
  await page.getByRole("button", { name: "Link to cohort" }).click();
  await expect(page.getByText("Linked to Voorjaar 2027")).toBeVisible();
  await expectAccessible(page);

  // 3. On the pairing board the new initiative is the top suggestion for Sanne, with reasons in words.
  await page.goto("/en/coordinator");
  await page.getByRole("link", { name: "Voorjaar 2027", exact: true }).first().click();
  await page.getByRole("link", { name: "Pairing", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  const sanne = page.locator("li, section, article").filter({ has: page.getByRole("heading", { name: participant.name }) }).last();
  await expect(sanne).toContainText(initiative);
  await expect(sanne).toContainText(/Duurzaamheid/);
  await expect(sanne).toContainText("Shared policy areas: Duurzaamheid, Energietransitie");
  await expect(sanne).toContainText("Same region: Utrecht");
  // Scores are shown with their scale.
  await expect(sanne).toContainText(/Match score \d+ of \d+/);
  // Ahmed works for Gemeente Zwolle: its host team is ruled out for him, and the board says why.
  const ahmed = page.locator("article").filter({ has: page.getByRole("heading", { name: "Ahmed Benali" }) }).last();
  await expect(ahmed).toContainText(/own employer/i);
  await sanne.getByRole("button", { name: new RegExp(`Pair with ${initiative}`) }).click();
  await expect(page.getByText(`${participant.name} is now paired with ${initiative}`)).toBeVisible();
  await expectAccessible(page);

  // A search narrows both lists of the board (large cohorts are paged; this one fits on a page).
  await page.goto(`${page.url().split("?")[0]!}?q=ahmed`);
  await expect(page.getByRole("status").filter({ hasText: "Matching “ahmed”" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search participants" })).toHaveValue("ahmed");
  await expect(page.getByRole("heading", { name: "Ahmed Benali" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Eva Koster" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Clear search" }).click();
  await expect(page.getByRole("heading", { name: "Eva Koster" })).toBeVisible();

  // 4. Both sides get an introduction over SMTP, each naming the other and the help request.
  const toOwner = await waitForMail(owner.email, new RegExp(participant.name));
  expect(toOwner.text).toContain(participant.email);
  const toParticipant = await waitForMail(participant.email, new RegExp(initiative));
  expect(toParticipant.text).toContain("buurtbatterij");

  // 5. The owner signs in and logs a meeting; a meeting in the future is refused next to its field.
  await signInByMail(ownerPage, owner.email);
  await ownerPage.goto("/en/partner");
  await expect(ownerPage.getByRole("heading", { name: "Your participants" })).toBeVisible();
  await expect(ownerPage.getByText(participant.name).first()).toBeVisible();
  await expectAccessible(ownerPage);
  await ownerPage.getByRole("link", { name: "Meetings and details" }).first().click();
  await expect(ownerPage.getByRole("heading", { level: 1 })).toContainText(participant.name);
  await ownerPage.waitForLoadState("networkidle");
  const local = (offsetDays: number) => {
    const d = new Date(Date.now() + offsetDays * 86_400_000);
    return `${d.toISOString().slice(0, 10)}T10:00`;
  };
  await ownerPage.getByLabel(/^Date and time it started/).fill(local(3));
  await ownerPage.getByLabel(/^Hours/).fill("1");
  await ownerPage.getByLabel(/^Minutes/).fill("30");
  await ownerPage.getByRole("radio", { name: "In person" }).check();
  await ownerPage.getByLabel(/^What did you do/).fill("Kennismaking en rondleiding langs de daken.");
  await ownerPage.getByRole("button", { name: "Log meeting" }).click();
  await expect(ownerPage.locator("#startsAt-error")).toBeVisible();
  await expect(ownerPage.getByLabel(/^What did you do/)).toHaveValue("Kennismaking en rondleiding langs de daken.");
  await ownerPage.getByLabel(/^Date and time it started/).fill(local(-2));
  await ownerPage.getByRole("button", { name: "Log meeting" }).click();
  await expect(ownerPage.getByText(/The meeting is logged/)).toBeVisible();
  await expectAccessible(ownerPage);

  // 6. The participant is asked by mail, signs in and confirms it.
  const participantContext = await browser.newContext({ locale: "en-GB" });
  const participantPage = await participantContext.newPage();
  await signInByMail(participantPage, participant.email);
  await participantPage.goto("/en/participant");
  await expect(participantPage.getByText(`You are paired with ${initiative}`)).toBeVisible();
  await expectAccessible(participantPage);
  const waiting = participantPage.locator("li, article, section").filter({ hasText: "Kennismaking en rondleiding" }).last();
  await waiting.getByRole("button", { name: "Confirm" }).click();
  await expect(participantPage.getByText("The meeting is confirmed").first()).toBeVisible();

  // 7. The coordinator sees the confirmed meeting on the cohort's pairs.
  await page.getByRole("link", { name: "Pairs and meetings" }).first().click();
  const row = page.getByRole("row", { name: new RegExp(participant.name) });
  await expect(row).toContainText(initiative);
  await expect(row).toContainText("Met");
  await expectAccessible(page);

  // 8. …and reads what happened between the pair: the meeting log as both sides see it.
  await row.getByRole("link", { name: `Meetings of ${participant.name} and ${initiative}` }).click();
  await expect(page.getByRole("heading", { level: 2, name: `${participant.name} and ${initiative}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Meetings: 1 logged, 1 confirmed" })).toBeVisible();
  await expect(page.getByText("Kennismaking en rondleiding langs de daken.")).toBeVisible();
  await expectAccessible(page);

  await ownerContext.close();
  await participantContext.close();
});

test("a partner cannot open the coordinator's pairing pages, and another person's pair is a 404", async ({ page }) => {
  await signInAsDemo(page, "partner");
  const board = await page.goto("/en/coordinator/partners");
  expect(board?.status()).toBe(403);
  const other = await page.goto("/en/pairs/00000000-0000-4000-8000-000000000000");
  expect(other?.status()).toBe(404);
  // A real cohort of the partner's own organisation: the coordinator's view of its pairs is refused (403).
  const cohorts = (await (await page.request.get("/api/v1/cohorts")).json()) as { items: { id: string; name: string }[] };
  const spring = cohorts.items.find((c) => c.name === "Voorjaar 2027")!;
  const pairsView = await page.goto(`/en/coordinator/cohorts/${spring.id}/pairs/00000000-0000-4000-8000-000000000000`);
  expect(pairsView?.status()).toBe(403);
});

test("a coordinator proposes pairs for everyone, edits the draft and applies it in one step", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  await page.goto("/en/coordinator");
  await page.getByRole("link", { name: "Voorjaar 2027", exact: true }).first().click();
  await page.getByRole("link", { name: "Pairing", exact: true }).click();
  await page.getByRole("link", { name: "Propose pairs for everyone" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Proposed pairs for everyone" })).toBeVisible();
  await expectAccessible(page);
  // Scores carry their scale: per pair and in total.
  await expect(page.getByText(/Total match score \d+ of at most \d+\./)).toBeVisible();
  await expect(page.getByRole("cell", { name: /^\d+ of \d+$/ }).first()).toBeVisible();

  // Ahmed works for Gemeente Zwolle, so its host team is never offered for him.
  const ahmed = page.getByRole("combobox", { name: "Partner for Ahmed Benali" });
  await expect(ahmed).toBeVisible();
  await expect(ahmed.locator("option", { hasText: "Gemeente Zwolle, team Wijkzaken" })).toHaveCount(0);
  // The coordinator leaves one person out of this round.
  await ahmed.selectOption({ label: "No partner now" });
  await page.getByRole("button", { name: "Apply these pairs" }).click();
  await expect(page.getByText(/pairs? made/).first()).toBeVisible();
  await expectAccessible(page);

  await page.goto("/en/coordinator");
  await page.getByRole("link", { name: "Voorjaar 2027", exact: true }).first().click();
  await page.getByRole("link", { name: "Pairing", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Waiting for a partner/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ahmed Benali" })).toBeVisible();

  // The cohort's partners and their places are a tab of their own, not part of every board view.
  await expect(page.getByRole("table", { name: "Partners in this cohort and their places" })).toHaveCount(0);
  await page.getByRole("link", { name: /^Partners \(\d+\)$/ }).click();
  const partnersTable = page.getByRole("table", { name: "Partners in this cohort and their places" });
  await expect(partnersTable).toBeVisible();
  await expect(partnersTable.getByRole("row", { name: /Gemeente Zwolle, team Wijkzaken/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ahmed Benali" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Participants", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Ahmed Benali" })).toBeVisible();
});
