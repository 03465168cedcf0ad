import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { linkIn, mailsTo, signInFromMail, waitForMail } from "./support/mail";
import { signInAsDemo } from "./support/session";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

interface Person {
  name: string;
  email: string;
}

const newPerson = (first: string): Person => {
  const id = unique();
  return { name: `${first} Test${id}`, email: `${first.toLowerCase()}.${id}@example.org` };
};

/** Opens a cohort from the public catalogue, as a visitor would. */
async function openCohortFromCatalogue(page: Page, cohortName: string) {
  await page.goto("/en/programmes");
  await expect(page.getByRole("heading", { level: 1, name: "Find a programme" })).toBeVisible();
  await page.getByRole("link", { name: new RegExp(cohortName) }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(cohortName);
  await page.waitForLoadState("networkidle");
}

/** Fills the sign-up form with valid answers (the cohort's own questions where it has them). */
async function fillSignUp(page: Page, person: Person) {
  await page.getByLabel(/^Full name/).fill(person.name);
  await page.getByLabel(/^Email address/).fill(person.email);
  await page.getByLabel(/^Employer/).fill("Gemeente Zwolle");
  await page.getByLabel(/^Department/).fill("Sociaal Domein");
  await page.getByLabel(/^Job title/).fill("Beleidsadviseur");
  const areas = page.getByRole("group", { name: /Your policy areas/ });
  if (await areas.count()) await areas.getByRole("checkbox").first().check();
  await page.getByLabel(/^Why do you want to take part/).fill("Ik wil leren hoe een initiatief in de wijk werkt.");
  await page.getByLabel(/^How many half-days/).fill("5");
  // Voorjaar 2027 asks a required yes/no question of its own.
  const earlier = page.getByRole("group", { name: /Heb je eerder/ });
  if (await earlier.count()) await earlier.getByRole("radio", { name: "No" }).check();
}

/**
 * Opens the link in the newest confirmation mail to the person, and confirms with the page's
 * button (opening the link alone confirms nothing); the page then shows the outcome.
 */
async function confirmFromMail(page: Page, person: Person, opts: { axe?: boolean } = {}) {
  const mail = await waitForMail(person.email, /Confirm your sign-up for/);
  expect(mail.to).toEqual([person.email]);
  await page.goto(linkIn(mail, "/confirm?token="));
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your sign-up" })).toBeVisible();
  if (opts.axe) await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my sign-up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your sign-up is confirmed" })).toBeVisible();
}

/** A new visitor (own browser context) signs up for the cohort through the form and confirms from the mail; returns the page. */
async function signUpAsNewPerson(browser: Browser, cohortName: string, person: Person, expectStatus: RegExp) {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await openCohortFromCatalogue(page, cohortName);
  await fillSignUp(page, person);
  await page.getByLabel(/^I agree that my sign-up is stored/).check();
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("status")).toContainText("One more step: confirm your sign-up");
  await confirmFromMail(page, person);
  await expect(page.getByRole("status")).toContainText(expectStatus);
  return page;
}

/** Waits for the mail with this subject and follows its link: the sign-in page, a fresh sign-in link, then the mail's page. */
async function followMail(page: Page, person: Person, subject: RegExp) {
  const mail = await waitForMail(person.email, subject);
  expect(mail.to).toEqual([person.email]);
  await signInFromMail(page, mail);
  await expect(page).toHaveURL(/\/en\/participant$/);
  return mail;
}

