"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type RefObject } from "react";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import styles from "../../../../_components/coordinator.module.css";
import { changePairFormAction, unpairFormAction, type PairFormState } from "../actions";

interface PairRef {
  cohortId: string;
  /** The board's search and pages (a query string), to come back to after the action. */
  view: string;
  pairId: string;
  enrollmentId: string;
  participantName: string;
  partnerId: string;
}

/** The fields every form about an existing pair posts. */
function PairHidden({ pair }: { pair: PairRef }) {
  const locale = useLocale();
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="cohortId" value={pair.cohortId} />
      <input type="hidden" name="pairId" value={pair.pairId} />
      <input type="hidden" name="enrollmentId" value={pair.enrollmentId} />
      <input type="hidden" name="view" value={pair.view} />
    </>
  );
}

/** After a refusal: the first field with an error takes the focus, else the message does (read as an alert). */
function useFocusOnRefusal(state: PairFormState, form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (!state.error) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, form]);
}

/**
 * End a pair or move the participant to another partner, each behind a disclosure (a <details>,
 * so it works without JavaScript) and each with the reason the record keeps.
 */
export function PairActions({ pair, partners }: { pair: PairRef; partners: { id: string; name: string; left: number }[] }) {
  const t = useTranslations("pairingBoard.pairActions");
  const errorText = useErrorText();
  const [endState, endAction, ending] = useActionState<PairFormState, FormData>(unpairFormAction, {});
  const [changeState, changeAction, changing] = useActionState<PairFormState, FormData>(changePairFormAction, {});
  // Controlled, so a refusal keeps what was typed; without JavaScript the server's answer brings it back.
  const [endReason, setEndReason] = useState(endState.reason ?? "");
  const [changeReason, setChangeReason] = useState(changeState.reason ?? "");
  const [partnerId, setPartnerId] = useState(changeState.partnerId ?? "");
  const endForm = useRef<HTMLFormElement>(null);
  const changeForm = useRef<HTMLFormElement>(null);
  useFocusOnRefusal(endState, endForm);
  useFocusOnRefusal(changeState, changeForm);
  const id = pair.pairId;
  const others = partners.filter((p) => p.id !== pair.partnerId);
  const formErrorOf = (s: PairFormState) => (s.error && s.error !== "fixFields" ? errorText(s.error) : undefined);

  return (
    <div className={styles.pairActions}>
      <details open={Boolean(endState.error) || undefined}>
        <summary>
          {t("end")}
          <span className="visually-hidden"> ({pair.participantName})</span>
        </summary>
        <form action={endAction} className="stack" ref={endForm}>
          <PairHidden pair={pair} />
          {formErrorOf(endState) && <FormNotice kind="error">{formErrorOf(endState)}</FormNotice>}
          <Field id={`end-reason-${id}`} label={t("reason")} hint={t("endHint")} error={endState.fieldErrors?.reason?.[0]} required>
            {(c) => <textarea {...c} name="reason" rows={2} maxLength={1000} value={endReason} onChange={(e) => setEndReason(e.target.value)} />}
          </Field>
          <div>
            <button type="submit" disabled={ending}>
              {ending ? t("working") : t("confirmEnd")}
            </button>
          </div>
        </form>
      </details>
      {others.length > 0 && (
        <details open={Boolean(changeState.error) || undefined}>
          <summary>
            {t("change")}
            <span className="visually-hidden"> ({pair.participantName})</span>
          </summary>
          <form action={changeAction} className="stack" ref={changeForm}>
            <PairHidden pair={pair} />
            {formErrorOf(changeState) && <FormNotice kind="error">{formErrorOf(changeState)}</FormNotice>}
            <Field id={`change-partner-${id}`} label={t("newPartner")} error={changeState.fieldErrors?.partnerId?.[0]} required>
              {(c) => (
                <select {...c} name="partnerId" value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
                  <option value="">{t("choosePartner")}</option>
                  {others.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.left > 0 ? t("partnerOption", { name: p.name, left: p.left }) : t("partnerFull", { name: p.name })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`change-reason-${id}`} label={t("reason")} hint={t("changeHint")} error={changeState.fieldErrors?.reason?.[0]} required>
              {(c) => <textarea {...c} name="reason" rows={2} maxLength={1000} value={changeReason} onChange={(e) => setChangeReason(e.target.value)} />}
            </Field>
            <div>
              <button type="submit" disabled={changing}>
                {changing ? t("working") : t("confirmChange")}
              </button>
            </div>
          </form>
        </details>
      )}
    </div>
  );
}
