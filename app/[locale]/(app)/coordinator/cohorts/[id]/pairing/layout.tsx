import { ClientMessages } from "@/components/client-messages";

// The board's and the proposal's client parts (pair buttons on every row, pair actions, the
// proposal form) share these messages: one provider here rather than one per row.
export default function PairingLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["common", "errors", "pairingBoard"]}>{children}</ClientMessages>;
}
