import { z } from "zod";
import { LOCALES } from "@/db/schema/enums";
import { plainString, requiredText, timeZone } from "./common";

/** Digits, spaces, a leading +, brackets and dashes: how people write phone numbers anywhere. */
const PHONE = /^\+?[0-9][0-9 ()-]{4,28}[0-9]$/;

/** A person's own profile (settings page, form and server). */
export const profileSchema = z.strictObject({
  name: requiredText(120),
  locale: z.enum(LOCALES, { error: "choose" }),
  timeZone,
  phone: plainString()
    .trim()
    .max(30, { error: "tooLong" })
    .refine((v) => v === "" || PHONE.test(v), { error: "phone" })
    .default(""),
});
export type ProfileInput = z.infer<typeof profileSchema>;
export type ProfileFormValues = z.input<typeof profileSchema>;
