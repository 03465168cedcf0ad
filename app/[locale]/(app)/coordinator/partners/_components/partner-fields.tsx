"use client";

import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { PolicyAreaFields } from "@/components/partners/policy-area-fields";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { RegionOptions } from "@/components/ui/region-options";
import { partnerEditSchema } from "@/lib/validation/partner";
import { LANGUAGE_OPTIONS } from "@/lib/validation/regions";

export const PARTNER_KINDS = partnerEditSchema.shape.kind.options;

/** The fields a partner form names; the invite and the edit form both have them. */
type Name =
  | "kind"
  | "name"
  | "aliases"
  | "description"
  | "website"
  | "location"
  | "region"
  | "helpRequest"
  | "policyAreas"
  | "otherPolicyAreas"
  | "languages"
  | "capacityPerCohort"
  | "contactEmail"
  | "contactPhone";

interface Props<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  /** The organisation's policy areas (its cohorts'), ticked as participants tick them. */
  knownAreas: string[];
  /** Language codes the partner already has that are not among the usual options (kept, not dropped). */
  extraLanguages?: string[];
  helpRequestRequired: boolean;
}

/**
 * Who the partner is and what pairing matches on: kind, name, other names, the help request,
 * policy areas, languages, region, places per cohort and contact. Errors sit under their fields.
 */
export function PartnerFields<T extends FieldValues, O>({ form, knownAreas, extraLanguages = [], helpRequestRequired }: Props<T, O>) {
  const t = useTranslations("partnersAdmin.fields");
  const tp = useTranslations("pairingFields");
  const tt = useTranslations("pairingTerms");
  const reg = (name: Name) => form.register(name as Path<T>);
  const err = (name: Name): string | undefined => (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
  const languages = [...LANGUAGE_OPTIONS, ...extraLanguages.filter((l) => !(LANGUAGE_OPTIONS as readonly string[]).includes(l))];
  return (
    <>
      <ChoiceGroup
        type="radio"
        id="kind"
        legend={t("kind")}
        error={err("kind")}
        required
        register={reg("kind")}
        options={PARTNER_KINDS.map((k) => ({ value: k, label: tt(`partnerKinds.${k}`), hint: t(`kindHints.${k}`) }))}
      />
      <Field id="name" label={t("name")} error={err("name")} required>
        {(c) => <input {...c} autoComplete="organization" {...reg("name")} />}
      </Field>
      <Field id="aliases" label={t("aliases")} hint={t("aliasesHint")} error={err("aliases")}>
        {(c) => <textarea {...c} rows={2} {...reg("aliases")} />}
      </Field>
      <Field id="helpRequest" label={t("helpRequest")} hint={t(helpRequestRequired ? "helpRequestHint" : "helpRequestInviteHint")} error={err("helpRequest")} required={helpRequestRequired}>
        {(c) => <textarea {...c} rows={5} {...reg("helpRequest")} />}
      </Field>
      <PolicyAreaFields
        listed={knownAreas}
        legend={t("policyAreas")}
        registerListed={reg("policyAreas")}
        registerOther={reg("otherPolicyAreas")}
        error={err("policyAreas")}
        otherError={err("otherPolicyAreas")}
      />
      <ChoiceGroup
        type="checkbox"
        id="languages"
        legend={t("languages")}
        hint={t("languagesHint")}
        error={err("languages")}
        required
        register={reg("languages")}
        options={languages.map((code) => ({ value: code, label: tp.has(`languageNames.${code}`) ? tp(`languageNames.${code}`) : code }))}
      />
      <div className="row">
        <Field id="region" label={t("region")} hint={t("regionHint")} error={err("region")}>
          {(c) => (
            <select {...c} {...reg("region")}>
              <RegionOptions />
            </select>
          )}
        </Field>
        <Field id="capacityPerCohort" label={t("capacity")} hint={t("capacityHint")} error={err("capacityPerCohort")} required>
          {(c) => <input {...c} type="number" inputMode="numeric" min={1} max={50} {...reg("capacityPerCohort")} />}
        </Field>
      </div>
      <Field id="description" label={t("description")} error={err("description")}>
        {(c) => <textarea {...c} rows={4} {...reg("description")} />}
      </Field>
      <div className="row">
        <Field id="website" label={t("website")} hint={t("websiteHint")} error={err("website")}>
          {(c) => <input {...c} type="url" inputMode="url" autoComplete="url" {...reg("website")} />}
        </Field>
        <Field id="location" label={t("location")} hint={t("locationHint")} error={err("location")}>
          {(c) => <input {...c} {...reg("location")} />}
        </Field>
      </div>
      <div className="row">
        <Field id="contactEmail" label={t("contactEmail")} hint={t("contactEmailHint")} error={err("contactEmail")}>
          {(c) => <input {...c} type="email" autoComplete="off" {...reg("contactEmail")} />}
        </Field>
        <Field id="contactPhone" label={t("contactPhone")} error={err("contactPhone")}>
          {(c) => <input {...c} type="tel" autoComplete="off" {...reg("contactPhone")} />}
        </Field>
      </div>
    </>
  );
}
