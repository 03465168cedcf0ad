import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { ApplicationsTable as ApplicationsTableIsland } from "./applications-table.client";
export type { ApplicationRow } from "./applications-table.client";

const NAMESPACES = ["applications", "common", "errors", "review"];

/** ApplicationsTable with only the messages it and the client components it imports use. */
export function ApplicationsTable(props: ComponentProps<typeof ApplicationsTableIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <ApplicationsTableIsland {...props} />
    </ClientMessages>
  );
}
