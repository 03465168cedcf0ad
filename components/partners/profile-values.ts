// Shared by server pages (the stored profile into form values) and the client forms.

/** The fields a partner's owner keeps up to date (helpRequestSchema), on the registration and the edit form. */
export type ProfileField =
  | "helpRequest"
  | "description"
  | "policyAreas"
  | "languages"
  | "capacityPerCohort"
  | "location"
  | "region"
  | "website"
  | "contactEmail"
  | "contactPhone";

/** The values these fields hold in a form: policy areas as text, one per line. */
export interface ProfileFormValues {
  helpRequest: string;
  description: string;
  policyAreas: string;
  languages: string[] | string | false;
  capacityPerCohort: number | string;
  location: string;
  region: string;
  website: string;
  contactEmail: string;
  contactPhone: string;
}

/** The profile as stored, turned into form values. */
export function profileFormValues(p: {
  helpRequest: string;
  description: string;
  policyAreas: string[];
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
    policyAreas: p.policyAreas.join("\n"),
    languages: p.languages,
    capacityPerCohort: p.capacityPerCohort,
    location: p.location,
    region: p.region ?? "",
    website: p.website,
    contactEmail: p.contactEmail,
    contactPhone: p.contactPhone ?? "",
  };
}
