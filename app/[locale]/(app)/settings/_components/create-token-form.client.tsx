"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { apiTokenSchema, type ApiTokenFormValues, type ApiTokenInput } from "@/lib/validation/api-token";
import { createApiTokenAction } from "../actions";

/** The create form; a new token is shown here once, with a way to copy it. */
export function CreateTokenForm() {
  const t = useTranslations("settings");
  const errorText = useErrorText();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);
  const form = useForm<ApiTokenFormValues, unknown, ApiTokenInput>({
    resolver: zodResolver(apiTokenSchema),
    defaultValues: { name: "" },
  });
  const { onSubmit, formError, submitting } = useActionForm(form, createApiTokenAction, (result) => {
    if (result.data) setCreated({ name: result.data.name, token: result.data.token });
    setCopied(false);
    form.reset({ name: "" });
  });
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      // No clipboard (permissions, plain http): select the text so the person can copy it.
      tokenRef.current?.select();
    }
  };
  const formErrorText = formError && (t.has(`errors.${formError}`) ? t(`errors.${formError}`) : errorText(formError));
  return (
    <>
      <div role="status" aria-live="polite">
        {created && (
          <div className="notice ok">
            <p>
              <strong>{t("tokens.createdNotice", { name: created.name })}</strong>
            </p>
            <div className="field">
              <label htmlFor="new-api-token">{t("tokens.newToken")}</label>
              <p className="hint" id="new-api-token-hint">
                {t("tokens.copyHint")}
              </p>
              <input
                id="new-api-token"
                ref={tokenRef}
                readOnly
                value={created.token}
                aria-describedby="new-api-token-hint"
                spellCheck={false}
                autoComplete="off"
                onFocus={(e) => e.currentTarget.select()}
              />
            </div>
            <div className="actions">
              <button type="button" onClick={() => void copy()}>
                {t("tokens.copy")}
              </button>
              <button type="button" onClick={() => setCreated(null)}>
                {t("tokens.dismiss")}
              </button>
              {copied && <span>{t("tokens.copied")}</span>}
            </div>
          </div>
        )}
      </div>
      <form className="stack" onSubmit={onSubmit} noValidate>
        {formErrorText && <FormNotice kind="error">{formErrorText}</FormNotice>}
        <Field id="token-name" label={t("tokens.nameLabel")} hint={t("tokens.nameHint")} error={form.formState.errors.name?.message} required>
          {(c) => <input {...c} autoComplete="off" maxLength={100} {...form.register("name")} />}
        </Field>
        <div>
          <button type="submit" disabled={submitting}>
            {submitting ? t("tokens.creating") : t("tokens.submit")}
          </button>
        </div>
      </form>
    </>
  );
}
