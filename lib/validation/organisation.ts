import { z } from "zod";
import { emailAddress, requiredText } from "./common";
import { optionalPhone } from "./partner";

/** An admin's organisation settings: the name and contact shown on the organisation's public pages. */
export const organisationSettingsSchema = z.strictObject({
  name: requiredText(120),
  contactEmail: emailAddress,
  contactPhone: optionalPhone,
});
export type OrganisationSettingsInput = z.infer<typeof organisationSettingsSchema>;

/** Logo files an organisation may upload: small raster images only (no SVG: it can carry script). */
export const LOGO_MAX_BYTES = 200 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/**
 * What the file's first bytes say it is, whatever its name or declared type: PNG, JPEG or WebP,
 * else null (an SVG, a renamed HTML page, a PDF…).
 */
export function sniffImageType(bytes: Uint8Array): LogoType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (bytes.length >= 8 && starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (bytes.length >= 3 && starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  // "RIFF" <size> "WEBP"
  if (bytes.length >= 12 && starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}
