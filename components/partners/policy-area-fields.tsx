"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";

/**
 * Policy areas as on the participants' sign-up form: the organisation's own list as checkboxes,
 * and "other" areas typed one per line. So "Energietransitie" is ticked, not typed as "energie".
 * Without a list (no cohort has areas yet) only the typed field is there.
 */
export function PolicyAreaFields(props: {
  listed: string[];
  legend: string;
  registerListed: UseFormRegisterReturn;
  registerOther: UseFormRegisterReturn;
  /** The message for the areas as a whole (at least one), shown at the list. */
  error?: string;
  otherError?: string;
}) {
  const t = useTranslations("pairingFields.policyAreaPicker");
  if (props.listed.length === 0) {
    return (
      <Field id="otherPolicyAreas" label={props.legend} hint={t("typedHint")} error={props.error ?? props.otherError} required>
        {(c) => <textarea {...c} rows={4} {...props.registerOther} />}
      </Field>
    );
  }
  return (
    <>
      <ChoiceGroup
        id="policyAreas"
        type="checkbox"
        legend={props.legend}
        hint={t("listedHint")}
        error={props.error}
        required
        options={props.listed.map((a) => ({ value: a, label: a }))}
        register={props.registerListed}
      />
      <Field id="otherPolicyAreas" label={t("other")} hint={t("otherHint")} error={props.otherError}>
        {(c) => <textarea {...c} rows={2} {...props.registerOther} />}
      </Field>
    </>
  );
}
