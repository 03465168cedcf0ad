import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { AnswersForm as AnswersFormIsland } from "./answers-form.client";

const NAMESPACES = ["common", "errors", "myApplication", "pairingFields", "signUp"];

/** AnswersForm with only the messages it and the client components it imports use. */
export function AnswersForm(props: ComponentProps<typeof AnswersFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <AnswersFormIsland {...props} />
    </ClientMessages>
  );
}
