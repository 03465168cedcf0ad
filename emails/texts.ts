import type { Locale } from "@/db/schema/enums";

/** Texts of every mail, per language. `{name}`-style fields are filled in by fill(). */
export const mailTexts = {
  nl: {
    footer: "Koppel — leren door samen te werken met de samenleving. Je ontvangt deze e-mail omdat je adres bij Koppel bekend is.",
    magicLink: {
      subject: "Je aanmeldlink voor Koppel",
      intro: "Je vroeg om een link om je aan te melden bij Koppel.",
      action: "Aanmelden bij Koppel",
      expiry: "De link werkt één keer en verloopt na {minutes} minuten; vraag je een nieuwe aan, dan werkt alleen die nog. Vroeg je hier niet om? Dan kun je deze e-mail negeren.",
    },
    invitation: {
      subject: "Uitnodiging voor {organisation} op Koppel",
      intro: "{inviter} nodigt je uit voor {organisation} op Koppel, als {role}.",
      action: "Uitnodiging aannemen",
      expiry: "De knop opent de aanmeldpagina van Koppel; daar vraag je een aanmeldlink aan die we je meteen mailen.",
    },
    roles: { admin: "beheerder", coordinator: "coördinator", participant: "deelnemer", partner: "partner" },
  },
  en: {
    footer: "Koppel — learning by working with society. You receive this email because your address is known to Koppel.",
    magicLink: {
      subject: "Your sign-in link for Koppel",
      intro: "You asked for a link to sign in to Koppel.",
      action: "Sign in to Koppel",
      expiry: "The link works once and expires in {minutes} minutes; if you ask for a new one, only the newest works. Didn't ask for it? You can ignore this email.",
    },
    invitation: {
      subject: "Invitation to {organisation} on Koppel",
      intro: "{inviter} invites you to {organisation} on Koppel, as {role}.",
      action: "Accept the invitation",
      expiry: "The button opens Koppel's sign-in page, where you ask for a sign-in link that we mail to you straight away.",
    },
    roles: { admin: "administrator", coordinator: "coordinator", participant: "participant", partner: "partner" },
  },
  "zh-CN": {
    footer: "Koppel —— 在与社会的合作中学习。您收到此邮件，是因为您的地址已在 Koppel 登记。",
    magicLink: {
      subject: "您的 Koppel 登录链接",
      intro: "您申请了登录 Koppel 的链接。",
      action: "登录 Koppel",
      expiry: "该链接只能使用一次，{minutes} 分钟后失效；如果您再次申请，只有最新的链接有效。如果这不是您本人的申请，请忽略此邮件。",
    },
    invitation: {
      subject: "邀请您加入 Koppel 上的 {organisation}",
      intro: "{inviter} 邀请您以{role}身份加入 Koppel 上的 {organisation}。",
      action: "接受邀请",
      expiry: "点击按钮会打开 Koppel 的登录页面，您可在那里申请登录链接，我们会立即通过邮件发送给您。",
    },
    roles: { admin: "管理员", coordinator: "协调员", participant: "参与者", partner: "合作伙伴" },
  },
} satisfies Record<Locale, unknown>;

export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
