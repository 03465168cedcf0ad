import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { cohorts, partners } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { areaKey, canonicalAreas, distinctAreas, matchAreas } from "@/lib/policy-areas";
import type { MapPolicyAreasInput } from "@/lib/validation/partner";
import { assertRole, COORDINATING, currentOrganisation, type Actor } from "./actor";
import { isUuid } from "./programmes";
import { asActor, inScope, tenant } from "./rls";
import type { Tx } from "./tx";

export { matchAreas } from "@/lib/policy-areas";

/** How many distinct areas one organisation's list holds at most (30 per cohort; many cohorts share them). */
const LIST_LIMIT = 500;

/** Rows of a raw query: node-postgres and PGlite both answer with `rows`. */
function rowsOf<T>(result: { rows: T[] } | T[]): T[] {
  return Array.isArray(result) ? result : result.rows;
}

/** Sorted, one spelling per area. */
function tidy(areas: string[]): string[] {
  return distinctAreas(areas).sort((a, b) => a.localeCompare(b));
}

/**
 * The organisation's policy areas, inside a scoped transaction the caller holds: every area of
 * its cohorts (participants choose from these), one spelling each. Drafts count only when asked:
 * the public form must not show what a draft cohort has not published yet.
 */
export async function organisationPolicyAreas(tx: Tx, organisationId: string, opts: { includeDrafts?: boolean } = { includeDrafts: true }): Promise<string[]> {
  const where = opts.includeDrafts ? eq(cohorts.organisationId, organisationId) : and(eq(cohorts.organisationId, organisationId), ne(cohorts.status, "draft"));
  // Each spelling once, the oldest cohort's first: of "Wonen" and a later " wonen", "Wonen" stays.
  const rows = await tx.execute<{ area: string }>(sql`
    SELECT a.area FROM ${cohorts}, unnest(${cohorts.policyAreas}) AS a(area)
    WHERE ${where}
    GROUP BY a.area ORDER BY min(${cohorts.createdAt}), a.area LIMIT ${LIST_LIMIT}`);
  return tidy(rowsOf(rows).map((r) => r.area));
}

/** The organisation's policy areas for its coordinators (the partner forms offer them). */
export async function listOrganisationPolicyAreas(actor: Actor | null): Promise<string[]> {
  const organisationId = currentOrganisation(actor, COORDINATING);
  return inScope(tenant(organisationId), (tx) => organisationPolicyAreas(tx, organisationId));
}

/** Per organisation, the areas the public registration form offers (cohorts that are not drafts). */
export async function publicPolicyAreas(organisationIds: string[]): Promise<Map<string, string[]>> {
  const ids = organisationIds.filter(isUuid).slice(0, 200);
  if (ids.length === 0) return new Map();
  const rows = await inScope({ kind: "public" }, async (tx) =>
    rowsOf(
      await tx.execute<{ organisationId: string; area: string }>(sql`
        SELECT ${cohorts.organisationId} AS "organisationId", a.area FROM ${cohorts}, unnest(${cohorts.policyAreas}) AS a(area)
        WHERE ${and(inArray(cohorts.organisationId, ids), ne(cohorts.status, "draft"))}
        GROUP BY ${cohorts.organisationId}, a.area ORDER BY min(${cohorts.createdAt}), a.area LIMIT ${LIST_LIMIT * 4}`),
    ),
  );
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(r.organisationId)?.push(r.area);
  for (const [id, areas] of out) out.set(id, tidy(areas));
  return out;
}

/** Areas to store for a partner: the listed ones in the list's spelling, the others as typed. */
export async function storedAreas(tx: Tx, organisationId: string, input: { policyAreas: string[]; otherPolicyAreas?: string[] }): Promise<string[]> {
  const listed = await organisationPolicyAreas(tx, organisationId);
  return canonicalAreas([...input.policyAreas, ...(input.otherPolicyAreas ?? [])], listed).slice(0, 30);
}

/**
 * A coordinator maps a partner's areas that match no listed area onto listed ones ("energie" →
 * "Energietransitie"); a mapping with an empty "to" leaves that area as it is. 404 outside the
 * actor's organisations, 403 for a role that does not coordinate (the partner's owner included).
 */
export async function mapPartnerPolicyAreas(actor: Actor | null, partnerId: string, input: MapPolicyAreasInput): Promise<{ mapped: { from: string; to: string }[] }> {
  if (!isUuid(partnerId)) throw new NotFoundError();
  return asActor(actor, async (tx) => {
    const [head] = await tx.select({ organisationId: partners.organisationId }).from(partners).where(eq(partners.id, partnerId));
    if (!head) throw new NotFoundError();
    assertRole(actor, head.organisationId, COORDINATING);
    const [p] = await tx.select({ policyAreas: partners.policyAreas }).from(partners).where(eq(partners.id, partnerId)).for("update");
    if (!p) throw new NotFoundError();
    const listed = await organisationPolicyAreas(tx, head.organisationId);
    const listedByKey = new Map(listed.map((l) => [areaKey(l), l]));
    const mapped: { from: string; to: string }[] = [];
    const replace = new Map<string, string>();
    for (const m of input.mappings) {
      if (!m.to) continue;
      const to = listedByKey.get(areaKey(m.to));
      if (!to) throw new ConflictError("choose", "mappings");
      replace.set(areaKey(m.from), to);
    }
    const next = p.policyAreas.map((a) => {
      const to = replace.get(areaKey(a));
      if (to !== undefined && !mapped.some((m) => m.from === a)) mapped.push({ from: a, to });
      return to ?? a;
    });
    if (mapped.length === 0) return { mapped };
    await tx
      .update(partners)
      .set({ policyAreas: canonicalAreas(next, listed), updatedAt: new Date() })
      .where(and(eq(partners.id, partnerId), eq(partners.organisationId, head.organisationId)));
    return { mapped };
  });
}

/** Splits partners' areas against the list: `unmatched` is what a coordinator should map. */
export function withUnmatched<T extends { policyAreas: string[] }>(rows: T[], listed: readonly string[]): (T & { unmatchedAreas: string[] })[] {
  return rows.map((r) => ({ ...r, policyAreas: canonicalAreas(r.policyAreas, listed), unmatchedAreas: matchAreas(r.policyAreas, listed).unmatched }));
}
