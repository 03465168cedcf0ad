import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { DecisionForm as DecisionFormIsland } from "./decision-form.client";

const NAMESPACES = ["common", "errors", "review"];

/** DecisionForm with only the messages it and the client components it imports use. */
export function DecisionForm(props: ComponentProps<typeof DecisionFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <DecisionFormIsland {...props} />
    </ClientMessages>
  );
}
