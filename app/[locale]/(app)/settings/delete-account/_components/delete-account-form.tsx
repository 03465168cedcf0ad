import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { DeleteAccountForm as DeleteAccountFormIsland } from "./delete-account-form.client";

const NAMESPACES = ["common", "deleteAccount", "errors"];

/** DeleteAccountForm with only the messages it and the client components it imports use. */
export function DeleteAccountForm(props: ComponentProps<typeof DeleteAccountFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <DeleteAccountFormIsland {...props} />
    </ClientMessages>
  );
}
