"use client";

import { useTranslations } from "next-intl";
import { createContext, use, useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { respondToMeetingAction, type MeetingAnswerState } from "@/app/[locale]/(app)/pairs/actions";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import styles from "./pairs.module.css";

interface Answers {
  state: MeetingAnswerState;
  action: (form: FormData) => void;
  pending: boolean;
}

const AnswersContext = createContext<Answers | null>(null);

/**
 * Holds the answer to the meetings inside it. The outcome is shown above the list, not in the
 * meeting: an answered meeting leaves a list of what waits, and focus must not go with it.
 */
export function MeetingAnswers({ children }: { children: ReactNode }) {
  const t = useTranslations("meetingLog");
  const [state, action, pending] = useActionState<MeetingAnswerState, FormData>(respondToMeetingAction, {});
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.done) statusRef.current?.focus();
  }, [state]);
  return (
    <AnswersContext value={{ state, action, pending }}>
      <div role="status" tabIndex={-1} ref={statusRef} className={state.done ? "notice ok" : undefined}>
        {state.done && t(`answered.${state.done}`)}
      </div>
      {children}
    </AnswersContext>
  );
}

/**
 * Confirm, or dispute with a comment (a <details>, so it works without JavaScript), for a meeting
 * the other side logged. `label` names the meeting for buttons that are otherwise alike.
 */
export function MeetingAnswer({ meetingId, label, loggedByName }: { meetingId: string; label: string; loggedByName: string }) {
  const t = useTranslations("meetingLog");
  const errorText = useErrorText();
  const answers = use(AnswersContext);
  if (!answers) throw new Error("MeetingAnswer needs a MeetingAnswers around it");
  const { state, action, pending } = answers;
  const mine = state.meetingId === meetingId;
  const [comment, setComment] = useState(mine ? (state.comment ?? "") : "");
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const commentError = mine ? state.fieldErrors?.comment?.[0] : undefined;
  useEffect(() => {
    if (commentError) commentRef.current?.focus();
  }, [state, commentError]);
  const commentId = `comment-${meetingId}`;
  const hidden = <span className="visually-hidden">: {label}</span>;
  return (
    <div className={styles.answer}>
      {mine && state.error && !commentError && <FormNotice kind="error">{errorText(state.error)}</FormNotice>}
      <form action={action} className={styles.confirm}>
        <input type="hidden" name="meetingId" value={meetingId} />
        <button type="submit" name="response" value="confirm" disabled={pending}>
          {t("confirm")}
          {hidden}
        </button>
      </form>
      <details className={styles.dispute} open={Boolean(commentError) || undefined}>
        <summary>
          {t("dispute")}
          {hidden}
        </summary>
        <form action={action} className="stack">
          <p>{t("disputeLead", { name: loggedByName })}</p>
          <input type="hidden" name="meetingId" value={meetingId} />
          <input type="hidden" name="response" value="dispute" />
          <Field id={commentId} label={t("commentLabel")} error={commentError} required>
            {(c) => (
              <textarea {...c} ref={commentRef} name="comment" rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
            )}
          </Field>
          <div>
            <button type="submit" disabled={pending}>
              {pending ? t("working") : t("sendDispute")}
              {!pending && hidden}
            </button>
          </div>
        </form>
      </details>
    </div>
  );
}
