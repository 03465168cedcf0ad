import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { ProfileForm as ProfileFormIsland } from "./profile-form.client";

const NAMESPACES = ["common", "errors", "profile", "locales"];

/** ProfileForm with only the messages it and the client components it imports use. */
export function ProfileForm(props: ComponentProps<typeof ProfileFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <ProfileFormIsland {...props} />
    </ClientMessages>
  );
}
