import { getTranslations } from "next-intl/server";
import type { MeetingView } from "@/lib/dal/meetings";
import { formatInstant } from "@/lib/time";
import { MeetingAnswer } from "./meeting-answer";
import { durationText } from "./meeting-text";
import styles from "./pairs.module.css";

export type MeetingItemData = Pick<
  MeetingView,
  "id" | "startsAt" | "durationMinutes" | "mode" | "notes" | "status" | "loggedBySide" | "loggedByName" | "disputeComment" | "awaitingMe"
>;

/**
 * One meeting as a list item: when (in the viewer's zone, named), how long, in person or
 * online, what was done, its status in words, and Confirm / Dispute when it waits for the viewer.
 * Must sit inside <MeetingAnswers>.
 */
export async function MeetingItem(props: {
  meeting: MeetingItemData;
  locale: string;
  zone: string;
  heading: "h3" | "h4" | "h5";
  /** A line naming the pair, where meetings of several pairs are listed together. */
  context?: string;
}) {
  const { meeting: m, locale, zone } = props;
  const t = await getTranslations({ locale, namespace: "meetingLog" });
  const terms = await getTranslations({ locale, namespace: "pairingTerms" });
  const when = formatInstant(m.startsAt, locale, zone);
  const Heading = props.heading;
  return (
    <li className="card">
      <article aria-labelledby={`meeting-${m.id}`}>
        <Heading id={`meeting-${m.id}`}>{when}</Heading>
        {props.context && <p className="meta">{props.context}</p>}
        <p className="meta">{t("loggedBy", { name: m.loggedByName, side: terms(`meetingSides.${m.loggedBySide}`) })}</p>
        <dl className="facts">
          <dt>{t("duration")}</dt>
          <dd>{durationText(t, m.durationMinutes)}</dd>
          <dt>{t("mode")}</dt>
          <dd>{terms(`meetingModes.${m.mode}`)}</dd>
          <dt>{t("notes")}</dt>
          <dd>{m.notes ? <p className={styles.notes}>{m.notes}</p> : <span className="meta">{t("noNotes")}</span>}</dd>
          <dt>{t("status")}</dt>
          <dd>
            <span className="badge">{terms(`meetingStatuses.${m.status}`)}</span>
            {m.status === "disputed" && m.disputeComment && <p className={styles.comment}>{t("disputeComment", { comment: m.disputeComment })}</p>}
            {m.status === "logged" && !m.awaitingMe && <p className={styles.comment}>{t("waitingForOther")}</p>}
          </dd>
        </dl>
        {m.awaitingMe && <MeetingAnswer meetingId={m.id} label={when} loggedByName={m.loggedByName} />}
      </article>
    </li>
  );
}
