import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { InvitePartnerForm as InvitePartnerFormIsland } from "./invite-partner-form.client";

const NAMESPACES = ["common", "errors", "locales", "pairingFields", "pairingTerms", "partnersAdmin"];

/** InvitePartnerForm with only the messages it and the client components it imports use. */
export function InvitePartnerForm(props: ComponentProps<typeof InvitePartnerFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <InvitePartnerFormIsland {...props} />
    </ClientMessages>
  );
}
