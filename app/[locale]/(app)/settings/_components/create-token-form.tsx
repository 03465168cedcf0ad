import { ClientMessages } from "@/components/client-messages";
import { CreateTokenForm as CreateTokenFormIsland } from "./create-token-form.client";

const NAMESPACES = ["common", "errors", "settings"];

/** CreateTokenForm with only the messages it and the client components it imports use. */
export function CreateTokenForm() {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <CreateTokenFormIsland />
    </ClientMessages>
  );
}
