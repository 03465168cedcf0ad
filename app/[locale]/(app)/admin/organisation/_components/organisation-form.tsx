import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { OrganisationForm as Island } from "./organisation-form.client";

/** OrganisationForm with only the messages it uses. */
export function OrganisationForm(props: ComponentProps<typeof Island>) {
  return (
    <ClientMessages namespaces={["common", "errors", "admin"]}>
      <Island {...props} />
    </ClientMessages>
  );
}
