import { requireActor } from "@/lib/api/auth";
import { handle, HttpProblem, type IdContext, json, otherMethods, readJson, validate } from "@/lib/api/http";
import { apiText } from "@/lib/api/messages";
import { PARTNER_IDENTITY_FIELDS, partnerPatchSchema, patchBody } from "@/lib/api/schemas";
import { partnerEditValues, partnerJson } from "@/lib/api/serialize-pairing";
import { getPartner, updateHelpRequest } from "@/lib/dal/partners";
import { helpRequestSchema, partnerEditSchema } from "@/lib/validation/partner";

export const dynamic = "force-dynamic";

/** One partner with its profile and cohorts: for its organisation's coordinators and its owner. */
export const GET = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  return json(partnerJson(await getPartner(actor, id)));
});

/**
 * The owner updates the help request and what pairing uses; a coordinator may also change the
 * name, kind and other names. Only the fields sent change.
 */
export const PATCH = handle(async (req, ctx: IdContext) => {
  const actor = await requireActor(req);
  const { id } = await ctx.params;
  const current = await getPartner(actor, id);
  const body = await readJson(req, patchBody);
  const identity = PARTNER_IDENTITY_FIELDS.filter((k) => Object.hasOwn(body, k));
  if (!current.canEditIdentity && identity.length > 0) {
    throw new HttpProblem(403, {
      code: "forbidden",
      detail: apiText("identityFields")!,
      errors: Object.fromEntries(identity.map((k) => [k, ["identityFields"]])),
    });
  }
  const schema = current.canEditIdentity ? partnerEditSchema : helpRequestSchema;
  const input = await validate(partnerPatchSchema(schema, partnerEditValues(current)), body);
  await updateHelpRequest(actor, id, input);
  return json(partnerJson(await getPartner(actor, id)));
});

/** Other methods: a 405 problem naming these. */
export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
