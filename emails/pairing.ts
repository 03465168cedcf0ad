import type { Locale } from "@/db/schema/enums";
import { layout, type RenderedMail } from "./layout";
import { fill } from "./texts";

export type PartnerKind = "initiative" | "host" | "coach";

const texts = {
  nl: {
    kinds: { initiative: "een maatschappelijk initiatief", host: "een gastorganisatie", coach: "een coach" },
    toParticipant: {
      subject: "Kennismaking: je bent gekoppeld aan {partner}",
      intro: "{name}, in {cohort} ({programme}) ben je gekoppeld aan {partner}, {kind}. Je contactpersoon is {owner}.",
      helpRequest: "Hun hulpvraag: {helpRequest}",
      reach: "Zo bereik je {owner}: {contact}",
      next: "Spreek snel een eerste ontmoeting af. Leg elke ontmoeting daarna vast in Koppel; de ander bevestigt haar.",
      action: "Bekijk je koppeling",
    },
    toPartner: {
      subject: "Kennismaking: {participant} is gekoppeld aan {partner}",
      intro: "{name}, in {cohort} ({programme}) is {participant} gekoppeld aan {partner}. {participant} werkt als {jobTitle} bij {employer}, als deelnemer aan de leergang.",
      areas: "Beleidsterreinen: {areas}",
      helpRequest: "{participant} helpt je met je hulpvraag: {helpRequest}",
      reach: "Zo bereik je {participant}: {contact}",
      next: "Spreek snel een eerste ontmoeting af. Leg elke ontmoeting daarna vast in Koppel; de ander bevestigt haar.",
      action: "Bekijk je koppelingen",
    },
    footer: "Koppel — leren door samen te werken met de samenleving. Je ontvangt deze e-mail omdat je meedoet aan een leergang via Koppel.",
  },
  en: {
    kinds: { initiative: "a social initiative", host: "a host organisation", coach: "a coach" },
    toParticipant: {
      subject: "Introduction: you are paired with {partner}",
      intro: "{name}, in {cohort} ({programme}) you are paired with {partner}, {kind}. Your contact person is {owner}.",
      helpRequest: "Their help request: {helpRequest}",
      reach: "How to reach {owner}: {contact}",
      next: "Arrange a first meeting soon. Afterwards, log every meeting in Koppel; the other side confirms it.",
      action: "See your pairing",
    },
    toPartner: {
      subject: "Introduction: {participant} is paired with {partner}",
      intro: "{name}, in {cohort} ({programme}) {participant} is paired with {partner}. {participant} works as {jobTitle} at {employer} and takes part in the programme.",
      areas: "Policy areas: {areas}",
      helpRequest: "{participant} will help you with your help request: {helpRequest}",
      reach: "How to reach {participant}: {contact}",
      next: "Arrange a first meeting soon. Afterwards, log every meeting in Koppel; the other side confirms it.",
      action: "See your pairings",
    },
    footer: "Koppel — learning by working with society. You receive this email because you take part in a programme through Koppel.",
  },
  "zh-CN": {
    kinds: { initiative: "一个社会倡议项目", host: "一个接待单位", coach: "一位辅导员" },
    toParticipant: {
      subject: "介绍：您已与 {partner} 配对",
      intro: "{name}，在 {cohort}（{programme}）中，您已与 {partner}（{kind}）配对。您的联系人是 {owner}。",
      helpRequest: "对方的求助需求：{helpRequest}",
      reach: "联系 {owner} 的方式：{contact}",
      next: "请尽快安排第一次会面。之后请在 Koppel 中记录每一次会面，由对方确认。",
      action: "查看您的配对",
    },
    toPartner: {
      subject: "介绍：{participant} 已与 {partner} 配对",
      intro: "{name}，在 {cohort}（{programme}）中，{participant} 已与 {partner} 配对。{participant} 在 {employer} 担任 {jobTitle}，是该项目的参与者。",
      areas: "政策领域：{areas}",
      helpRequest: "{participant} 将协助您的求助需求：{helpRequest}",
      reach: "联系 {participant} 的方式：{contact}",
      next: "请尽快安排第一次会面。之后请在 Koppel 中记录每一次会面，由对方确认。",
      action: "查看您的配对",
    },
    footer: "Koppel —— 在与社会的合作中学习。您收到此邮件，是因为您通过 Koppel 参加了一个项目。",
  },
} satisfies Record<Locale, unknown>;

/** How to reach someone: their address, and a phone number when they gave one. */
const contactOf = (email: string, phone?: string | null): string => (phone ? `${email}, ${phone}` : email);

/** The introduction a participant gets when a pair is confirmed: who their partner is and how to reach them. */
export function renderIntroductionToParticipant(
  locale: Locale,
  d: {
    name: string;
    cohort: string;
    programme: string;
    partner: string;
    kind: PartnerKind;
    owner: string;
    helpRequest: string;
    contactEmail: string;
    contactPhone?: string | null;
    url: string;
  },
): RenderedMail {
  const t = texts[locale];
  const { contactPhone, ...rest } = d;
  const v = { ...rest, kind: t.kinds[d.kind], contact: contactOf(d.contactEmail, contactPhone) };
  const paragraphs = [fill(t.toParticipant.intro, v)];
  if (d.helpRequest) paragraphs.push(fill(t.toParticipant.helpRequest, v));
  paragraphs.push(fill(t.toParticipant.reach, v), t.toParticipant.next);
  return layout({ locale, subject: fill(t.toParticipant.subject, v), paragraphs, action: { label: t.toParticipant.action, url: d.url }, footer: t.footer });
}

/** The introduction a partner's owner gets when a pair is confirmed: who the participant is and how to reach them. */
export function renderIntroductionToPartner(
  locale: Locale,
  d: {
    name: string;
    cohort: string;
    programme: string;
    partner: string;
    participant: string;
    jobTitle: string;
    employer: string;
    policyAreas: string[];
    helpRequest: string;
    email: string;
    url: string;
  },
): RenderedMail {
  const t = texts[locale];
  const { policyAreas, ...rest } = d;
  const v = { ...rest, areas: policyAreas.join(", "), contact: d.email };
  const paragraphs = [fill(t.toPartner.intro, v)];
  if (d.policyAreas.length > 0) paragraphs.push(fill(t.toPartner.areas, v));
  if (d.helpRequest) paragraphs.push(fill(t.toPartner.helpRequest, v));
  paragraphs.push(fill(t.toPartner.reach, v), t.toPartner.next);
  return layout({ locale, subject: fill(t.toPartner.subject, v), paragraphs, action: { label: t.toPartner.action, url: d.url }, footer: t.footer });
}
