import type { Locale } from "@/db/schema/enums";
import { layout, type RenderedMail } from "./layout";
import { fill } from "./texts";

export type PartnerMailKind = "registered" | "invited" | "approved" | "declined";

interface Texts {
  subject: string;
  body: string;
  action: string;
}

const texts: Record<Locale, Record<PartnerMailKind, Texts> & { reason: string; signIn: string; footer: string }> = {
  nl: {
    registered: {
      subject: "Je aanmelding van {partner} is ontvangen",
      body: "Dank je wel, {name}. {organisation} heeft de aanmelding van {partner} ontvangen. Een coördinator bekijkt haar; je hoort per e-mail of {partner} mee kan doen. Op Koppel kun je je hulpvraag nog aanpassen.",
      action: "Naar Koppel",
    },
    invited: {
      subject: "{partner} staat op Koppel voor {organisation}",
      body: "{name}, {inviter} van {organisation} heeft {partner} op Koppel gezet, zodat deelnemers aan een leergang met jou kunnen samenwerken. Controleer je hulpvraag en vul aan wat ontbreekt.",
      action: "Hulpvraag bekijken",
    },
    approved: {
      subject: "{partner} doet mee bij {organisation}",
      body: "Goed nieuws, {name}: {organisation} heeft {partner} goedgekeurd. Zodra er een deelnemer aan jou gekoppeld is, krijg je een kennismakingsmail.",
      action: "Naar Koppel",
    },
    declined: {
      subject: "Je aanmelding van {partner}",
      body: "{name}, helaas kan {organisation} {partner} nu niet laten meedoen.",
      action: "Naar Koppel",
    },
    reason: "Toelichting: {reason}",
    signIn: "De knop opent de aanmeldpagina van Koppel; daar vraag je een aanmeldlink aan die we je meteen mailen.",
    footer: "Koppel — leren door samen te werken met de samenleving. Je ontvangt deze e-mail omdat je initiatief op Koppel staat.",
  },
  en: {
    registered: {
      subject: "We received the registration of {partner}",
      body: "Thank you, {name}. {organisation} received the registration of {partner}. A coordinator will review it; you will hear by email whether {partner} can take part. On Koppel you can still edit your help request.",
      action: "Go to Koppel",
    },
    invited: {
      subject: "{partner} is on Koppel for {organisation}",
      body: "{name}, {inviter} of {organisation} has put {partner} on Koppel, so that participants of a programme can work with you. Please check your help request and add what is missing.",
      action: "See your help request",
    },
    approved: {
      subject: "{partner} takes part with {organisation}",
      body: "Good news, {name}: {organisation} approved {partner}. As soon as a participant is paired with you, you get an introduction email.",
      action: "Go to Koppel",
    },
    declined: {
      subject: "Your registration of {partner}",
      body: "{name}, unfortunately {organisation} cannot have {partner} take part at this time.",
      action: "Go to Koppel",
    },
    reason: "Reason: {reason}",
    signIn: "The button opens Koppel's sign-in page, where you ask for a sign-in link that we mail to you straight away.",
    footer: "Koppel — learning by working with society. You receive this email because your initiative is on Koppel.",
  },
  "zh-CN": {
    registered: {
      subject: "我们已收到 {partner} 的登记",
      body: "{name}，谢谢您。{organisation} 已收到 {partner} 的登记。协调员审核后，我们会通过电子邮件告诉您 {partner} 能否参加。您还可以在 Koppel 上修改您的求助需求。",
      action: "前往 Koppel",
    },
    invited: {
      subject: "{partner} 已登记在 Koppel 上（{organisation}）",
      body: "{name}，{organisation} 的 {inviter} 已将 {partner} 登记到 Koppel，以便项目参与者与您合作。请检查您的求助需求并补充缺少的内容。",
      action: "查看求助需求",
    },
    approved: {
      subject: "{partner} 已获 {organisation} 批准参加",
      body: "好消息，{name}：{organisation} 已批准 {partner}。一旦有参与者与您配对，您会收到一封介绍邮件。",
      action: "前往 Koppel",
    },
    declined: {
      subject: "关于 {partner} 的登记",
      body: "{name}，很遗憾，{organisation} 目前无法让 {partner} 参加。",
      action: "前往 Koppel",
    },
    reason: "说明：{reason}",
    signIn: "点击按钮会打开 Koppel 的登录页面，您可在那里申请登录链接，我们会立即通过邮件发送给您。",
    footer: "Koppel —— 在与社会的合作中学习。您收到此邮件，是因为您的倡议项目已登记在 Koppel 上。",
  },
};

/** A mail to a partner's owner about its registration, invitation or the coordinator's decision. */
export function renderPartnerMail(
  locale: Locale,
  kind: PartnerMailKind,
  d: { name: string; partner: string; organisation: string; url: string; inviter?: string; reason?: string },
): RenderedMail {
  const t = texts[locale];
  const v = { name: d.name, partner: d.partner, organisation: d.organisation, inviter: d.inviter ?? "" };
  const paragraphs = [fill(t[kind].body, v)];
  if (d.reason) paragraphs.push(fill(t.reason, { reason: d.reason }));
  paragraphs.push(t.signIn);
  return layout({ locale, subject: fill(t[kind].subject, v), paragraphs, action: { label: t[kind].action, url: d.url }, footer: t.footer });
}
