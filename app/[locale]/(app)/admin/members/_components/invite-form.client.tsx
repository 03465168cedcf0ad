"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { LOCALES, ROLES } from "@/db/schema/enums";
import { useRouter } from "@/i18n/navigation";
import { inviteSchema, type InviteFormValues, type InviteInput } from "@/lib/validation/member";
import { inviteMemberAction } from "../actions";

export function InviteForm() {
  const t = useTranslations();
  const locale = useLocale();
  const errorText = useErrorText();
  const router = useRouter();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<InviteFormValues, unknown, InviteInput>({
    resolver: zodResolver(inviteSchema),
    defaultValues: { email: "", name: "", role: "participant", locale: locale as InviteInput["locale"] },
  });
  const { onSubmit, formError, submitting } = useActionForm(form, inviteMemberAction, () => {
    setSentTo(form.getValues("email"));
    form.reset({ ...form.getValues(), email: "", name: "" });
    router.refresh();
  });
  const err = form.formState.errors;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      {sentTo && !formError && <FormNotice kind="ok">{t("admin.invited", { email: sentTo })}</FormNotice>}
      <div className="row">
        <Field id="invite-email" label={t("admin.email")} error={err.email?.message} required>
          {(c) => <input {...c} type="email" autoComplete="off" {...form.register("email")} />}
        </Field>
        <Field id="invite-name" label={t("admin.name")} error={err.name?.message}>
          {(c) => <input {...c} autoComplete="off" {...form.register("name")} />}
        </Field>
      </div>
      <div className="row">
        <Field id="invite-role" label={t("admin.role")} error={err.role?.message} required>
          {(c) => (
            <select {...c} {...form.register("role")}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="invite-locale" label={t("admin.locale")} error={err.locale?.message} required>
          {(c) => (
            <select {...c} {...form.register("locale")}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`locales.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.saving") : t("admin.submit")}
        </button>
      </div>
    </form>
  );
}
