"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { SavedStatus } from "@/components/ui/saved-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/validation/common";
import { useRouter } from "@/i18n/navigation";
import { cohortSchema, type CohortFormValues, type CohortInput } from "@/lib/validation/cohort";
import { createCohortAction, updateCohortAction } from "../actions";
import { ChoiceGroup } from "@/components/ui/choice-group";
import choiceStyles from "@/components/ui/choice-group.module.css";

// A draft is published with its own button (publishCohort); the form never makes a cohort a draft again.
const PUBLISHED_STATUSES = cohortSchema.shape.status.unwrap().options.filter((s) => s !== "draft");

export function CohortForm(props: {
  programmeId: string;
  cohortId?: string;
  initial?: CohortFormValues;
  timeZones: string[];
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<CohortFormValues, unknown, CohortInput>({
    resolver: zodResolver(cohortSchema),
    defaultValues: props.initial ?? {
      name: "",
      startDate: "",
      endDate: "",
      enrollmentOpensOn: "",
      enrollmentDeadline: "",
      capacity: 20,
      timeZone: "Europe/Amsterdam",
      admissionMode: "reviewed",
      offerDays: 5,
      autoOfferWaitlist: false,
      policyAreas: "",
    },
  });
  const { onSubmit, formError, done, submitting } = useActionForm(
    form,
    (values): Promise<ActionResult<{ id: string } | void>> => (props.cohortId ? updateCohortAction(props.cohortId, values) : createCohortAction(props.programmeId, values)),
    (result) => {
      const created = result.data as { id: string } | undefined;
      // The new cohort's own page says it was saved as a draft, and how to publish it.
      if (!props.cohortId && created) router.push(`/coordinator/cohorts/${created.id}?done=created`);
      else router.refresh();
    },
  );
  const err = form.formState.errors;
  const published = Boolean(props.initial?.status && props.initial.status !== "draft");
  const savedName = form.getValues("name");
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <Field id="name" label={t("cohortForm.name")} hint={t("cohortForm.nameHint")} error={err.name?.message} required>
        {(c) => <input {...c} {...form.register("name")} />}
      </Field>
      <div className="row">
        <Field id="startDate" label={t("cohortForm.startDate")} error={err.startDate?.message} required>
          {(c) => <input {...c} type="date" {...form.register("startDate")} />}
        </Field>
        <Field id="endDate" label={t("cohortForm.endDate")} error={err.endDate?.message} required>
          {(c) => <input {...c} type="date" {...form.register("endDate")} />}
        </Field>
      </div>
      <div className="row">
        <Field id="enrollmentOpensOn" label={t("cohortForm.enrollmentOpensOn")} error={err.enrollmentOpensOn?.message} required>
          {(c) => <input {...c} type="date" {...form.register("enrollmentOpensOn")} />}
        </Field>
        <Field
          id="enrollmentDeadline"
          label={t("cohortForm.enrollmentDeadline")}
          hint={t("cohortForm.deadlineHint")}
          error={err.enrollmentDeadline?.message}
          required
        >
          {(c) => <input {...c} type="date" {...form.register("enrollmentDeadline")} />}
        </Field>
      </div>
      <div className="row">
        <Field id="capacity" label={t("cohortForm.capacity")} error={err.capacity?.message} required>
          {(c) => <input {...c} type="number" inputMode="numeric" min={1} {...form.register("capacity")} />}
        </Field>
        <Field id="timeZone" label={t("cohortForm.timeZone")} hint={t("cohortForm.timeZoneHint")} error={err.timeZone?.message} required>
          {(c) => (
            <select {...c} {...form.register("timeZone")}>
              {props.timeZones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="row">
        {published && (
          <Field id="status" label={t("cohortSettings.status")} hint={t("cohortSettings.statusHint")} error={err.status?.message} required>
            {(c) => (
              <select {...c} {...form.register("status")}>
                {PUBLISHED_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`cohortSettings.statuses.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="offerDays" label={t("cohortSettings.offerDays")} hint={t("cohortSettings.offerDaysHint")} error={err.offerDays?.message} required>
          {(c) => <input {...c} type="number" inputMode="numeric" min={1} max={60} {...form.register("offerDays")} />}
        </Field>
      </div>
      <ChoiceGroup
        type="radio"
        id="admissionMode"
        legend={t("cohortSettings.admissionMode")}
        error={err.admissionMode?.message}
        required
        register={form.register("admissionMode")}
        options={[
          { value: "first_come", label: t("cohortSettings.firstCome"), hint: t("cohortSettings.firstComeHint") },
          { value: "reviewed", label: t("cohortSettings.reviewed"), hint: t("cohortSettings.reviewedHint") },
        ]}
      />
      <div className={choiceStyles.choice}>
        <input type="checkbox" id="autoOfferWaitlist" aria-describedby="autoOfferWaitlist-hint" {...form.register("autoOfferWaitlist")} />
        <label htmlFor="autoOfferWaitlist">{t("cohortSettings.autoOfferWaitlist")}</label>
        <p className={choiceStyles.hint} id="autoOfferWaitlist-hint">
          {t("cohortSettings.autoOfferWaitlistHint")}
        </p>
      </div>
      <Field id="policyAreas" label={t("cohortSettings.policyAreas")} hint={t("cohortSettings.policyAreasHint")} error={err.policyAreas?.message}>
        {(c) => <textarea {...c} rows={6} {...form.register("policyAreas")} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.saving") : t("common.save")}
        </button>
        <SavedStatus done={done && Boolean(props.cohortId)} text={t("saved.cohort", { name: savedName ?? "" })} />
      </div>
    </form>
  );
}
