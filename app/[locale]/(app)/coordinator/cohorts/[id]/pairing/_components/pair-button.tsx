"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import styles from "../../../../_components/coordinator.module.css";
import { pairFormAction } from "../actions";

function Submit({ partnerName, participantName }: { partnerName: string; participantName: string }) {
  const t = useTranslations("pairingBoard");
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending}>
      {pending ? t("pairing") : t("pairWith", { partner: partnerName })}
      <span className="visually-hidden"> {t("forParticipant", { name: participantName })}</span>
    </button>
  );
}

/**
 * "Pair with X": a form of one button that posts to the server, so it works before (or without)
 * JavaScript too. The board comes back (same search and page, `view`) saying who was paired, or why not.
 */
export function PairButton(props: { cohortId: string; enrollmentId: string; participantName: string; partnerId: string; partnerName: string; view: string }) {
  const locale = useLocale();
  return (
    <form action={pairFormAction} className={styles.inline}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="cohortId" value={props.cohortId} />
      <input type="hidden" name="enrollmentId" value={props.enrollmentId} />
      <input type="hidden" name="partnerId" value={props.partnerId} />
      <input type="hidden" name="view" value={props.view} />
      <Submit partnerName={props.partnerName} participantName={props.participantName} />
    </form>
  );
}
