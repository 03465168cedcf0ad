import { getTranslations } from "next-intl/server";
import type { listMeetingsAwaitingMe } from "@/lib/dal/meetings";
import { MeetingAnswers } from "./meeting-answer";
import { MeetingItem } from "./meeting-item";
import styles from "./pairs.module.css";

export type AwaitingMeeting = Awaited<ReturnType<typeof listMeetingsAwaitingMe>>[number];

/**
 * Meetings the other side logged that wait for the viewer's Confirm or Dispute: on the partner's
 * and the participant's start page. With `showPair` each names the pair (several pairs listed together).
 */
export async function AwaitingMeetings(props: {
  meetings: AwaitingMeeting[];
  locale: string;
  zone: string;
  heading: "h3" | "h4" | "h5";
  showPair?: boolean;
  /** Said when nothing waits. */
  emptyText?: string;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: "meetingLog" });
  // Always rendered, also when nothing waits (any more): the outcome of the last answer is shown in it.
  return (
    <MeetingAnswers>
      {props.meetings.length === 0 ? (
        props.emptyText && <p>{props.emptyText}</p>
      ) : (
        <ul className={styles.list}>
          {props.meetings.map((m) => (
            <MeetingItem
              key={m.id}
              meeting={{ ...m, awaitingMe: true }}
              locale={props.locale}
              zone={props.zone}
              heading={props.heading}
              context={props.showPair ? t("with", { name: m.counterpartName, cohort: m.cohortName }) : undefined}
            />
          ))}
        </ul>
      )}
    </MeetingAnswers>
  );
}
