import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { CohortForm as CohortFormIsland } from "./cohort-form.client";

const NAMESPACES = ["cohortForm", "cohortSettings", "common", "errors", "saved"];

/** CohortForm with only the messages it and the client components it imports use. */
export function CohortForm(props: ComponentProps<typeof CohortFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <CohortFormIsland {...props} />
    </ClientMessages>
  );
}
