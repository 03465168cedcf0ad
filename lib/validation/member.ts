import { z } from "zod";
import { LOCALES, ROLES } from "@/db/schema/enums";
import { emailAddress, optionalText } from "./common";

/** An admin invites a person by email with a role. */
export const inviteSchema = z.object({
  email: emailAddress,
  name: optionalText(120),
  role: z.enum(ROLES, { error: "required" }),
  locale: z.enum(LOCALES, { error: "required" }),
});

export type InviteInput = z.infer<typeof inviteSchema>;
export type InviteFormValues = z.input<typeof inviteSchema>;

/** Ask for a sign-in link. */
export const signInSchema = z.object({ email: emailAddress });
export type SignInFormValues = z.input<typeof signInSchema>;

/** An admin gives a member another role. */
export const memberRoleSchema = z.object({
  membershipId: z.uuid({ error: "notFound" }),
  role: z.enum(ROLES, { error: "required" }),
});

/** An admin removes a member from the organisation. */
export const removeMemberSchema = z.object({ membershipId: z.uuid({ error: "notFound" }) });
