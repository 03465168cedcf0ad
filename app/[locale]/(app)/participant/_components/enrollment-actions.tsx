import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { EnrollmentActions as EnrollmentActionsIsland } from "./enrollment-actions.client";

const NAMESPACES = ["common", "errors", "myEnrollments"];

/** EnrollmentActions with only the messages it and the client components it imports use. */
export function EnrollmentActions(props: ComponentProps<typeof EnrollmentActionsIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <EnrollmentActionsIsland {...props} />
    </ClientMessages>
  );
}
