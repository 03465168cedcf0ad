import type { Locale } from "@/db/schema/enums";
import { layout, type RenderedMail } from "./layout";
import { fill } from "./texts";

export type MeetingMailKind = "logged" | "disputed";

const texts = {
  nl: {
    logged: {
      subject: "Bevestig je ontmoeting van {when}",
      body: "{name}, {other} heeft een ontmoeting vastgelegd in Koppel: {when}, {duration} minuten, {mode}. Klopt dit? Bevestig de ontmoeting of geef aan wat er niet klopt.",
      action: "Ontmoeting bevestigen",
    },
    disputed: {
      subject: "{other} herkent de ontmoeting van {when} niet",
      body: "{name}, {other} heeft de ontmoeting van {when} die je vastlegde niet bevestigd.",
      action: "Bekijk je ontmoetingen",
    },
    notes: "Wat je deed: {notes}",
    comment: "Toelichting: {comment}",
    modes: { in_person: "op locatie", online: "online" },
    footer: "Koppel — leren door samen te werken met de samenleving. Je ontvangt deze e-mail omdat je gekoppeld bent via Koppel.",
  },
  en: {
    logged: {
      subject: "Please confirm your meeting of {when}",
      body: "{name}, {other} logged a meeting in Koppel: {when}, {duration} minutes, {mode}. Is this right? Confirm the meeting, or say what is not right.",
      action: "Confirm the meeting",
    },
    disputed: {
      subject: "{other} does not recognise the meeting of {when}",
      body: "{name}, {other} did not confirm the meeting of {when} that you logged.",
      action: "See your meetings",
    },
    notes: "What you did: {notes}",
    comment: "Comment: {comment}",
    modes: { in_person: "in person", online: "online" },
    footer: "Koppel — learning by working with society. You receive this email because you are paired through Koppel.",
  },
  "zh-CN": {
    logged: {
      subject: "请确认您在 {when} 的会面",
      body: "{name}，{other} 在 Koppel 中记录了一次会面：{when}，{duration} 分钟，{mode}。信息是否正确？请确认这次会面，或说明哪里不对。",
      action: "确认会面",
    },
    disputed: {
      subject: "{other} 不认可 {when} 的会面",
      body: "{name}，{other} 没有确认您记录的 {when} 的会面。",
      action: "查看您的会面",
    },
    notes: "会面内容：{notes}",
    comment: "说明：{comment}",
    modes: { in_person: "线下", online: "线上" },
    footer: "Koppel —— 在与社会的合作中学习。您收到此邮件，是因为您通过 Koppel 进行了配对。",
  },
} satisfies Record<Locale, unknown>;

/** A mail about a logged meeting: to the other side asking to confirm it, or to the logger when it is disputed. */
export function renderMeetingMail(
  locale: Locale,
  kind: MeetingMailKind,
  d: { name: string; other: string; when: string; duration: number; mode: "in_person" | "online"; notes?: string; comment?: string; url: string },
): RenderedMail {
  const t = texts[locale];
  const v = { name: d.name, other: d.other, when: d.when, duration: d.duration, mode: t.modes[d.mode] };
  const paragraphs = [fill(t[kind].body, v)];
  if (d.notes) paragraphs.push(fill(t.notes, { notes: d.notes }));
  if (d.comment) paragraphs.push(fill(t.comment, { comment: d.comment }));
  return layout({ locale, subject: fill(t[kind].subject, v), paragraphs, action: { label: t[kind].action, url: d.url }, footer: t.footer });
}
