import type { Locale } from "@/db/schema/enums";
import { layout, type RenderedMail } from "./layout";
import { fill } from "./texts";

/**
 * The mail that asks the owner of an address to confirm a public sign-up. Anyone can type any
 * address into the form, so this mail carries nothing the form's sender wrote: no name, no
 * motivation, no answers. It greets neutrally and names only the cohort, its programme and its
 * organisation (written by a coordinator), and says that ignoring it changes nothing.
 */
const texts: Record<Locale, { subject: string; greeting: string; intro: string; how: string; ignore: string; action: string; footer: string }> = {
  nl: {
    subject: "Bevestig je inschrijving voor {cohort}",
    greeting: "Hallo,",
    intro: "met dit e-mailadres is een inschrijving verstuurd voor {cohort} ({programme}) van {organisation}.",
    how: "De inschrijving telt pas als je haar bevestigt: open de link en kies 'Bevestig mijn inschrijving'. Tot dan houdt ze geen plaats en geen plek op de wachtlijst vast. De link werkt één keer en verloopt na {hours} uur.",
    ignore: "Was jij dit niet? Negeer dan deze e-mail: er gebeurt niets. Zonder bevestiging wordt de inschrijving na {hours} uur gewist.",
    action: "Inschrijving bekijken en bevestigen",
    footer: "Koppel — leren door samen te werken met de samenleving. Je ontvangt deze e-mail omdat dit adres is ingevuld op een inschrijfformulier van Koppel.",
  },
  en: {
    subject: "Confirm your sign-up for {cohort}",
    greeting: "Hello,",
    intro: "a sign-up for {cohort} ({programme}) of {organisation} was sent with this email address.",
    how: "The sign-up only counts once you confirm it: open the link and choose 'Confirm my sign-up'. Until then it holds no place and no place on the waitlist. The link works once and expires after {hours} hours.",
    ignore: "If this was not you, ignore this mail: nothing happens. Without confirmation the sign-up is deleted after {hours} hours.",
    action: "See and confirm the sign-up",
    footer: "Koppel — learning by working with society. You receive this email because this address was entered on a Koppel sign-up form.",
  },
  "zh-CN": {
    subject: "请确认您对 {cohort} 的报名",
    greeting: "您好：",
    intro: "有人使用此电子邮件地址提交了 {organisation} 的 {cohort}（{programme}）报名。",
    how: "报名只有在您确认后才有效：请打开链接并选择“确认我的报名”。在此之前，它不占用任何名额，也不占候补名单位置。该链接只能使用一次，{hours} 小时后失效。",
    ignore: "如果这不是您本人操作，请忽略此邮件：不会发生任何事情。未经确认的报名将在 {hours} 小时后删除。",
    action: "查看并确认报名",
    footer: "Koppel —— 在与社会的合作中学习。您收到此邮件，是因为有人在 Koppel 报名表上填写了此地址。",
  },
};

/** The confirmation mail of a public sign-up, in the language the form was filled in. */
export function renderSignUpConfirmation(
  locale: Locale,
  data: { cohort: string; programme: string; organisation: string; url: string; hours: number },
): RenderedMail {
  const t = texts[locale];
  const values = { cohort: data.cohort, programme: data.programme, organisation: data.organisation, hours: data.hours };
  return layout({
    locale,
    subject: fill(t.subject, values),
    paragraphs: [t.greeting, fill(t.intro, values), fill(t.how, values), fill(t.ignore, values)],
    action: { label: t.action, url: data.url },
    footer: t.footer,
  });
}
