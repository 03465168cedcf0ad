"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { get, useForm, type Resolver } from "react-hook-form";
import { Question } from "@/app/[locale]/(public)/programmes/[cohortId]/_components/sign-up-form.client";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { RegionOptions } from "@/components/ui/region-options";
import { useActionForm } from "@/components/ui/use-action-form";
import { useRouter } from "@/i18n/navigation";
import { answersSchemaFor, type AnswersFormValues, type SignUpQuestion } from "@/lib/validation/enrollment";
import { LANGUAGE_OPTIONS } from "@/lib/validation/regions";
import { updateMyApplicationAction } from "../actions";

export interface AnswersFormProps {
  enrollmentId: string;
  policyAreas: string[];
  questions: SignUpQuestion[];
  /** What the application says now, as the form holds it. */
  defaults: AnswersFormValues;
}

/** A field's first message, also when it sits on one item of a list. */
const messageOf = (error: unknown): string | undefined => {
  if (!error || typeof error !== "object") return undefined;
  const m = (error as { message?: unknown }).message;
  if (typeof m === "string" && m) return m;
  for (const child of Object.values(error as Record<string, unknown>)) {
    const inner = messageOf(child);
    if (inner) return inner;
  }
  return undefined;
};

/** The sign-up form's questions about the person's work and the cohort's own, filled in with the application's answers. */
export function AnswersForm({ enrollmentId, policyAreas, questions, defaults }: AnswersFormProps) {
  const t = useTranslations("signUp");
  const tp = useTranslations("pairingFields");
  const tm = useTranslations("myApplication");
  const errorText = useErrorText();
  const router = useRouter();
  const schema = useMemo(() => answersSchemaFor({ policyAreas, questions }), [policyAreas, questions]);
  const form = useForm<AnswersFormValues>({
    resolver: zodResolver(schema, undefined, { raw: true }) as unknown as Resolver<AnswersFormValues>,
    defaultValues: defaults,
  });
  const { onSubmit, formError, submitting, done } = useActionForm(form, (values) => updateMyApplicationAction(enrollmentId, values), () => router.refresh());
  const errorAt = (path: string) => messageOf(get(form.formState.errors, path));
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <div role="status">{done && <div className="notice ok">{tm("saved")}</div>}</div>
      <Field id="employer" label={t("employer")} hint={t("employerHint")} error={errorAt("employer")} required>
        {(c) => <input {...c} autoComplete="organization" {...form.register("employer")} />}
      </Field>
      <Field id="department" label={t("department")} error={errorAt("department")}>
        {(c) => <input {...c} {...form.register("department")} />}
      </Field>
      <Field id="jobTitle" label={t("jobTitle")} error={errorAt("jobTitle")} required>
        {(c) => <input {...c} autoComplete="organization-title" {...form.register("jobTitle")} />}
      </Field>
      {policyAreas.length > 0 && (
        <ChoiceGroup
          id="policyAreas"
          type="checkbox"
          legend={t("policyAreas")}
          hint={t("policyAreasHint")}
          error={errorAt("policyAreas")}
          required
          options={policyAreas.map((a) => ({ value: a, label: a }))}
          register={form.register("policyAreas")}
        />
      )}
      <Field id="motivation" label={t("motivation")} hint={t("motivationHint")} error={errorAt("motivation")} required>
        {(c) => <textarea {...c} rows={6} {...form.register("motivation")} />}
      </Field>
      <Field id="availableHalfDays" label={t("availableHalfDays")} error={errorAt("availableHalfDays")} required>
        {(c) => (
          <input
            {...c}
            type="number"
            inputMode="numeric"
            min={1}
            max={200}
            step={1}
            {...form.register("availableHalfDays", { setValueAs: (v: unknown) => (v === "" ? undefined : v) })}
          />
        )}
      </Field>
      <Field id="region" label={tp("workRegion")} hint={tp("workRegionHint")} error={errorAt("region")}>
        {(c) => (
          <select {...c} {...form.register("region")}>
            <RegionOptions />
          </select>
        )}
      </Field>
      <ChoiceGroup
        id="languages"
        type="checkbox"
        legend={tp("languages")}
        hint={tp("languagesHint")}
        error={errorAt("languages")}
        options={LANGUAGE_OPTIONS.map((l) => ({ value: l, label: tp(`languageNames.${l}`) }))}
        register={form.register("languages")}
      />
      {questions.length > 0 && (
        <>
          <h2>{t("questionsTitle")}</h2>
          {questions.map((q) => (
            <Question key={q.id} question={q} error={errorAt(`answers.${q.id}`)} register={form.register(`answers.${q.id}` as const)} />
          ))}
        </>
      )}
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? tm("saving") : tm("save")}
        </button>
      </div>
    </form>
  );
}
