import type { Locale, Role } from "@/db/schema/enums";
import { layout, type RenderedMail } from "./layout";
import { fill, mailTexts } from "./texts";

/** An organisation admin invites a person; the button leads to the sign-in page. */
export function renderInvitation(
  locale: Locale,
  data: { url: string; organisation: string; inviter: string; role: Role },
): RenderedMail {
  const t = mailTexts[locale];
  const values = { organisation: data.organisation, inviter: data.inviter, role: t.roles[data.role] };
  return layout({
    locale,
    subject: fill(t.invitation.subject, values),
    paragraphs: [fill(t.invitation.intro, values), fill(t.invitation.expiry, values)],
    action: { label: t.invitation.action, url: data.url },
    footer: t.footer,
  });
}
