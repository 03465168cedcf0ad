import type { AbstractIntlMessages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** The top-level namespaces of `messages` named in `namespaces`, and nothing else. */
export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const ns of namespaces) if (messages[ns] !== undefined) picked[ns] = messages[ns];
  return picked;
}

/**
 * Gives the client components inside it only the message namespaces they use: every message a
 * provider holds is sent with the page (all of them were 71 % of the home page's HTML). A client
 * island that a server component renders is wrapped in this by a server file of the same name
 * (`foo.tsx` wrapping `foo.client.tsx`), which lists the namespaces of the island and of the
 * client components it imports.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
