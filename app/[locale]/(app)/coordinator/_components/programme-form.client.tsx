"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { SavedStatus } from "@/components/ui/saved-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/validation/common";
import { useRouter } from "@/i18n/navigation";
import { programmeSchema, type ProgrammeFormValues, type ProgrammeInput } from "@/lib/validation/programme";
import { createProgrammeAction, updateProgrammeAction } from "../actions";

export function ProgrammeForm({ programmeId, initial }: { programmeId?: string; initial?: ProgrammeFormValues }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<ProgrammeFormValues, unknown, ProgrammeInput>({
    resolver: zodResolver(programmeSchema),
    defaultValues: initial ?? {
      name: "",
      description: "",
      effortHalfDaysMin: 3,
      effortHalfDaysMax: 6,
      durationMonths: 6,
      minPartnerMeetings: 1,
      meetingDueWeeks: 4,
      retentionMonths: 24,
    },
  });
  const { onSubmit, formError, done, submitting } = useActionForm(
    form,
    (values): Promise<ActionResult<{ id: string } | void>> => (programmeId ? updateProgrammeAction(programmeId, values) : createProgrammeAction(values)),
    (result) => {
      const created = result.data as { id: string } | undefined;
      if (!programmeId && created) router.push(`/coordinator/programmes/${created.id}?done=programmeCreated`);
      else router.refresh();
    },
  );
  const err = form.formState.errors;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <Field id="name" label={t("programmeForm.name")} error={err.name?.message} required>
        {(c) => <input {...c} {...form.register("name")} />}
      </Field>
      <Field id="description" label={t("programmeForm.description")} error={err.description?.message}>
        {(c) => <textarea {...c} rows={5} {...form.register("description")} />}
      </Field>
      <div className="row">
        <Field id="effortHalfDaysMin" label={t("programmeForm.effortHalfDaysMin")} hint={t("programmeForm.effortHint")} error={err.effortHalfDaysMin?.message} required>
          {(c) => <input {...c} type="number" inputMode="numeric" min={0} {...form.register("effortHalfDaysMin")} />}
        </Field>
        <Field id="effortHalfDaysMax" label={t("programmeForm.effortHalfDaysMax")} hint={t("programmeForm.effortHint")} error={err.effortHalfDaysMax?.message} required>
          {(c) => <input {...c} type="number" inputMode="numeric" min={0} {...form.register("effortHalfDaysMax")} />}
        </Field>
      </div>
      <div className="row">
        <Field id="durationMonths" label={t("programmeForm.durationMonths")} error={err.durationMonths?.message} required>
          {(c) => <input {...c} type="number" inputMode="numeric" min={1} {...form.register("durationMonths")} />}
        </Field>
        <Field id="minPartnerMeetings" label={t("programmeForm.minPartnerMeetings")} error={err.minPartnerMeetings?.message} required>
          {(c) => <input {...c} type="number" inputMode="numeric" min={0} {...form.register("minPartnerMeetings")} />}
        </Field>
      </div>
      <Field id="meetingDueWeeks" label={t("programmePairing.meetingDueWeeks")} hint={t("programmePairing.meetingDueWeeksHint")} error={err.meetingDueWeeks?.message} required>
        {(c) => <input {...c} type="number" inputMode="numeric" min={1} max={52} {...form.register("meetingDueWeeks")} />}
      </Field>
      <Field id="retentionMonths" label={t("retention.monthsLabel")} hint={t("retention.monthsHint")} error={err.retentionMonths?.message} required>
        {(c) => <input {...c} type="number" inputMode="numeric" min={1} max={120} {...form.register("retentionMonths")} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.saving") : t("common.save")}
        </button>
        <SavedStatus done={done && Boolean(programmeId)} text={t("saved.programme", { name: form.getValues("name") })} />
      </div>
    </form>
  );
}
