"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { LOGO_MAX_BYTES, LOGO_TYPES } from "@/lib/validation/organisation";
import { saveOrganisationSettingsAction, type OrganisationSettingsState } from "../actions";

interface Current {
  name: string;
  contactEmail: string;
  contactPhone: string;
  logoUrl: string | null;
}

/**
 * The organisation's name, contact and logo. A plain form (works without JavaScript); with it, a
 * file that is too large or not an image is named next to the field before it is sent.
 */
export function OrganisationForm({ current }: { current: Current }) {
  const t = useTranslations("admin.organisation");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState<OrganisationSettingsState, FormData>(saveOrganisationSettingsAction, {});
  const [logoError, setLogoError] = useState<string | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const values = state.values ?? current;
  const err = (name: string) => state.fieldErrors?.[name]?.[0];
  const logoErr = logoError ?? err("logo");
  const formError = state.error && state.error !== "fixFields" ? errorText(state.error) : state.error ? errorText("fixFields") : undefined;

  return (
    <form
      action={action}
      ref={formRef}
      className="stack"
      key={JSON.stringify(state)}
      onSubmit={(e) => {
        // The same checks as the server's, before a large file travels: size and type.
        const file = (e.currentTarget.elements.namedItem("logo") as HTMLInputElement | null)?.files?.[0];
        const problem = !file ? undefined : file.size > LOGO_MAX_BYTES ? "logoTooLarge" : !(LOGO_TYPES as readonly string[]).includes(file.type) ? "logoType" : undefined;
        setLogoError(problem);
        if (problem) {
          e.preventDefault();
          document.getElementById("logo")?.focus();
        }
      }}
    >
      {formError && <FormNotice kind="error">{formError}</FormNotice>}
      {state.saved && <FormNotice kind="ok">{t("saved")}</FormNotice>}
      <Field id="name" label={t("name")} hint={t("nameHint")} error={err("name")} required>
        {(c) => <input {...c} name="name" autoComplete="organization" maxLength={120} defaultValue={values.name} />}
      </Field>
      <Field id="contactEmail" label={t("contactEmail")} hint={t("contactEmailHint")} error={err("contactEmail")} required>
        {(c) => <input {...c} name="contactEmail" type="email" autoComplete="email" defaultValue={values.contactEmail} />}
      </Field>
      <Field id="contactPhone" label={t("contactPhone")} hint={t("contactPhoneHint")} error={err("contactPhone")}>
        {(c) => <input {...c} name="contactPhone" type="tel" autoComplete="tel" defaultValue={values.contactPhone} />}
      </Field>
      <fieldset className="stack">
        <legend>{t("logo")}</legend>
        {current.logoUrl ? (
          <img src={current.logoUrl} alt={t("currentLogo", { name: current.name })} height={64} style={{ maxWidth: "16rem", height: "4rem", objectFit: "contain" }} />
        ) : (
          <p className="meta">{t("noLogo")}</p>
        )}
        <Field id="logo" label={current.logoUrl ? t("newLogo") : t("uploadLogo")} hint={t("logoHint")} error={logoErr}>
          {(c) => <input {...c} name="logo" type="file" accept={LOGO_TYPES.join(",")} onChange={() => setLogoError(undefined)} />}
        </Field>
        {current.logoUrl && (
          <div>
            <input type="checkbox" id="removeLogo" name="removeLogo" />{" "}
            <label htmlFor="removeLogo">{t("removeLogo")}</label>
          </div>
        )}
      </fieldset>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? tc("saving") : tc("save")}
        </button>
      </div>
    </form>
  );
}
