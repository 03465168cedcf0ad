import { describe, expect, it } from "vitest";
import { LOCALES } from "@/db/schema/enums";
import { renderInvitation } from "./invitation";
import { renderMagicLink } from "./magic-link";
import { renderSignUpConfirmation } from "./sign-up-confirmation";

describe("mail templates", () => {
  it("renders the sign-in mail in each language with the link in text and HTML", () => {
    const url = "http://localhost:3000/api/auth/callback/nodemailer?token=abc&email=a%40example.org";
    const subjects = LOCALES.map((l) => renderMagicLink(l, { url, minutes: 15 }).subject);
    expect(subjects).toEqual(["Je aanmeldlink voor Koppel", "Your sign-in link for Koppel", "您的 Koppel 登录链接"]);
    for (const l of LOCALES) {
      const m = renderMagicLink(l, { url, minutes: 15 });
      expect(m.text).toContain(url);
      expect(m.text).toContain("15");
      expect(m.html).toContain(url.replace(/&/g, "&amp;"));
      expect(m.html).toContain(`lang="${l}"`);
    }
  });
  it("escapes names in the invitation's HTML", () => {
    const m = renderInvitation("en", {
      url: "http://localhost:3000/x",
      organisation: "<script>alert(1)</script>",
      inviter: "Anna",
      role: "coordinator",
    });
    expect(m.subject).toBe("Invitation to <script>alert(1)</script> on Koppel");
    expect(m.html).not.toContain("<script>");
    expect(m.text).toContain("as coordinator");
    expect(m.text).toContain("sign-in page");
  });
  it("renders the sign-up confirmation in each language: the link, the cohort, and that ignoring it changes nothing", () => {
    const url = "http://localhost:3000/nl/programmes/c/confirm?token=abc";
    const ignore = { nl: "er gebeurt niets", en: "nothing happens", "zh-CN": "不会发生任何事情" } as const;
    for (const l of LOCALES) {
      const m = renderSignUpConfirmation(l, { url, cohort: "Voorjaar <2027>", programme: "EmpoweringPeople", organisation: "Stichting", hours: 24 });
      expect(m.text).toContain(url);
      expect(m.text).toContain("Voorjaar <2027>");
      expect(m.html).not.toContain("<2027>");
      expect(m.text).toContain(ignore[l]);
      expect(m.text).toContain("24");
      expect(m.text).not.toMatch(/\{\w+\}/);
    }
  });
});
