/** An organisation logo's address; the version makes a changed logo a new URL, so each may be cached for ever. */
export function logoUrl(organisationId: string, version: number): string | null {
  return version > 0 ? `/api/organisations/${organisationId}/logo?v=${version}` : null;
}
