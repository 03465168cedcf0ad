import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { LinkCohortForm as LinkCohortFormIsland, CohortLinkControls as CohortLinkControlsIsland } from "./cohort-links.client";

const NAMESPACES = ["common", "errors", "partnersAdmin"];

/** LinkCohortForm with only the messages it and the client components it imports use. */
export function LinkCohortForm(props: ComponentProps<typeof LinkCohortFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <LinkCohortFormIsland {...props} />
    </ClientMessages>
  );
}

/** CohortLinkControls with only the messages it and the client components it imports use. */
export function CohortLinkControls(props: ComponentProps<typeof CohortLinkControlsIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <CohortLinkControlsIsland {...props} />
    </ClientMessages>
  );
}
