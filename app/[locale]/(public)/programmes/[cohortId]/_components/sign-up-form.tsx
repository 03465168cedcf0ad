import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { SignUpForm as SignUpFormIsland } from "./sign-up-form.client";
export type { SignUpFormProps } from "./sign-up-form.client";

const NAMESPACES = ["cohortPage", "common", "errors", "pairingFields", "signUp"];

/** SignUpForm with only the messages it and the client components it imports use. */
export function SignUpForm(props: ComponentProps<typeof SignUpFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <SignUpFormIsland {...props} />
    </ClientMessages>
  );
}
