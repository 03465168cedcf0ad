import { z } from "zod";
import { plainString } from "./common";
import { areasChosen, registerPartnerShape } from "./partner";

/**
 * The public registration form: the owner's schema plus the organisation registered with (which
 * the DAL takes apart from the profile, by id or slug).
 */
export const registerPartnerFormSchema = z
  .strictObject({
    ...registerPartnerShape,
    organisation: plainString({ error: "choose" }).trim().min(1, { error: "choose" }).max(100, { error: "invalid" }),
  })
  .superRefine(areasChosen);
export type RegisterPartnerFormInput = z.infer<typeof registerPartnerFormSchema>;
export type RegisterPartnerFormFields = z.input<typeof registerPartnerFormSchema>;
