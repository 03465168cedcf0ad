import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { HelpRequestForm as HelpRequestFormIsland } from "./help-request-form.client";

const NAMESPACES = ["common", "errors", "pairingFields", "partnerHome", "partnerProfile"];

/** HelpRequestForm with only the messages it and the client components it imports use. */
export function HelpRequestForm(props: ComponentProps<typeof HelpRequestFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <HelpRequestFormIsland {...props} />
    </ClientMessages>
  );
}
