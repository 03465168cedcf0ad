import { z } from "zod";
import { requiredText } from "./common";

/** A person names a new personal API token (settings page, CLI). */
export const apiTokenSchema = z.strictObject({
  name: requiredText(100),
});
export type ApiTokenInput = z.infer<typeof apiTokenSchema>;
export type ApiTokenFormValues = z.input<typeof apiTokenSchema>;

/** A person revokes one of their tokens. */
export const revokeApiTokenSchema = z.strictObject({
  id: z.uuid({ error: "invalid" }),
});
