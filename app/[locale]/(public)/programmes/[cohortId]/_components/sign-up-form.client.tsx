"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { get, useForm, type Resolver, type UseFormRegisterReturn } from "react-hook-form";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { ConsentCheckbox } from "@/components/ui/consent-checkbox";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { RegionOptions } from "@/components/ui/region-options";
import { useActionForm } from "@/components/ui/use-action-form";
import { Link, useRouter } from "@/i18n/navigation";
import type { SignUpOutcome } from "@/lib/dal/enrollments";
import { signUpSchemaFor, type SignUpFormValues, type SignUpQuestion } from "@/lib/validation/enrollment";
import { LANGUAGE_OPTIONS } from "@/lib/validation/regions";
import styles from "../../_components/programmes.module.css";
import { signUpAction } from "../actions";

export interface SignUpFormProps {
  cohortId: string;
  cohortName: string;
  policyAreas: string[];
  questions: SignUpQuestion[];
  /** The signed-in person, whose address is used whatever the form says. */
  account: { email: string; name: string } | null;
  /** The programme's expected effort, already in words. */
  effort: string;
}

/** What the form holds: the schema's input, except that the consent box starts unticked. */
type Values = Omit<SignUpFormValues, "consent"> & { consent: boolean };

/** A checkbox group of one box sends `false` or its value, of several a list (see asList in the schema). */
const emptyChoices = (options: unknown[]) => (options.length > 1 ? [] : false);

/** The first message in a field's error, also when the error sits on one item of a list. */
function messageOf(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const message = (error as { message?: unknown }).message;
  if (typeof message === "string" && message) return message;
  for (const child of Object.values(error as Record<string, unknown>)) {
    if (child && typeof child === "object" && "message" in child) {
      const m = messageOf(child);
      if (m) return m;
    }
  }
  return undefined;
}

