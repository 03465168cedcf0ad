import { describe, expect, it } from "vitest";
import { LOCALES } from "@/db/schema/enums";
import { renderMeetingMail } from "./meetings";
import { renderIntroductionToParticipant, renderIntroductionToPartner } from "./pairing";
import { renderPartnerMail, type PartnerMailKind } from "./partners";

const url = "http://localhost:3000/nl/partner";
const unfilled = /\{[a-zA-Z]+\}/;

describe("pairing mail templates", () => {
  it("fill every field in every language", () => {
    for (const l of LOCALES) {
      const mails = [
        renderIntroductionToParticipant(l, { name: "Pim", cohort: "Voorjaar 2027", programme: "EP", partner: "De Groene Vinger", kind: "initiative", owner: "Fatima", helpRequest: "Subsidie", contactEmail: "f@example.org", contactPhone: "+31 6 1", url }),
        renderIntroductionToPartner(l, { name: "Fatima", cohort: "Voorjaar 2027", programme: "EP", partner: "De Groene Vinger", participant: "Pim", jobTitle: "Adviseur", employer: "EZ", policyAreas: ["Wonen"], helpRequest: "Subsidie", email: "p@example.org", url }),
        renderMeetingMail(l, "logged", { name: "Pim", other: "Fatima", when: "1 maart", duration: 60, mode: "online", notes: "x", url }),
        renderMeetingMail(l, "disputed", { name: "Fatima", other: "Pim", when: "1 maart", duration: 60, mode: "in_person", comment: "y", url }),
        ...(["registered", "invited", "approved", "declined"] as PartnerMailKind[]).map((k) =>
          renderPartnerMail(l, k, { name: "Yara", partner: "Buurtkeuken", organisation: "Stichting", inviter: "Coen", url, reason: "r" }),
        ),
      ];
      for (const m of mails) {
        expect(m.subject).not.toMatch(unfilled);
        expect(m.text).not.toMatch(unfilled);
        expect(m.html).toContain(`lang="${l}"`);
      }
    }
  });

  it("escapes what people typed in the introduction's HTML", () => {
    const m = renderIntroductionToParticipant("en", { name: "Pim", cohort: "C", programme: "P", partner: "<b>Tuin</b>", kind: "host", owner: "F", helpRequest: "<script>alert(1)</script>", contactEmail: "f@example.org", url });
    expect(m.html).not.toContain("<script>");
    expect(m.html).not.toContain("<b>");
    expect(m.text).toContain("a host organisation");
  });
});
