import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { PartnerDecisionForm as PartnerDecisionFormIsland } from "./partner-decision-form.client";

const NAMESPACES = ["common", "errors", "partnersAdmin"];

/** PartnerDecisionForm with only the messages it and the client components it imports use. */
export function PartnerDecisionForm(props: ComponentProps<typeof PartnerDecisionFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <PartnerDecisionFormIsland {...props} />
    </ClientMessages>
  );
}
