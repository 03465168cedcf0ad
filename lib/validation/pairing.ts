import { z } from "zod";
import { requiredText } from "./common";

const id = z.uuid({ error: "invalid" });

/** One participant (by enrollment) with one partner. */
export const pairSchema = z.strictObject({ enrollmentId: id, partnerId: id });
export type PairInput = z.infer<typeof pairSchema>;

/** Ending a pair needs a reason: it stays on the pair's record. */
export const unpairSchema = z.strictObject({ reason: requiredText(1000) });
export type UnpairInput = z.infer<typeof unpairSchema>;

/** Moving a participant to another partner, with the reason. */
export const changePairSchema = z.strictObject({ partnerId: id, reason: requiredText(1000) });
export type ChangePairInput = z.infer<typeof changePairSchema>;

/** A (possibly edited) proposal to apply in one step: each participant at most once. */
export const applyProposalSchema = z.strictObject({
  pairs: z
    .array(pairSchema)
    .min(1, { error: "chooseAtLeastOne" })
    .max(2000, { error: "tooMany" })
    .refine((ps) => new Set(ps.map((p) => p.enrollmentId)).size === ps.length, { error: "duplicateParticipant" }),
});
export type ApplyProposalInput = z.infer<typeof applyProposalSchema>;
