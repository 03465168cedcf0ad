"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { RegionOptions } from "@/components/ui/region-options";
import { LANGUAGE_OPTIONS } from "@/lib/validation/regions";
import { PolicyAreaFields } from "./policy-area-fields";
import type { ProfileField } from "./profile-values";

export type { ProfileField, ProfileFormValues } from "./profile-values";

/**
 * The help request and what pairing uses. `register` and `errorAt` come from the form around
 * it, so the registration and the edit form share one set of labels, hints and error places.
 */
export function ProfileFields({
  register,
  errorAt,
  listedAreas,
}: {
  register: (name: ProfileField) => UseFormRegisterReturn;
  errorAt: (name: ProfileField) => string | undefined;
  /** The organisation's policy areas, the list participants choose from. */
  listedAreas: string[];
}) {
  const t = useTranslations("partnerProfile");
  const tp = useTranslations("pairingFields");
  return (
    <>
      <Field id="helpRequest" label={t("helpRequest")} hint={t("helpRequestHint")} error={errorAt("helpRequest")} required>
        {(c) => <textarea {...c} rows={6} maxLength={4000} {...register("helpRequest")} />}
      </Field>
      <Field id="description" label={t("description")} hint={t("descriptionHint")} error={errorAt("description")}>
        {(c) => <textarea {...c} rows={4} maxLength={4000} {...register("description")} />}
      </Field>
      <PolicyAreaFields
        listed={listedAreas}
        legend={t("policyAreas")}
        registerListed={register("policyAreas")}
        registerOther={register("otherPolicyAreas")}
        error={errorAt("policyAreas")}
        otherError={errorAt("otherPolicyAreas")}
      />
      <ChoiceGroup
        id="languages"
        type="checkbox"
        legend={t("languages")}
        hint={t("languagesHint")}
        error={errorAt("languages")}
        required
        options={LANGUAGE_OPTIONS.map((l) => ({ value: l, label: tp(`languageNames.${l}`) }))}
        register={register("languages")}
      />
      <Field id="capacityPerCohort" label={t("capacityPerCohort")} hint={t("capacityHint")} error={errorAt("capacityPerCohort")} required>
        {(c) => <input {...c} type="number" inputMode="numeric" min={1} max={50} step={1} {...register("capacityPerCohort")} />}
      </Field>
      <div className="row">
        <Field id="location" label={t("location")} hint={t("locationHint")} error={errorAt("location")}>
          {(c) => <input {...c} autoComplete="address-level2" {...register("location")} />}
        </Field>
        <Field id="region" label={t("region")} hint={t("regionHint")} error={errorAt("region")}>
          {(c) => (
            <select {...c} {...register("region")}>
              <RegionOptions />
            </select>
          )}
        </Field>
      </div>
      <Field id="website" label={t("website")} hint={t("websiteHint")} error={errorAt("website")}>
        {(c) => <input {...c} type="url" inputMode="url" autoComplete="url" {...register("website")} />}
      </Field>
      <div className="row">
        <Field id="contactEmail" label={t("contactEmail")} hint={t("contactEmailHint")} error={errorAt("contactEmail")}>
          {(c) => <input {...c} type="email" autoComplete="email" {...register("contactEmail")} />}
        </Field>
        <Field id="contactPhone" label={t("contactPhone")} hint={t("contactPhoneHint")} error={errorAt("contactPhone")}>
          {(c) => <input {...c} type="tel" autoComplete="tel" {...register("contactPhone")} />}
        </Field>
      </div>
    </>
  );
}
