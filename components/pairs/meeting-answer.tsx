import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { MeetingAnswers as MeetingAnswersIsland, MeetingAnswer as MeetingAnswerIsland } from "./meeting-answer.client";

const NAMESPACES = ["common", "errors", "meetingLog"];

/** MeetingAnswers with only the messages it and the client components it imports use. */
export function MeetingAnswers(props: ComponentProps<typeof MeetingAnswersIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <MeetingAnswersIsland {...props} />
    </ClientMessages>
  );
}

/** MeetingAnswer with only the messages it and the client components it imports use. */
export function MeetingAnswer(props: ComponentProps<typeof MeetingAnswerIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <MeetingAnswerIsland {...props} />
    </ClientMessages>
  );
}
