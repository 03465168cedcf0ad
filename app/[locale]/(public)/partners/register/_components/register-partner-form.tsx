import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { RegisterPartnerForm as RegisterPartnerFormIsland } from "./register-partner-form.client";

const NAMESPACES = ["common", "errors", "pairingFields", "pairingTerms", "partnerProfile", "registerPartner"];

/** RegisterPartnerForm with only the messages it and the client components it imports use. */
export function RegisterPartnerForm(props: ComponentProps<typeof RegisterPartnerFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <RegisterPartnerFormIsland {...props} />
    </ClientMessages>
  );
}
