import { notFound } from "next/navigation";
import { listMailbox } from "@/lib/dal/mail";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const LINK = /https?:\/\/[^\s<>"]+/g;

/** Every mail Koppel queued, newest first, with its links clickable. Not in production. */
export default async function MailboxPage() {
  const messages = await listMailbox().catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <>
      <h1>Mailbox</h1>
      <p>
        Koppel has no SMTP server configured, so mail is kept here instead of being sent. This page does not exist when
        <code> KOPPEL_ENV=production</code>.
      </p>
      {messages.length === 0 && <p>No messages yet.</p>}
      {messages.map((m) => (
        <article key={m.id} className="card" aria-labelledby={`mail-${m.id}`} style={{ marginBottom: "1rem" }}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <p className="meta">
            To {m.toAddress} · {m.createdAt.toISOString()} · {m.status}
            {m.transport ? ` via ${m.transport}` : ""}
          </p>
          <pre className="mail" lang={m.locale}>
            {m.text}
          </pre>
          <ul>
            {[...new Set(m.text.match(LINK) ?? [])].map((url) => (
              <li key={url}>
                <a href={url}>Open link in “{m.subject}”</a>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </>
  );
}
