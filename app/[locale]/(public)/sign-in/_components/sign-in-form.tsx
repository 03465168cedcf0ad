"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { signInSchema, type SignInFormValues } from "@/lib/validation/member";
import { requestSignInLinkAction } from "../actions";

export function SignInForm() {
  const t = useTranslations("signIn");
  const errorText = useErrorText();
  const form = useForm<SignInFormValues, unknown, { email: string }>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "" },
  });
  const { onSubmit, formError, done, submitting } = useActionForm(form, requestSignInLinkAction);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {done && <FormNotice kind="ok">{t("sent")}</FormNotice>}
      {formError && formError !== "fixFields" && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <Field id="email" label={t("email")} error={form.formState.errors.email?.message} required>
        {(control) => <input {...control} type="email" autoComplete="email" {...form.register("email")} />}
      </Field>
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
