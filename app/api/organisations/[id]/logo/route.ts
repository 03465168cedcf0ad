import { getOrganisationLogo } from "@/lib/dal/organisation-settings";

export const dynamic = "force-dynamic";

const NOT_FOUND = { status: 404, headers: { "cache-control": "no-store", "x-content-type-options": "nosniff" } };

/**
 * An organisation's logo, public like its name. The bytes were checked at upload (PNG, JPEG or
 * WebP by their first bytes) and are served with that type, `nosniff`, and no way to run as a
 * page. The URL carries the version (`?v=`): the current version is cached for a year, any other
 * address briefly, so a changed logo shows at once.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const logo = await getOrganisationLogo(id);
  if (!logo) return new Response(null, NOT_FOUND);
  const current = new URL(request.url).searchParams.get("v") === String(logo.version);
  return new Response(Buffer.from(logo.data), {
    headers: {
      "content-type": logo.contentType,
      "content-length": String(logo.data.byteLength),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "content-disposition": "inline",
      "cache-control": current ? "public, max-age=31536000, immutable" : "public, max-age=60",
    },
  });
}
