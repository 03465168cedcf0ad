// Policy areas (beleidsterreinen) are typed by coordinators on their cohorts; participants choose
// from those, and partners choose from the same list (the organisation's areas) or add their own.
// One key decides whether two spellings are the same area, for the forms and for pairing alike.

/** Case-, accent-, whitespace- and Unicode-form-insensitive key of a policy area ("Économie " → "economie"). */
export function areaKey(area: string): string {
  return area
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** Areas without empty ones and without a second spelling of one already there (the first spelling stays). */
export function distinctAreas(areas: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of areas) {
    const label = raw.trim().replace(/\s+/g, " ");
    const key = areaKey(label);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(label);
  }
  return out;
}

/**
 * A partner's areas split against the organisation's list: those that match a listed area (in the
 * list's spelling) and those that match none, which a coordinator sees as unmatched.
 */
export function matchAreas(areas: readonly string[], listed: readonly string[]): { matched: string[]; unmatched: string[] } {
  const byKey = new Map(listed.map((l) => [areaKey(l), l.trim()]));
  const matched: string[] = [];
  const unmatched: string[] = [];
  for (const area of distinctAreas(areas)) {
    const hit = byKey.get(areaKey(area));
    if (hit === undefined) unmatched.push(area);
    else if (!matched.includes(hit)) matched.push(hit);
  }
  return { matched, unmatched };
}

/** Areas as stored: each that matches a listed area in the list's spelling, the others as typed, no area twice. */
export function canonicalAreas(areas: readonly string[], listed: readonly string[]): string[] {
  const byKey = new Map(listed.map((l) => [areaKey(l), l.trim()]));
  return distinctAreas(areas.map((a) => byKey.get(areaKey(a)) ?? a));
}
