"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { updateMyEnrollmentAction, type MyEnrollmentState } from "../actions";
import styles from "./participant.module.css";

/**
 * Accept or decline an offered place, and withdraw with a confirm step (a <details>, so it works
 * without JavaScript). Stays mounted after its enrollment changes, so the outcome stays readable.
 */
export function EnrollmentActions(props: { enrollmentId: string; cohortName: string; canRespond: boolean; canWithdraw: boolean }) {
  const t = useTranslations("myEnrollments");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState<MyEnrollmentState, FormData>(updateMyEnrollmentAction, {});
  const [reason, setReason] = useState(state.reason ?? "");
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The button pressed may be gone now (the offer or the withdraw step): keep focus on the outcome.
    if (state.done) statusRef.current?.focus();
  }, [state]);
  const reasonId = `reason-${props.enrollmentId}`;
  const withdrawFailed = state.intent === "withdraw" && Boolean(state.error);
  return (
    <div className={styles.actions}>
      <div role="status" tabIndex={-1} ref={statusRef} className={state.done ? "notice ok" : undefined}>
        {state.done && t(`done.${state.done}`, { cohort: props.cohortName })}
      </div>
      {state.error && <FormNotice kind="error">{errorText(state.error)}</FormNotice>}
      {props.canRespond && (
        <form action={action} className={styles.offer}>
          <input type="hidden" name="enrollmentId" value={props.enrollmentId} />
          <button type="submit" name="intent" value="accept" disabled={pending}>
            {t("accept")}
          </button>
          <button type="submit" name="intent" value="decline" className="secondary" disabled={pending}>
            {t("decline")}
          </button>
        </form>
      )}
      {props.canWithdraw && (
        <details className={styles.withdraw} open={withdrawFailed || undefined}>
          <summary>{t("withdraw")}</summary>
          <form action={action} className="stack">
            <p>{t("withdrawLead")}</p>
            <input type="hidden" name="enrollmentId" value={props.enrollmentId} />
            <input type="hidden" name="intent" value="withdraw" />
            <Field id={reasonId} label={t("reason")} hint={t("reasonHint")} error={state.fieldErrors?.reason?.[0]}>
              {(c) => <textarea {...c} name="reason" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <div>
              <button type="submit" disabled={pending}>
                {pending ? t("working") : t("confirmWithdraw")}
              </button>
            </div>
          </form>
        </details>
      )}
    </div>
  );
}
