"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { ProfileFields, type ProfileField, type ProfileFormValues } from "@/components/partners/profile-fields";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { ConsentCheckbox } from "@/components/ui/consent-checkbox";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { Link, useRouter } from "@/i18n/navigation";
import { registerPartnerFormSchema } from "@/lib/validation/partner-registration";
import { registerPartnerAction } from "../actions";
import styles from "./register.module.css";

const KINDS = ["initiative", "host", "coach"] as const;

/** What the form holds: the profile as typed, who registers and with whom, and an unticked consent box. */
type Values = ProfileFormValues & { organisation: string; kind: string; name: string; ownerName: string; ownerEmail: string; consent: boolean };

interface Done {
  name: string;
  organisation: string;
  email: string;
}

export function RegisterPartnerForm(props: {
  /** With each organisation's policy areas: the list its participants choose from. */
  organisations: { id: string; name: string; policyAreas: string[] }[];
  initialOrganisation: string;
  /** The signed-in person, whose address is used whatever the form says. */
  account: { email: string; name: string } | null;
  /** The language of the page (ISO 639-1), ticked to start with. */
  language: string;
}) {
  const t = useTranslations("registerPartner");
  const tt = useTranslations("pairingTerms");
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<Values>({
    // Focus goes to the first field with an error in reading order (see below).
    shouldFocusError: false,
    // Raw values: the server parses exactly what the person entered, with the same schema.
    resolver: zodResolver(registerPartnerFormSchema, undefined, { raw: true }) as unknown as Resolver<Values>,
    defaultValues: {
      organisation: props.initialOrganisation,
      kind: "",
      name: "",
      helpRequest: "",
      description: "",
      policyAreas: [],
      otherPolicyAreas: "",
      languages: [props.language],
      capacityPerCohort: 1,
      location: "",
      region: "",
      website: "",
      contactEmail: "",
      contactPhone: "",
      ownerName: props.account?.name ?? "",
      ownerEmail: props.account?.email ?? "",
      consent: false,
    },
  });
  const [done, setDone] = useState<Done | null>(null);
  const { onSubmit, formError, submitting } = useActionForm(form, registerPartnerAction, () => {
    const v = form.getValues();
    setDone({
      name: v.name.trim(),
      organisation: props.organisations.find((o) => o.id === v.organisation)?.name ?? "",
      email: props.account?.email ?? v.ownerEmail.trim().toLowerCase(),
    });
    router.refresh();
  });
  // Areas ticked from one organisation's list mean nothing to another: choosing again starts empty.
  const organisation = form.watch("organisation");
  const listedAreas = props.organisations.find((o) => o.id === organisation)?.policyAreas ?? [];
  const firstOrganisation = useRef(organisation);
  useEffect(() => {
    if (organisation === firstOrganisation.current) return;
    firstOrganisation.current = organisation;
    form.setValue("policyAreas", []);
  }, [organisation, form]);
  const errors = form.formState.errors;
  const errorAt = (name: keyof Values) => errors[name]?.message;
  const formRef = useRef<HTMLFormElement>(null);
  const submitCount = form.formState.submitCount;
  useEffect(() => {
    if (submitCount === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first && !first.contains(document.activeElement)) first.focus();
  }, [submitCount]);

  if (done) return <Confirmation done={done} signedIn={Boolean(props.account)} />;

  return (
    <form className="stack" onSubmit={onSubmit} noValidate ref={formRef}>
      <p className="lead">{t("lead")}</p>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <div className={styles.section}>
        <h2>{t("aboutProgramme")}</h2>
        <Field id="organisation" label={t("organisation")} hint={t("organisationHint")} error={errorAt("organisation")} required>
          {(c) => (
            <select {...c} {...form.register("organisation")}>
              {props.organisations.length > 1 && <option value="">{t("chooseOrganisation")}</option>}
              {props.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ChoiceGroup
          id="kind"
          type="radio"
          legend={t("kind")}
          error={errorAt("kind")}
          required
          options={KINDS.map((k) => ({ value: k, label: tt(`partnerKinds.${k}`), hint: t(`kindHints.${k}`) }))}
          register={form.register("kind")}
        />
      </div>
      <div className={styles.section}>
        <h2>{t("aboutInitiative")}</h2>
        <Field id="name" label={t("name")} error={errorAt("name")} required>
          {(c) => <input {...c} autoComplete="organization" maxLength={200} {...form.register("name")} />}
        </Field>
        <ProfileFields register={(name: ProfileField) => form.register(name)} errorAt={errorAt} listedAreas={listedAreas} />
      </div>
      <div className={styles.section}>
        <h2>{t("aboutYou")}</h2>
        <Field id="ownerName" label={t("ownerName")} error={errorAt("ownerName")} required>
          {(c) => <input {...c} autoComplete="name" {...form.register("ownerName")} />}
        </Field>
        <Field
          id="ownerEmail"
          label={t("ownerEmail")}
          hint={props.account ? t("ownerEmailSignedIn") : t("ownerEmailHint")}
          error={errorAt("ownerEmail")}
          required
        >
          {(c) => <input {...c} type="email" autoComplete="email" readOnly={Boolean(props.account)} {...form.register("ownerEmail")} />}
        </Field>
      </div>
      <div className={styles.section}>
        <h2>{t("consentTitle")}</h2>
        <ConsentCheckbox namespace="registerPartner" error={errorAt("consent")} register={form.register("consent")} />
      </div>
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}

/** What happens next, where the form was; focused so a screen reader reads it at once. */
function Confirmation({ done, signedIn }: { done: Done; signedIn: boolean }) {
  const t = useTranslations("registerPartner");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice ok" role="status" tabIndex={-1} ref={ref} aria-labelledby="register-done">
      <h2 id="register-done">{t("doneTitle", { name: done.name })}</h2>
      <p>{t("doneReview", { organisation: done.organisation })}</p>
      <p>{signedIn ? t("mailSignedIn", { email: done.email }) : t("mailAnonymous", { email: done.email })}</p>
      {signedIn && (
        <p>
          <Link href="/partner">{t("toStartPage")}</Link>
        </p>
      )}
    </div>
  );
}
