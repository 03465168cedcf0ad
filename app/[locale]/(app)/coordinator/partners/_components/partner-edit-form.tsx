import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { PartnerEditForm as PartnerEditFormIsland } from "./partner-edit-form.client";
export type { PartnerEditValues } from "./partner-edit-form.client";

const NAMESPACES = ["common", "errors", "pairingFields", "pairingTerms", "partnersAdmin"];

/** PartnerEditForm with only the messages it and the client components it imports use. */
export function PartnerEditForm(props: ComponentProps<typeof PartnerEditFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <PartnerEditFormIsland {...props} />
    </ClientMessages>
  );
}