test("a new person signs up through the form, confirms from the mail, sees the status, and a coordinator accepts them", async ({ page, browser }) => {
  const person = newPerson("Anna");

  await page.goto("/en/programmes");
  await expect(page.getByRole("heading", { level: 1, name: "Find a programme" })).toBeVisible();
  // The deadline is shown with a countdown and a time zone.
  await expect(page.getByText(/Closes in \d+ (days|weeks|months)/).first()).toBeVisible();
  await expectAccessible(page);

  await openCohortFromCatalogue(page, "Voorjaar 2027");
  await expectAccessible(page);

  // A bad input is refused next to its field, and what was typed stays.
  await fillSignUp(page, person);
  await page.getByLabel(/^Email address/).fill("anna at example.org");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.locator("#email-error")).toBeVisible();
  await expect(page.locator("#consent-error")).toBeVisible();
  await expect(page.getByLabel(/^Email address/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(/^Full name/)).toHaveValue(person.name);
  await expectAccessible(page);

  await page.getByLabel(/^Email address/).fill(person.email);
  await page.getByLabel(/^I agree that my sign-up is stored/).check();
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("status")).toContainText("One more step: confirm your sign-up");
  await expect(page.getByRole("status")).toContainText(person.email);
  await expectAccessible(page);

  // Until the address is confirmed the sign-up holds nothing; sending the form again mails a new link.
  const again = await browser.newContext({ locale: "en-GB" });
  const twice = await again.newPage();
  await openCohortFromCatalogue(twice, "Voorjaar 2027");
  await fillSignUp(twice, person);
  await twice.getByLabel(/^I agree that my sign-up is stored/).check();
  await twice.getByRole("button", { name: "Sign up" }).click();
  await expect(twice.getByRole("status")).toContainText("One more step: confirm your sign-up");
  await expect.poll(async () => (await mailsTo(person.email)).filter((m) => /Confirm your sign-up/.test(m.subject)).length).toBe(2);

  // The older link no longer works: the page says so, with a way to sign up again.
  const older = (await mailsTo(person.email)).filter((m) => /Confirm your sign-up/.test(m.subject))[0]!;
  await page.goto(linkIn(older, "/confirm?token="));
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign up again" })).toBeVisible();
  await expectAccessible(page);

  // The newest link opens a page that shows what is confirmed; the button confirms.
  await confirmFromMail(page, person, { axe: true });
  await expect(page.getByRole("status")).toContainText("Status: Applied");
  await expect(page.getByText(`sign in with ${person.email}`)).toBeVisible();
  await expectAccessible(page);

  // Once confirmed, signing up twice for the same cohort is refused by the server with a clear message.
  await openCohortFromCatalogue(twice, "Voorjaar 2027");
  await fillSignUp(twice, person);
  await twice.getByLabel(/^I agree that my sign-up is stored/).check();
  await twice.getByRole("button", { name: "Sign up" }).click();
  await expect(twice.locator("#email-error")).toContainText("already signed up for this cohort");
  await expect(twice.getByLabel(/^Full name/)).toHaveValue(person.name);
  await again.close();

  // The status mail arrives over SMTP; signed in, the person sees the status.
  await followMail(page, person, /We received your sign-up for Voorjaar 2027/);
  await expect(page).toHaveURL(/\/en\/participant/);
  const mine = page.getByRole("region", { name: /Voorjaar 2027/ }).or(page.locator("section", { hasText: "Voorjaar 2027" })).first();
  await expect(mine).toContainText("Applied");
  await expectAccessible(page);

  // A coordinator finds the application, opens it and accepts it with a reason.
  const coordinatorContext = await browser.newContext({ locale: "en-GB" });
  const coordinator = await coordinatorContext.newPage();
  await signInAsDemo(coordinator, "coordinator");
  await coordinator.goto("/en/coordinator");
  await coordinator.getByRole("link", { name: "Voorjaar 2027", exact: true }).first().click();
  await coordinator.getByRole("link", { name: "Applications", exact: true }).click();
  await expect(coordinator.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(coordinator);
  await coordinator.getByRole("searchbox", { name: "Search", exact: true }).fill(person.email);
  await coordinator.getByRole("button", { name: "Search", exact: true }).click();
  await expect(coordinator.getByText("1 application matches")).toBeVisible();
  await coordinator.getByRole("link", { name: person.name }).click();
  await expect(coordinator.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(coordinator);
  await coordinator.getByRole("radio", { name: "Accept" }).check();
  await coordinator.getByLabel(/^Reason/).fill("Sterke motivatie");
  await coordinator.getByRole("button", { name: "Save decision" }).click();
  await expect(coordinator.getByRole("status").first()).toContainText("Accepted.");
  // The change is on record with who and why.
  await expect(coordinator.getByText("Sterke motivatie").first()).toBeVisible();
  await expectAccessible(coordinator);
  await coordinatorContext.close();

  await waitForMail(person.email, /You have a place in Voorjaar 2027/);
  await page.reload();
  await expect(mine).toContainText("Accepted");
});

test("a coordinator decides several applications at once: a preview names everyone and their mail, the result names them, and undo puts them back", async ({ page, browser }) => {
  const tag = unique();
  const people = [newPerson(`Eva${tag}`), newPerson(`Femke${tag}`)];
  for (const person of people) await signUpAsNewPerson(browser, "Voorjaar 2027", person, /Status: Applied/);

  await signInAsDemo(page, "coordinator");
  await page.goto("/en/coordinator");
  await page.getByRole("link", { name: "Voorjaar 2027", exact: true }).first().click();
  await page.getByRole("link", { name: "Applications", exact: true }).click();
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill(tag);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("2 applications match")).toBeVisible();
  await page.waitForLoadState("networkidle");
  // Nothing selected: the preview says so and leads back, nothing crashes.
  await page.getByRole("button", { name: "Continue: check who is affected" }).click();
  await expect(page.getByText("No application was selected")).toBeVisible();
  await page.goBack();
  await page.getByRole("checkbox", { name: "Select all applications on this page" }).check();
  await expect(page.getByRole("checkbox", { name: `Select ${people[0]!.name}` })).toBeChecked();
  await page.getByRole("radio", { name: "Reject" }).check();
  await page.getByLabel(/^Reason/).fill("Niet in de doelgroep");
  await page.getByRole("button", { name: "Continue: check who is affected" }).click();

  // The look back: who, by name, and the mail each will get; nothing has changed yet.
  await expect(page.getByRole("heading", { name: "Check before you decide" })).toBeVisible();
  await expect(page.getByText("2 people will be rejected.")).toBeVisible();
  const affected = page.getByRole("table", { name: "Who is affected and what they will receive" });
  for (const p of people) await expect(affected.getByRole("row", { name: new RegExp(p.name) })).toContainText("Applied → Rejected");
  await expect(affected.getByText(/“Your sign-up for Voorjaar 2027”/).first()).toBeVisible();
  await affected.getByText(/“Your sign-up for Voorjaar 2027”/).first().click();
  await expect(affected.getByText(/Reason: Niet in de doelgroep/).first()).toBeVisible();
  await expect(page.getByText(/The messages wait 2 minutes before they are sent/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Reject 2 people and send the messages" }).click();

  // Afterwards: named, with the mails held and an undo.
  await expect(page.getByRole("heading", { name: "Decision on several applications" })).toBeVisible();
  await expect(page.getByRole("status").first()).toContainText("Rejected (2)");
  for (const p of people) await expect(page.getByRole("status").first()).toContainText(p.name);
  await expect(page.getByText(/The 2 messages wait until/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Undo this decision" }).click();
  await expect(page.getByRole("status").first()).toContainText("Undone");
  await expect(page.getByRole("button", { name: "Undo this decision" })).toHaveCount(0);
  for (const p of people) await expect(page.getByRole("row", { name: new RegExp(p.name) })).toContainText("Applied");

  // Decided again and left alone: the rejection is on record with its reason, its mail held for the undo window.
  await page.getByRole("link", { name: "Back to the applications" }).click();
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill(tag);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("checkbox", { name: `Select ${people[1]!.name}` }).check();
  await page.getByRole("radio", { name: "Reject" }).check();
  await page.getByLabel(/^Reason/).fill("Niet in de doelgroep");
  await page.getByRole("button", { name: "Continue: check who is affected" }).click();
  await page.getByRole("button", { name: "Reject 1 person and send the message" }).click();
  await expect(page.getByRole("status").first()).toContainText(`Rejected (1): ${people[1]!.name}.`);
  await expect(page.getByText(/The message waits until/)).toBeVisible();
  await page.getByRole("link", { name: people[1]!.name }).click();
  await expect(page.getByText("Niet in de doelgroep").first()).toBeVisible();
});

test("the coordinator's start page says what needs them today, with counts and links to the place to act", async ({ page, browser }) => {
  const person = newPerson(`Gijs${unique()}`);
  await signUpAsNewPerson(browser, "Voorjaar 2027", person, /Status: Applied/);

  await signInAsDemo(page, "coordinator");
  await page.goto("/en/coordinator");
  const today = page.getByRole("region", { name: "What needs you today" });
  await expect(today).toBeVisible();
  const waiting = today.getByRole("listitem").filter({ hasText: /applications? waits? for a decision/ }).first();
  await expect(waiting).toBeVisible();
  const link = waiting.getByRole("link", { name: /^Voorjaar 2027 \(\d+\)$/ });
  const count = Number(/\((\d+)\)/.exec((await link.textContent()) ?? "")?.[1]);
  expect(count).toBeGreaterThanOrEqual(1);
  // Every cohort shows its status.
  const cohortRow = page.getByRole("row", { name: /Voorjaar 2027/ }).first();
  await expect(cohortRow.getByRole("cell").last()).toHaveText(/^(Open for sign-up|Full|Sign-up closed|Running|Opens later|Completed|Draft)$/);
  await expectAccessible(page);

  await link.click();
  await expect(page).toHaveURL(/\/applications\?status=applied/);
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("applied");
  await expect(page.getByText(count === 1 ? "1 application matches" : `${count} applications match`)).toBeVisible();
  await expect(page.getByRole("link", { name: person.name })).toBeVisible();
});

test("a participant changes their answers while the application is under review", async ({ page, browser }) => {
  const person = newPerson(`Hanna${unique()}`);
  await signUpAsNewPerson(browser, "Voorjaar 2027", person, /Status: Applied/);
  await followMail(page, person, /We received your sign-up for Voorjaar 2027/);
  await expect(page).toHaveURL(/\/en\/participant/);
  await page.getByRole("link", { name: /^Change my answers\s*: Voorjaar 2027/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your application for Voorjaar 2027" })).toBeVisible();
  await expect(page.getByLabel(/^Job title/)).toHaveValue("Beleidsadviseur");
  await expect(page.getByText(/Last changed:/)).toBeVisible();
  await expectAccessible(page);
  // The same rules as the sign-up form: an empty required field is refused next to it.
  await page.getByLabel(/^Job title/).fill("");
  await page.getByRole("button", { name: "Save my answers" }).click();
  await expect(page.locator("#jobTitle-error")).toBeVisible();
  await page.getByLabel(/^Job title/).fill("Senior beleidsadviseur");
  await page.getByLabel(/^Why do you want to take part/).fill("Ik wil nu vooral leren over energiecoöperaties.");
  await page.getByRole("button", { name: "Save my answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your answers have been saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/^Job title/)).toHaveValue("Senior beleidsadviseur");
  await expect(page.getByLabel(/^Why do you want to take part/)).toHaveValue("Ik wil nu vooral leren over energiecoöperaties.");
});

test("the waitlist: a freed place is offered by mail to the next person, who accepts it", async ({ page, browser }) => {
  const today = new Date();
  const isoDay = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const cohortName = `Kleine groep ${unique()}`;

  // A coordinator opens a first-come cohort with one place.
  await signInAsDemo(page, "coordinator");
  await page.goto("/en/coordinator");
  await page.getByRole("link", { name: "EmpoweringPeople", exact: true }).first().click();
  await page.getByRole("link", { name: "New cohort" }).click();
  await page.waitForLoadState("networkidle");
  await page.getByLabel(/^Name/).fill(cohortName);
  await page.getByLabel(/^Start date/).fill(isoDay(60));
  await page.getByLabel(/^End date/).fill(isoDay(200));
  await page.getByLabel(/^Sign-up opens on/).fill(isoDay(-1));
  await page.getByLabel(/^Sign-up deadline/).fill(isoDay(30));
  await page.getByLabel(/^Number of places/).fill("1");
  await page.getByLabel(/^Time zone/).selectOption("Europe/Amsterdam");
  await page.getByRole("radio", { name: /First come, first served/ }).check();
  await page.getByLabel(/^Days to accept a freed place/).fill("2");
  await page.getByRole("button", { name: "Save" }).click();
  // A new cohort is a draft: published, it takes sign-ups.
  await page.getByRole("button", { name: "Publish cohort" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${cohortName} is published: it is in the catalogue now.` })).toBeVisible();

  const first = newPerson("Bram");
  const second = newPerson("Chen");
  const firstPage = await signUpAsNewPerson(browser, cohortName, first, /You have a place/);
  const secondPage = await signUpAsNewPerson(browser, cohortName, second, /On the waitlist/);
  await expect(secondPage.getByRole("status")).toContainText("You are number 1 on the waitlist");
  await waitForMail(second.email, /You are on the waitlist for/);

  // The second person sees their position.
  await followMail(secondPage, second, /You are on the waitlist for/);
  await expect(secondPage.getByText("You are number 1 on the waitlist").first()).toBeVisible();

  // The first person withdraws, which frees the place.
  await followMail(firstPage, first, /You have a place in/);
  await expect(firstPage).toHaveURL(/\/en\/participant/);
  await firstPage.locator("summary", { hasText: "Withdraw from this cohort" }).click();
  await firstPage.getByLabel(/^Reason/).fill("Andere verplichtingen");
  await firstPage.getByRole("button", { name: "Yes, withdraw my sign-up" }).click();
  await expect(firstPage.getByText(/You withdrew your sign-up/).first()).toBeVisible();
  await expectAccessible(firstPage);

  // The place is offered to the second person by mail, with an expiry; they accept it.
  const offer = await waitForMail(second.email, /A place is free for you in/);
  expect(offer.text).toMatch(/before .*20\d\d/);
  await signInFromMail(secondPage, offer);
  await expect(secondPage.getByText("Place offered to you").first()).toBeVisible();
  await expectAccessible(secondPage);
  await secondPage.getByRole("button", { name: "Accept the place" }).click();
  await expect(secondPage.getByText(/You accepted the place/).first()).toBeVisible();
  await secondPage.reload();
  await expect(secondPage.getByText("Accepted", { exact: true }).first()).toBeVisible();

  // The coordinator sees the history of the second person's enrollment.
  await page.goto("/en/coordinator");
  await page.getByRole("link", { name: "EmpoweringPeople", exact: true }).first().click();
  await page.getByRole("link", { name: cohortName }).click();
  await page.getByRole("link", { name: "Applications", exact: true }).click();
  await page.getByRole("link", { name: second.name }).click();
  await expect(page.getByText("Waitlisted").or(page.getByText("On the waitlist")).first()).toBeVisible();
  await expectAccessible(page);
});

test("the confirmation page works without JavaScript, and a made-up link explains instead of failing", async ({ browser }) => {
  const person = newPerson("Noor");
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await openCohortFromCatalogue(page, "Voorjaar 2027");
  await fillSignUp(page, person);
  await page.getByLabel(/^I agree that my sign-up is stored/).check();
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("status")).toContainText("One more step: confirm your sign-up");
  await context.close();

  const noScript = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
  const plain = await noScript.newPage();
  const mail = await waitForMail(person.email, /Confirm your sign-up for Voorjaar 2027/);
  const link = linkIn(mail, "/confirm?token=");
  const cohortPath = new URL(link).pathname.replace(/\/confirm$/, "");
  const wrong = await plain.goto(`${cohortPath}/confirm?token=${"A".repeat(43)}`);
  expect(wrong?.status()).toBe(200);
  await expect(plain.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await plain.goto(link);
  await plain.getByRole("button", { name: "Confirm my sign-up" }).click();
  await expect(plain.getByRole("heading", { level: 1, name: "Your sign-up is confirmed" })).toBeVisible();
  await expect(plain.getByRole("status")).toContainText("Status: Applied");
  // Opening the used link again shows the outcome, not an error.
  await plain.goto(link);
  await expect(plain.getByRole("heading", { level: 1, name: "Your sign-up is confirmed" })).toBeVisible();
  await noScript.close();
});
