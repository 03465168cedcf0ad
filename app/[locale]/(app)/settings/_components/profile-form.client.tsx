"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useRouter } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { profileSchema, type ProfileFormValues, type ProfileInput } from "@/lib/validation/profile";
import { updateProfileAction } from "../actions";

/** Name, language, time zone and phone of the signed-in person. */
export function ProfileForm(props: { initial: ProfileFormValues; timeZones: string[]; locale: string; justSaved: boolean }) {
  const t = useTranslations("profile");
  const tLocale = useTranslations("locales");
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<ProfileFormValues, unknown, ProfileInput>({ resolver: zodResolver(profileSchema), defaultValues: props.initial });
  const { onSubmit, formError, done, submitting } = useActionForm(form, updateProfileAction, (result) => {
    // Another language: show this page in it (the mails follow the saved choice).
    if (result.data && result.data.locale !== props.locale) router.replace("/settings?saved=profile", { locale: result.data.locale });
    else router.refresh();
  });
  const err = form.formState.errors;
  const browserZone = () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (props.timeZones.includes(zone)) form.setValue("timeZone", zone, { shouldDirty: true });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="profile-heading">
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      {(done || (props.justSaved && !form.formState.isDirty)) && <FormNotice kind="ok">{t("saved")}</FormNotice>}
      <Field id="profile-name" label={t("name")} error={err.name?.message} required>
        {(c) => <input {...c} autoComplete="name" {...form.register("name")} />}
      </Field>
      <Field id="profile-locale" label={t("locale")} hint={t("localeHint")} error={err.locale?.message} required>
        {(c) => (
          <select {...c} {...form.register("locale")}>
            {routing.locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {tLocale(l)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="profile-timeZone" label={t("timeZone")} hint={t("timeZoneHint")} error={err.timeZone?.message} required>
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
      <p>
        <button type="button" className="secondary" onClick={browserZone}>
          {t("useBrowserZone")}
        </button>
      </p>
      <Field id="profile-phone" label={t("phone")} hint={t("phoneHint")} error={err.phone?.message}>
        {(c) => <input {...c} type="tel" autoComplete="tel" {...form.register("phone")} />}
      </Field>
      <button type="submit" disabled={submitting}>
        {t("save")}
      </button>
    </form>
  );
}
