import type { Locale } from "@/db/schema/enums";
import { layout, type RenderedMail } from "./layout";
import { fill } from "./texts";

export type EnrollmentMailKind = "received" | "accepted" | "waitlisted" | "waitlistedByReview" | "offered" | "rejected" | "withdrawn" | "offerExpired";

interface Texts {
  subject: string;
  body: string;
}

const texts: Record<Locale, Record<EnrollmentMailKind, Texts> & { reason: string; action: string; footer: string }> = {
  nl: {
    received: { subject: "Je aanmelding voor {cohort} is ontvangen", body: "Dank je wel, {name}. Je aanmelding voor {cohort} ({programme}) is ontvangen. Een coördinator bekijkt haar en je hoort de uitkomst per e-mail." },
    accepted: { subject: "Je bent geplaatst in {cohort}", body: "Goed nieuws, {name}: je bent geplaatst in {cohort} ({programme}). Je hoort binnenkort meer over de bijeenkomsten en je koppeling." },
    waitlisted: { subject: "Je staat op de wachtlijst voor {cohort}", body: "{name}, {cohort} ({programme}) is vol. Je staat op de wachtlijst op plaats {position}. Komt er een plek vrij, dan krijg je die per e-mail aangeboden." },
    waitlistedByReview: { subject: "Je staat op de wachtlijst voor {cohort}", body: "{name}, de coördinator van {cohort} ({programme}) heeft je op de wachtlijst gezet: je staat op plaats {position}. Krijg je alsnog een plek, dan hoor je dat per e-mail." },
    offered: { subject: "Er is een plek vrij in {cohort}", body: "{name}, er is een plek vrijgekomen in {cohort} ({programme}) en die is voor jou. Neem het aanbod aan of wijs het af vóór {expires}; daarna gaat de plek naar de volgende op de wachtlijst." },
    rejected: { subject: "Je aanmelding voor {cohort}", body: "{name}, helaas kunnen we je niet plaatsen in {cohort} ({programme})." },
    withdrawn: { subject: "Je aanmelding voor {cohort} is ingetrokken", body: "{name}, je aanmelding voor {cohort} ({programme}) is ingetrokken. Wil je toch meedoen, meld je dan opnieuw aan zolang de aanmelding open is." },
    offerExpired: { subject: "Het aanbod voor {cohort} is verlopen", body: "{name}, je hebt niet op tijd gereageerd op de vrijgekomen plek in {cohort} ({programme}). De plek is aangeboden aan de volgende op de wachtlijst." },
    reason: "Toelichting: {reason}",
    action: "Bekijk je aanmelding",
    footer: "Koppel — leren door samen te werken met de samenleving. Je ontvangt deze e-mail omdat je je aanmeldde via Koppel.",
  },
  en: {
    received: { subject: "We received your sign-up for {cohort}", body: "Thank you, {name}. We received your sign-up for {cohort} ({programme}). A coordinator will review it and you will hear the outcome by email." },
    accepted: { subject: "You have a place in {cohort}", body: "Good news, {name}: you have a place in {cohort} ({programme}). You will soon hear more about the sessions and your pairing." },
    waitlisted: { subject: "You are on the waitlist for {cohort}", body: "{name}, {cohort} ({programme}) is full. You are number {position} on the waitlist. If a place frees up, we will offer it to you by email." },
    waitlistedByReview: { subject: "You are on the waitlist for {cohort}", body: "{name}, the coordinator of {cohort} ({programme}) has put you on the waitlist: you are number {position}. If you are given a place after all, you will hear it by email." },
    offered: { subject: "A place is free for you in {cohort}", body: "{name}, a place has freed up in {cohort} ({programme}) and it is yours. Accept or decline it before {expires}; after that the place goes to the next person on the waitlist." },
    rejected: { subject: "Your sign-up for {cohort}", body: "{name}, unfortunately we cannot offer you a place in {cohort} ({programme})." },
    withdrawn: { subject: "Your sign-up for {cohort} was withdrawn", body: "{name}, your sign-up for {cohort} ({programme}) was withdrawn. If you still want to take part, sign up again while sign-up is open." },
    offerExpired: { subject: "The offer for {cohort} has expired", body: "{name}, you did not answer the offer of a place in {cohort} ({programme}) in time. The place has been offered to the next person on the waitlist." },
    reason: "Reason: {reason}",
    action: "See your sign-up",
    footer: "Koppel — learning by working with society. You receive this email because you signed up through Koppel.",
  },
  "zh-CN": {
    received: { subject: "我们已收到您对 {cohort} 的报名", body: "{name}，谢谢您。我们已收到您对 {cohort}（{programme}）的报名。协调员审核后，结果将通过电子邮件通知您。" },
    accepted: { subject: "您已获得 {cohort} 的名额", body: "好消息，{name}：您已获得 {cohort}（{programme}）的名额。关于会议和配对的更多信息将很快发送给您。" },
    waitlisted: { subject: "您已进入 {cohort} 的候补名单", body: "{name}，{cohort}（{programme}）已满。您在候补名单上排第 {position} 位。如有名额空出，我们会通过电子邮件通知您。" },
    waitlistedByReview: { subject: "您已进入 {cohort} 的候补名单", body: "{name}，{cohort}（{programme}）的协调员已将您列入候补名单：您排第 {position} 位。如果之后为您安排了名额，我们会通过电子邮件通知您。" },
    offered: { subject: "{cohort} 有一个名额留给您", body: "{name}，{cohort}（{programme}）空出了一个名额，现留给您。请在 {expires} 之前接受或放弃；逾期名额将转给候补名单上的下一位。" },
    rejected: { subject: "关于您对 {cohort} 的报名", body: "{name}，很遗憾，我们无法为您提供 {cohort}（{programme}）的名额。" },
    withdrawn: { subject: "您对 {cohort} 的报名已撤回", body: "{name}，您对 {cohort}（{programme}）的报名已撤回。如仍想参加，请在报名开放期间重新报名。" },
    offerExpired: { subject: "{cohort} 的名额邀请已过期", body: "{name}，您未在期限内回复 {cohort}（{programme}）的名额邀请。该名额已转给候补名单上的下一位。" },
    reason: "说明：{reason}",
    action: "查看您的报名",
    footer: "Koppel —— 在与社会的合作中学习。您收到此邮件，是因为您通过 Koppel 报名。",
  },
};

/** One mail about an enrollment's status, in the recipient's language. */
export function renderEnrollmentMail(
  locale: Locale,
  kind: EnrollmentMailKind,
  data: { name: string; cohort: string; programme: string; url: string; position?: number; expires?: string; reason?: string },
): RenderedMail {
  const t = texts[locale];
  const values = { name: data.name, cohort: data.cohort, programme: data.programme, position: data.position ?? "", expires: data.expires ?? "" };
  const paragraphs = [fill(t[kind].body, values)];
  if (data.reason) paragraphs.push(fill(t.reason, { reason: data.reason }));
  return layout({
    locale,
    subject: fill(t[kind].subject, values),
    paragraphs,
    action: { label: t.action, url: data.url },
    footer: t.footer,
  });
}
