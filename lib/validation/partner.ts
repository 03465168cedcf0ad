import { z } from "zod";
import { LOCALES, PARTNER_KINDS } from "@/db/schema/enums";
import { emailAddress, optionalText, plainString, requiredText, wholeNumber } from "./common";
import { policyAreaLines } from "./enrollment";
import { languageList, optionalRegion } from "./regions";

export { REGIONS, LANGUAGE_OPTIONS, type Region } from "./regions";

/** http(s) only: the address is shown as a link, and `javascript:` must never become one. */
const website = plainString()
  .trim()
  .max(300, { error: "tooLong" })
  .transform((v) => (v && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v))
  .refine((v) => v === "" || isWebAddress(v), { error: "website" })
  .default("");

function isWebAddress(v: string): boolean {
  try {
    const url = new URL(v);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** Optional; "" and null both mean none (so a parsed value parses again to itself). */
export const optionalPhone = z.preprocess(
  (v) => (v === null || v === undefined ? "" : v),
  plainString()
    .trim()
    .max(40, { error: "tooLong" })
    .refine((v) => v === "" || /^\+?[0-9 ()./-]{6,30}$/.test(v), { error: "phone" })
    .transform((v) => (v === "" ? null : v)),
);

/** An empty contact address means "use the owner's". */
const optionalEmail = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), emailAddress.optional());

/** What the owner (and the coordinators) keep up to date: the help request and how to match it. */
const profileFields = {
  description: optionalText(4000),
  website,
  location: optionalText(200),
  region: optionalRegion.optional().transform((v) => v ?? null),
  helpRequest: requiredText(4000),
  // Ticked from the organisation's list (or, from the API, any areas); "other" ones typed one per
  // line. The DAL stores both as one list, in the list's spelling where an area matches it.
  policyAreas: policyAreaLines,
  otherPolicyAreas: policyAreaLines.default([]),
  languages: languageList.refine((a) => a.length > 0, { error: "chooseAtLeastOne" }),
  capacityPerCohort: wholeNumber(1, 50),
  contactEmail: optionalEmail,
  contactPhone: optionalPhone,
};

/** Names the partner also goes by (one per line): a participant employed there is never paired with it. */
const aliases = policyAreaLines.default([]);

/** At least one policy area, ticked or typed; at most 30 in all. The message sits at the list. */
export function areasChosen(v: { policyAreas: string[]; otherPolicyAreas: string[] }, ctx: z.RefinementCtx) {
  const count = v.policyAreas.length + v.otherPolicyAreas.length;
  if (count === 0) ctx.addIssue({ code: "custom", path: ["policyAreas"], message: "chooseAtLeastOne" });
  else if (count > 30) ctx.addIssue({ code: "custom", path: ["policyAreas"], message: "tooMany" });
}

/** The owner or a coordinator edits the help request and what pairing uses. */
export const helpRequestSchema = z.strictObject(profileFields).superRefine(areasChosen);
export type HelpRequestInput = z.infer<typeof helpRequestSchema>;
export type HelpRequestFormValues = z.input<typeof helpRequestSchema>;

/** A coordinator edits everything, including the name, kind and other names. */
export const partnerEditSchema = z
  .strictObject({
    ...profileFields,
    name: requiredText(200),
    kind: z.enum(PARTNER_KINDS, { error: "choose" }),
    aliases,
  })
  .superRefine(areasChosen);
export type PartnerEditInput = z.infer<typeof partnerEditSchema>;

/** The fields of the public registration form, without the organisation (see partner-registration.ts). */
export const registerPartnerShape = {
  ...profileFields,
  name: requiredText(200),
  kind: z.enum(PARTNER_KINDS, { error: "choose" }),
  ownerName: requiredText(120),
  ownerEmail: emailAddress,
  consent: z.literal(true, { error: "consentRequired" }),
};

/** The public form on which an initiative owner registers (no account needed). */
export const registerPartnerSchema = z.strictObject(registerPartnerShape).superRefine(areasChosen);
export type RegisterPartnerInput = z.infer<typeof registerPartnerSchema>;
export type RegisterPartnerFormValues = z.input<typeof registerPartnerSchema>;

/** A coordinator puts a partner on Koppel (approved at once) and invites its owner. */
export const invitePartnerSchema = z
  .strictObject({
    ...profileFields,
    // The coordinator may not know the help request yet; the owner fills it in after the invitation.
    helpRequest: optionalText(4000),
    name: requiredText(200),
    kind: z.enum(PARTNER_KINDS, { error: "choose" }),
    aliases,
    ownerName: requiredText(120),
    ownerEmail: emailAddress,
    ownerLocale: z.enum(LOCALES, { error: "choose" }).default("nl"),
  })
  .superRefine(areasChosen);
export type InvitePartnerInput = z.infer<typeof invitePartnerSchema>;
export type InvitePartnerFormValues = z.input<typeof invitePartnerSchema>;

export const PARTNER_DECISIONS = ["approve", "decline"] as const;
export type PartnerDecision = (typeof PARTNER_DECISIONS)[number];

/** A coordinator approves or declines a registration; the reason goes to the owner. */
export const partnerDecisionSchema = z.strictObject({
  decision: z.enum(PARTNER_DECISIONS, { error: "choose" }),
  reason: optionalText(1000),
});
export type PartnerDecisionInput = z.infer<typeof partnerDecisionSchema>;

/** A coordinator links a partner to a cohort; without a capacity the partner's own number is used. */
export const linkPartnerSchema = z.strictObject({
  cohortId: z.uuid({ error: "invalid" }),
  capacity: z.preprocess((v) => (v === "" || v === null ? undefined : v), wholeNumber(1, 50).optional()),
});
export type LinkPartnerInput = z.infer<typeof linkPartnerSchema>;

/** A coordinator maps a partner's unmatched areas onto listed ones: from → to ("" keeps it as it is). */
export const mapPolicyAreasSchema = z.strictObject({
  mappings: z
    .array(z.strictObject({ from: plainString().trim().min(1, { error: "required" }).max(200, { error: "tooLong" }), to: plainString().trim().max(200, { error: "tooLong" }) }))
    .max(30, { error: "tooMany" }),
});
export type MapPolicyAreasInput = z.infer<typeof mapPolicyAreasSchema>;

/** A coordinator links several partners to one cohort at once, each with its number of places. */
export const linkPartnersSchema = z.strictObject({
  links: z
    .array(z.strictObject({ partnerId: z.uuid({ error: "invalid" }), capacity: wholeNumber(1, 50) }))
    .min(1, { error: "chooseAtLeastOne" })
    .max(100, { error: "tooMany" }),
});
export type LinkPartnersInput = z.infer<typeof linkPartnersSchema>;
