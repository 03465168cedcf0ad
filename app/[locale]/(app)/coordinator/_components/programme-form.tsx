import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { ProgrammeForm as ProgrammeFormIsland } from "./programme-form.client";

const NAMESPACES = ["common", "errors", "programmeForm", "programmePairing", "retention", "saved"];

/** ProgrammeForm with only the messages it and the client components it imports use. */
export function ProgrammeForm(props: ComponentProps<typeof ProgrammeFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <ProgrammeFormIsland {...props} />
    </ClientMessages>
  );
}
