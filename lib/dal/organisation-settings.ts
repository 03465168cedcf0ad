import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisationLogos, organisations } from "@/db/schema";
import { ConflictError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { LOGO_MAX_BYTES, sniffImageType, type LogoType, type OrganisationSettingsInput } from "@/lib/validation/organisation";
import { ADMINS, assertRole, type Actor } from "./actor";

export { logoUrl } from "@/lib/organisation-logo";
import { isUuid } from "./programmes";
import { inScope, tenant } from "./rls";

/** What an organisation shows of itself on its public pages. */
export interface OrganisationSettings {
  id: string;
  name: string;
  contactEmail: string;
  contactPhone: string | null;
  /** Above 0: part of the logo's URL (see logoUrl); 0 or below: no logo. */
  logoVersion: number;
}

const columns = {
  id: organisations.id,
  name: organisations.name,
  contactEmail: organisations.contactEmail,
  contactPhone: organisations.contactPhone,
  logoVersion: organisations.logoVersion,
};

/** The organisation's settings, for its admins only: 404 for another organisation, 403 for other roles. */
export async function getOrganisationSettings(actor: Actor | null, organisationId: string): Promise<OrganisationSettings> {
  if (!actor) throw new UnauthenticatedError();
  if (!isUuid(organisationId)) throw new NotFoundError();
  assertRole(actor, organisationId, ADMINS);
  return inScope(tenant(organisationId), async (tx) => {
    const [row] = await tx.select(columns).from(organisations).where(eq(organisations.id, organisationId));
    if (!row) throw new NotFoundError();
    return row;
  });
}

/**
 * An admin changes the organisation's name and contact (e-mail, optional phone) shown on its
 * public pages. 404 for another organisation, 403 for other roles.
 */
export async function updateOrganisationSettings(actor: Actor | null, organisationId: string, input: OrganisationSettingsInput): Promise<OrganisationSettings> {
  if (!actor) throw new UnauthenticatedError();
  if (!isUuid(organisationId)) throw new NotFoundError();
  assertRole(actor, organisationId, ADMINS);
  return inScope(tenant(organisationId), async (tx) => {
    const [row] = await tx
      .update(organisations)
      .set({ name: input.name, contactEmail: input.contactEmail, contactPhone: input.contactPhone })
      .where(eq(organisations.id, organisationId))
      .returning(columns);
    if (!row) throw new NotFoundError();
    return row;
  });
}

/**
 * An admin uploads the organisation's logo (PNG, JPEG or WebP by its bytes, not its name; at most
 * 200 kB), or removes it (null). Refusals name the field: `logoTooLarge`, `logoType`, `logoEmpty`.
 */
export async function setOrganisationLogo(actor: Actor | null, organisationId: string, bytes: Uint8Array | null): Promise<{ logoVersion: number }> {
  if (!actor) throw new UnauthenticatedError();
  if (!isUuid(organisationId)) throw new NotFoundError();
  assertRole(actor, organisationId, ADMINS);
  let type: LogoType | null = null;
  if (bytes) {
    if (bytes.byteLength === 0) throw new ConflictError("logoEmpty", "logo");
    if (bytes.byteLength > LOGO_MAX_BYTES) throw new ConflictError("logoTooLarge", "logo");
    type = sniffImageType(bytes);
    if (!type) throw new ConflictError("logoType", "logo");
  }
  return inScope(tenant(organisationId), async (tx) => {
    const [org] = await tx
      .update(organisations)
      // Never the same number twice, so no browser shows a cached old logo: a removal keeps the
      // count as a negative number (no logo), the next upload goes on from it.
      .set({ logoVersion: bytes ? sql`abs(${organisations.logoVersion}) + 1` : sql`-abs(${organisations.logoVersion})` })
      .where(eq(organisations.id, organisationId))
      .returning({ logoVersion: organisations.logoVersion });
    if (!org) throw new NotFoundError();
    if (!bytes || !type) {
      await tx.delete(organisationLogos).where(eq(organisationLogos.organisationId, organisationId));
      return org;
    }
    const row = { contentType: type, data: bytes, version: org.logoVersion, updatedAt: new Date() };
    await tx
      .insert(organisationLogos)
      .values({ organisationId, ...row })
      .onConflictDoUpdate({ target: organisationLogos.organisationId, set: row });
    return org;
  });
}

/** An organisation's logo for the public route: its bytes, type and version; null without one. */
export async function getOrganisationLogo(organisationId: string): Promise<{ contentType: string; data: Uint8Array; version: number } | null> {
  if (!isUuid(organisationId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ contentType: organisationLogos.contentType, data: organisationLogos.data, version: organisationLogos.version })
    .from(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId));
  return row ?? null;
}

/**
 * The settings form's one save: name and contact, and a new logo ("remove" takes it away; null
 * leaves it). The logo is checked before anything is written, so a bad file changes nothing.
 * What the organisation's public pages show changes with it.
 */
export async function saveOrganisationSettings(
  actor: Actor | null,
  organisationId: string,
  input: OrganisationSettingsInput,
  logo: { arrayBuffer(): Promise<ArrayBuffer>; size: number } | "remove" | null,
): Promise<OrganisationSettings> {
  if (!actor) throw new UnauthenticatedError();
  if (!isUuid(organisationId)) throw new NotFoundError();
  assertRole(actor, organisationId, ADMINS);
  // Refused before reading a byte: the size is known from the upload.
  if (logo && logo !== "remove" && logo.size > LOGO_MAX_BYTES) throw new ConflictError("logoTooLarge", "logo");
  const bytes = logo && logo !== "remove" ? new Uint8Array(await logo.arrayBuffer()) : null;
  if (bytes && !sniffImageType(bytes)) throw new ConflictError("logoType", "logo");
  const saved = await updateOrganisationSettings(actor, organisationId, input);
  if (logo === null) return saved;
  const { logoVersion } = await setOrganisationLogo(actor, organisationId, bytes);
  return { ...saved, logoVersion };
}
