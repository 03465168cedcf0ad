"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { questionSchema, type QuestionFormValues, type QuestionInput } from "@/lib/validation/enrollment";
import { addQuestionAction } from "../actions";
import styles from "./coordinator.module.css";

export const QUESTION_KINDS = questionSchema.shape.kind.options;
const isChoice = (kind: unknown): boolean => kind === "single_choice" || kind === "multiple_choice";

const schemaResolver = zodResolver(questionSchema);
/**
 * Options typed for a choice question stay in the form when the kind is switched to a text
 * question and back (nothing typed is lost), but only count while the kind offers choices.
 */
const resolver: Resolver<QuestionFormValues, unknown, QuestionInput> = (values, context, options) =>
  schemaResolver({ ...values, options: isChoice(values.kind) ? values.options : "" }, context, options);

/** Adds a question to a cohort's sign-up form. */
export function QuestionForm({ cohortId }: { cohortId: string }) {
  const t = useTranslations("questions");
  const errorText = useErrorText();
  const form = useForm<QuestionFormValues, unknown, QuestionInput>({
    resolver,
    defaultValues: { kind: "short_text", label: "", options: "", required: false },
  });
  const kind = useWatch({ control: form.control, name: "kind" });
  const { onSubmit, formError, done, submitting } = useActionForm(
    form,
    (values) => addQuestionAction(cohortId, values),
    () => {
      form.reset({ kind: form.getValues("kind"), label: "", options: "", required: false });
    },
  );
  const err = form.formState.errors;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <div role="status">{done && <div className="notice ok">{t("added")}</div>}</div>
      <Field id="kind" label={t("kind")} error={err.kind?.message} required>
        {(c) => (
          <select {...c} {...form.register("kind")}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="label" label={t("label")} hint={t("labelHint")} error={err.label?.message} required>
        {(c) => <input {...c} {...form.register("label")} />}
      </Field>
      {isChoice(kind) && (
        <Field id="options" label={t("options")} hint={t("optionsHint")} error={err.options?.message} required>
          {(c) => <textarea {...c} rows={5} {...form.register("options")} />}
        </Field>
      )}
      <div className={styles.choice}>
        <input type="checkbox" id="required" {...form.register("required")} />
        <label htmlFor="required">{t("required")}</label>
      </div>
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("adding") : t("add")}
        </button>
      </div>
    </form>
  );
}
