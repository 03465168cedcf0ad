"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { DECISIONS, type DecisionFormValues, type DecisionInput } from "@/lib/validation/enrollment";
import type { DecisionOutcome } from "../actions";
import { ChoiceGroup } from "@/components/ui/choice-group";

/** Accept / waitlist / reject and the optional reason: the same controls for one application or many. */
export function DecisionFields({ form, idPrefix }: { form: UseFormReturn<DecisionFormValues, unknown, DecisionInput>; idPrefix: string }) {
  const t = useTranslations("review");
  const err = form.formState.errors;
  return (
    <>
      <ChoiceGroup
        type="radio"
        id={`${idPrefix}decision`}
        legend={t("decision")}
        error={err.decision?.message}
        required
        register={form.register("decision")}
        options={DECISIONS.map((d) => ({ value: d, label: t(`decisions.${d}`) }))}
      />
      <Field id={`${idPrefix}reason`} label={t("reason")} hint={t("reasonHint")} error={err.reason?.message}>
        {(c) => <textarea {...c} rows={3} {...form.register("reason")} />}
      </Field>
    </>
  );
}

/** "3 accepted; 2 not accepted: no places left" — what a decision on several applications did. */
export function useOutcomeText(): (o: DecisionOutcome) => string {
  const t = useTranslations("review.outcome");
  return (o) => {
    const parts: string[] = [];
    if (o.changed.length > 0) parts.push(t(o.decision, { count: o.changed.length }));
    if (o.unchanged.length > 0) parts.push(t("unchanged", { count: o.unchanged.length }));
    for (const reason of ["full", "withdrawn", "notFound"] as const) {
      const n = o.refused.filter((r) => r.reason === reason).length;
      if (n > 0) parts.push(t(reason, { count: n }));
    }
    if (o.offered > 0) parts.push(t("offered", { count: o.offered }));
    return parts.length > 0 ? parts.join("; ") : t("nothing");
  };
}
