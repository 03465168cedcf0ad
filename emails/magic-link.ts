import type { Locale } from "@/db/schema/enums";
import { layout, type RenderedMail } from "./layout";
import { fill, mailTexts } from "./texts";

/** The sign-in link mail. */
export function renderMagicLink(locale: Locale, data: { url: string; minutes: number }): RenderedMail {
  const t = mailTexts[locale];
  return layout({
    locale,
    subject: t.magicLink.subject,
    paragraphs: [t.magicLink.intro, fill(t.magicLink.expiry, { minutes: data.minutes })],
    action: { label: t.magicLink.action, url: data.url },
    footer: t.footer,
  });
}
