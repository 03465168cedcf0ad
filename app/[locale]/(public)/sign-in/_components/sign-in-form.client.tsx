"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { requestSignInLinkAction, type SignInState } from "../actions";

/**
 * Asks for a sign-in link. A server form (useActionState), so it works before or without
 * JavaScript; a link from a mail fills in the address and where to go afterwards.
 */
export function SignInForm({ email = "", callbackUrl }: { email?: string; callbackUrl?: string }) {
  const t = useTranslations("signIn");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState<SignInState, FormData>(requestSignInLinkAction, { email });
  const [value, setValue] = useState(state.email ?? email);
  return (
    <form className="stack" action={action} noValidate>
      {state.done && <FormNotice kind="ok">{t("sent")}</FormNotice>}
      {state.error && state.error !== "fixFields" && <FormNotice kind="error">{errorText(state.error)}</FormNotice>}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field id="email" label={t("email")} error={state.fieldErrors?.email?.[0]} required>
        {(control) => (
          <input {...control} type="email" name="email" autoComplete="email" value={value} onChange={(e) => setValue(e.target.value)} />
        )}
      </Field>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
