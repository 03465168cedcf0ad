import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { SignInForm as SignInFormIsland } from "./sign-in-form.client";

const NAMESPACES = ["common", "errors", "signIn"];

/** SignInForm with only the messages it and the client components it imports use. */
export function SignInForm(props: ComponentProps<typeof SignInFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <SignInFormIsland {...props} />
    </ClientMessages>
  );
}