export function SignUpForm(props: SignUpFormProps) {
  const t = useTranslations("signUp");
  const tp = useTranslations("pairingFields");
  const errorText = useErrorText();
  const router = useRouter();
  const { policyAreas, questions } = props;
  // The same schema the server builds from the stored cohort.
  const schema = useMemo(() => signUpSchemaFor({ policyAreas, questions }), [policyAreas, questions]);
  const form = useForm<Values>({
    // Focus goes to the first field with an error in reading order (see below), not in registration order.
    shouldFocusError: false,
    // Raw values: the server parses exactly what the person entered, with the same schema.
    resolver: zodResolver(schema, undefined, { raw: true }) as unknown as Resolver<Values>,
    defaultValues: {
      name: props.account?.name ?? "",
      email: props.account?.email ?? "",
      employer: "",
      department: "",
      jobTitle: "",
      policyAreas: emptyChoices(policyAreas),
      motivation: "",
      availableHalfDays: "",
      languages: [],
      region: "",
      consent: false,
      timeZone: "",
      answers: Object.fromEntries(questions.map((q) => [q.id, q.kind === "multiple_choice" ? emptyChoices(q.options) : ""])),
    },
  });
  // On a cached page the account is known only after the browser asked (SignUpSection): fill it
  // in then, without touching what the person typed meanwhile.
  const accountEmail = props.account?.email;
  const accountName = props.account?.name;
  useEffect(() => {
    if (accountEmail === undefined) return;
    form.setValue("email", accountEmail);
    if (accountName && !form.getValues("name")) form.setValue("name", accountName);
  }, [accountEmail, accountName, form]);
  const [done, setDone] = useState<(SignUpOutcome & { email: string }) | null>(null);
  const { onSubmit, formError, submitting } = useActionForm(
    form,
    (values) => signUpAction(props.cohortId, values),
    (result) => {
      if (result.data) setDone({ ...result.data, email: String(form.getValues("email")).trim().toLowerCase() });
      router.refresh();
    },
  );
  const errors = form.formState.errors;
  const errorAt = (path: string) => messageOf(get(errors, path));
  const formRef = useRef<HTMLFormElement>(null);
  const submitCount = form.formState.submitCount;
  // A new account starts in the zone of the browser the person signs up from (changeable in settings).
  useEffect(() => form.setValue("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone), [form]);
  useEffect(() => {
    if (submitCount === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first && !first.contains(document.activeElement)) first.focus();
  }, [submitCount]);

  if (done) return <Confirmation result={done} cohortName={props.cohortName} signedIn={Boolean(props.account)} />;

  return (
    <form className="stack" onSubmit={onSubmit} noValidate ref={formRef}>
      <p>{t("lead")}</p>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <div className={styles.section}>
        <h3>{t("aboutYou")}</h3>
        <Field id="name" label={t("name")} error={errorAt("name")} required>
          {(c) => <input {...c} autoComplete="name" {...form.register("name")} />}
        </Field>
        <Field id="email" label={t("email")} hint={props.account ? t("emailSignedIn") : t("emailHint")} error={errorAt("email")} required>
          {(c) => (
            <input
              {...c}
              type="email"
              autoComplete="email"
              readOnly={Boolean(props.account)}
              className={props.account ? styles.readOnly : undefined}
              {...form.register("email")}
            />
          )}
        </Field>
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
        <Field
          id="availableHalfDays"
          label={t("availableHalfDays")}
          hint={t("availableHalfDaysHint", { effort: props.effort })}
          error={errorAt("availableHalfDays")}
          required
        >
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
      </div>
      {questions.length > 0 && (
        <div className={styles.section}>
          <h3>{t("questionsTitle")}</h3>
          {questions.map((q) => (
            <Question key={q.id} question={q} error={errorAt(`answers.${q.id}`)} register={form.register(`answers.${q.id}` as const)} />
          ))}
        </div>
      )}
      <div className={styles.section}>
        <h3>{t("consentTitle")}</h3>
        <ConsentCheckbox namespace="signUp" error={errorAt("consent")} register={form.register("consent")} />
      </div>
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}

export function Question({ question: q, error, register }: { question: SignUpQuestion; error?: string; register: UseFormRegisterReturn }) {
  const t = useTranslations("signUp");
  const id = `answers-${q.id}`;
  switch (q.kind) {
    case "short_text":
      return (
        <Field id={id} label={q.label} error={error} required={q.required}>
          {(c) => <input {...c} {...register} />}
        </Field>
      );
    case "long_text":
      return (
        <Field id={id} label={q.label} error={error} required={q.required}>
          {(c) => <textarea {...c} rows={5} {...register} />}
        </Field>
      );
    case "single_choice":
    case "multiple_choice":
      return (
        <ChoiceGroup
          id={id}
          type={q.kind === "single_choice" ? "radio" : "checkbox"}
          legend={q.label}
          error={error}
          required={q.required}
          options={q.options.map((o) => ({ value: o, label: o }))}
          register={register}
        />
      );
    case "yes_no":
      return (
        <ChoiceGroup
          id={id}
          type="radio"
          legend={q.label}
          error={error}
          required={q.required}
          options={[
            { value: "yes", label: t("yes") },
            { value: "no", label: t("no") },
          ]}
          register={register}
        />
      );
  }
}

/** What happened, where the form was; focused so a screen reader reads it at once. */
function Confirmation({ result, cohortName, signedIn }: { result: SignUpOutcome & { email: string }; cohortName: string; signedIn: boolean }) {
  const t = useTranslations();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  if (result.status === "unconfirmed") {
    // A public sign-up holds nothing until the address's owner confirms it from the mail.
    return (
      <div className={styles.done} role="status" tabIndex={-1} ref={ref} aria-labelledby="sign-up-done">
        <h3 id="sign-up-done">{t("signUp.checkMailTitle")}</h3>
        <p>{t("signUp.checkMail", { email: result.email })}</p>
        <p>{t("signUp.checkMailHint")}</p>
      </div>
    );
  }
  const outcome =
    result.status === "accepted"
      ? t("signUp.doneAccepted", { cohort: cohortName })
      : result.status === "waitlisted"
        ? t("signUp.doneWaitlisted", { position: result.waitlistPosition ?? 0 })
        : t("signUp.doneApplied");
  return (
    <div className={styles.done} role="status" tabIndex={-1} ref={ref} aria-labelledby="sign-up-done">
      <h3 id="sign-up-done">{t("signUp.doneTitle")}</h3>
      <p>
        <strong>{t("signUp.status", { status: t(`signUp.statuses.${result.status}`) })}</strong>
      </p>
      <p>{outcome}</p>
      {signedIn && <p>{t("signUp.mailSignedIn", { email: result.email })}</p>}
      {signedIn && (
        <p>
          <Link href="/participant">{t("cohortPage.seeMyEnrollments")}</Link>
        </p>
      )}
    </div>
  );
}
