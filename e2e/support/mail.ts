import { expect, type Page } from "@playwright/test";
import { SMTP_HTTP_PORT } from "./servers";
import type { ReceivedMail } from "./smtp-sink";

export const SINK = `http://127.0.0.1:${SMTP_HTTP_PORT}`;

export async function mailsTo(address: string): Promise<ReceivedMail[]> {
  const res = await fetch(`${SINK}/messages?to=${encodeURIComponent(address)}`);
  return (await res.json()) as ReceivedMail[];
}

/** Waits until the SMTP server has received a mail for `address` matching `subject`; returns the newest. */
export async function waitForMail(address: string, subject: RegExp, timeout = 20_000): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailsTo(address)).filter((m) => subject.test(m.subject)).at(-1);
        return found !== undefined;
      },
      { timeout, message: `mail "${subject.source}" to ${address}` },
    )
    .toBe(true);
  return found!;
}

/** The first link in a mail's text that points at `pathPart`. */
export function linkIn(mail: ReceivedMail, pathPart: string): string {
  const link = mail.text.match(/https?:\/\/[^\s<>"]+/g)?.find((u) => u.includes(pathPart));
  if (!link) throw new Error(`no link containing ${pathPart} in mail "${mail.subject}":\n${mail.text}`);
  return link;
}

const SIGN_IN_SUBJECT = /sign-in link|aanmeldlink|登录链接/i;
const SEND_BUTTON = /Send me a sign-in link|Stuur mij een aanmeldlink|发送登录链接/;

/**
 * Follows the Koppel link in a mail that is not itself a sign-in mail (an invitation, offer,
 * decision…): it opens the sign-in page with the address filled in; the page sends a fresh
 * sign-in link, which this follows from the SMTP server to where the mail pointed. A page already
 * signed in as that person goes there straight away.
 */
export async function signInFromMail(page: Page, mail: ReceivedMail): Promise<void> {
  const address = mail.to[0]!;
  const link = linkIn(mail, "/sign-in?");
  expect(mail.text).not.toContain("/api/auth/callback/");
  const before = (await mailsTo(address)).length;
  await page.goto(link);
  if (!new URL(page.url()).pathname.endsWith("/sign-in")) return;
  await expect(page.locator("#email")).toHaveValue(address);
  await page.getByRole("button", { name: SEND_BUTTON }).click();
  await expect(page.getByRole("status").filter({ hasText: /\S/ }).first()).toBeVisible();
  let fresh: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        fresh = (await mailsTo(address)).slice(before).find((m) => SIGN_IN_SUBJECT.test(m.subject));
        return fresh !== undefined;
      },
      { timeout: 20_000, message: `a fresh sign-in mail to ${address}` },
    )
    .toBe(true);
  await page.goto(linkIn(fresh!, "/api/auth/callback/nodemailer"));
}
