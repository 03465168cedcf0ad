import { requireActor } from "@/lib/api/auth";
import { handle, HttpProblem, type IdContext, json, otherMethods, readJson } from "@/lib/api/http";
import { apiText } from "@/lib/api/messages";
import { proposalJson } from "@/lib/api/serialize-pairing";
import { applyProposal, proposePairs } from "@/lib/dal/pairs";
import { applyProposalSchema } from "@/lib/validation/pairing";

export const dynamic = "force-dynamic";

/** For the cohort's coordinators: the best assignment of its unpaired participants to partners' places left (not stored). */
export const GET = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  return json(proposalJson(await proposePairs(actor, id)));
});

/** For the cohort's coordinators: apply an (edited) proposal in one step, all pairs or none. */
export const POST = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const { pairs } = await readJson(req, applyProposalSchema);
  const result = await applyProposal(actor, id, pairs);
  if (!result.applied) {
    const index = new Map(pairs.map((p, i) => [p.enrollmentId, i]));
    throw new HttpProblem(409, {
      code: "proposalRefused",
      detail: `${apiText("proposalRefused")} ${result.failures.length} of ${pairs.length} pairs failed.`,
      failures: result.failures,
      errors: Object.fromEntries(result.failures.map((f) => [`pairs.${index.get(f.enrollmentId)}`, [f.reason]])),
    });
  }
  return json({ pairIds: result.pairIds }, { status: 201 });
});

/** Other methods: a 405 problem naming these. */
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
