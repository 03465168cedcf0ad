import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { LogMeetingForm as LogMeetingFormIsland } from "./log-meeting-form.client";

const NAMESPACES = ["common", "errors", "meetingLog", "pairingTerms"];

/** LogMeetingForm with only the messages it and the client components it imports use. */
export function LogMeetingForm(props: ComponentProps<typeof LogMeetingFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <LogMeetingFormIsland {...props} />
    </ClientMessages>
  );
}
