import { expect } from "@playwright/test";
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
