import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { SignUpSection as SignUpSectionIsland } from "./sign-up-section.client";

// The sign-up form's namespaces (sign-up-form.tsx) and the enrollment statuses.
const NAMESPACES = ["cohortPage", "common", "errors", "myEnrollments", "pairingFields", "signUp"];

/** SignUpSection with only the messages it and the sign-up form use. */
export function SignUpSection(props: ComponentProps<typeof SignUpSectionIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <SignUpSectionIsland {...props} />
    </ClientMessages>
  );
}
