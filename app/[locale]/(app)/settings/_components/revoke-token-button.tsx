import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { RevokeTokenButton as RevokeTokenButtonIsland } from "./revoke-token-button.client";

const NAMESPACES = ["common", "errors", "settings"];

/** RevokeTokenButton with only the messages it and the client components it imports use. */
export function RevokeTokenButton(props: ComponentProps<typeof RevokeTokenButtonIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <RevokeTokenButtonIsland {...props} />
    </ClientMessages>
  );
}
