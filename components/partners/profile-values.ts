import { matchAreas } from "@/lib/policy-areas";

// Shared by server pages (the stored profile into form values) and the client forms.

/** The fields a partner's owner keeps up to date (helpRequestSchema), on the registration and the edit form. */
export type ProfileField =
  | "helpRequest"
  | "description"
  | "policyAreas"
  | "otherPolicyAreas"
  | "languages"
  | "capacityPerCohort"
  | "location"
  | "region"
  | "website"
  | "contactEmail"
  | "contactPhone";

/** The values these fields hold in a form: listed policy areas ticked, other ones as text, one per line. */
export interface ProfileFormValues {
  helpRequest: string;
  description: string;
  policyAreas: string[] | string | false;
  otherPolicyAreas: string;
  languages: string[] | string | false;
  capacityPerCohort: number | string;
  location: string;
  region: string;
  website: string;
  contactEmail: string;
  contactPhone: string;
}

/** The profile as stored, turned into form values: areas on the organisation's list ticked, the others typed. */
export function profileFormValues(p: {
  helpRequest: string;
  description: string;
  policyAreas: string[];
  listedAreas: string[];
  languages: string[];
  capacityPerCohort: number;
  location: string;
  region: string | null;
  website: string;
  contactEmail: string;
  contactPhone: string | null;
}): ProfileFormValues {
  return {
    helpRequest: p.helpRequest,
    description: p.description,
    ...areaFormValues(p.policyAreas, p.listedAreas),
    languages: p.languages,
    capacityPerCohort: p.capacityPerCohort,
    location: p.location,
    region: p.region ?? "",
    website: p.website,
    contactEmail: p.contactEmail,
    contactPhone: p.contactPhone ?? "",
  };
}

/** Stored areas as the picker holds them: listed ones ticked (the list's spelling), the others one per line. */
export function areaFormValues(areas: string[], listed: string[]): { policyAreas: string[]; otherPolicyAreas: string } {
  const { matched, unmatched } = matchAreas(areas, listed);
  return { policyAreas: matched, otherPolicyAreas: unmatched.join("\n") };
}
