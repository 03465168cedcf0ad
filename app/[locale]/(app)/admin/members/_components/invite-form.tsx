import { ClientMessages } from "@/components/client-messages";
import { InviteForm as InviteFormIsland } from "./invite-form.client";

const NAMESPACES = ["admin", "common", "errors", "locales", "roles"];

/** InviteForm with only the messages it and the client components it imports use. */
export function InviteForm() {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <InviteFormIsland />
    </ClientMessages>
  );
}
