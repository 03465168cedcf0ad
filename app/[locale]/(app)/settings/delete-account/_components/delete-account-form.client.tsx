"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { deleteAccountAction, type DeleteAccountState } from "../actions";

/** Typing the account's own address confirms; a plain <form> that also works without JavaScript. */
export function DeleteAccountForm({ email }: { email: string }) {
  const t = useTranslations("deleteAccount");
  const errorText = useErrorText();
  const locale = useLocale();
  const [state, action, pending] = useActionState<DeleteAccountState, FormData>(deleteAccountAction, {});
  const [typed, setTyped] = useState(state.email ?? "");
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const formError = state.error && state.error !== "fixFields" ? errorText(state.error) : undefined;
  return (
    <form action={action} className="stack" ref={formRef}>
      <input type="hidden" name="locale" value={locale} />
      {formError && <FormNotice kind="error">{formError}</FormNotice>}
      <Field id="confirm-email" label={t("confirmLabel")} hint={t("confirmHint", { email })} error={state.fieldErrors?.email?.[0]} required>
        {(c) => (
          <input {...c} name="email" type="email" autoComplete="off" spellCheck={false} maxLength={254} value={typed} onChange={(e) => setTyped(e.target.value)} />
        )}
      </Field>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t("deleting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
