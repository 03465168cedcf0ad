"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useErrorText } from "@/components/ui/field";
import { useTwoStepConfirm } from "@/components/ui/use-two-step-confirm";
import { deleteQuestionAction } from "../actions";
import styles from "./coordinator.module.css";

/** Deletes a question after a second, explicit click; focus stays with the choice being made. */
export function DeleteQuestionButton({ questionId, label }: { questionId: string; label: string }) {
  const t = useTranslations("questions");
  const errorText = useErrorText();
  const { confirming, setConfirming, confirmRef, startRef } = useTwoStepConfirm();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const remove = () =>
    startTransition(async () => {
      setError(null);
      let result: Awaited<ReturnType<typeof deleteQuestionAction>>;
      try {
        result = await deleteQuestionAction(questionId);
      } catch {
        result = { ok: false, error: "generic" };
      }
      if (!result.ok) {
        setError(result.error ?? "generic");
        setConfirming(false);
      }
    });

  return (
    <div>
      {confirming ? (
        <div className="actions">
          <span id={`confirm-${questionId}`}>{t("confirmDelete", { label })}</span>
          <button ref={confirmRef} type="button" onClick={remove} disabled={pending} aria-describedby={`confirm-${questionId}`}>
            {pending ? t("deleting") : t("yesDelete")}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={pending}>
            {t("cancel")}
          </button>
        </div>
      ) : (
        <button ref={startRef} type="button" className="secondary" aria-label={t("deleteNamed", { label })} onClick={() => setConfirming(true)}>
          {t("delete")}
        </button>
      )}
      {error && (
        <p className={styles.error} role="alert">
          {errorText(error)}
        </p>
      )}
    </div>
  );
}
