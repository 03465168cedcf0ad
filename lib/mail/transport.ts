import nodemailer from "nodemailer";
import type { OutboxRow } from "@/lib/dal/mail";
import { DEFAULT_LEASE_MS } from "@/lib/dal/mail";

export interface MailTransport {
  name: string;
  /** The demo's mailbox shows a sign-in mail's body for a while after "sending" it. */
  keepsSecretBody?: boolean;
  send(row: OutboxRow): Promise<void>;
}

/**
 * One Message-ID per outbox row, the same on every try: a receiver (or the relay) that gets a
 * message twice, because a worker died between the server's acceptance and our record of it,
 * can tell it is the same message.
 */
export function messageIdFor(rowId: string, appUrl: string): string {
  let host = "koppel.invalid";
  try {
    host = new URL(appUrl).hostname || host;
  } catch {
    /* keep the fallback */
  }
  return `<${rowId}@${host}>`;
}

/**
 * SMTP timeouts bounded well inside a message's lease, so a slow server makes the try fail (and
 * be retried) before another worker may claim the message. nodemailer's defaults (2 minutes to
 * connect, 10 minutes of socket silence) outlast the lease.
 */
export function smtpTimeouts(leaseMs: number) {
  return {
    connectionTimeout: Math.min(10_000, Math.floor(leaseMs / 6)),
    greetingTimeout: Math.min(10_000, Math.floor(leaseMs / 6)),
    socketTimeout: Math.min(30_000, Math.floor(leaseMs / 4)),
    dnsTimeout: Math.min(10_000, Math.floor(leaseMs / 6)),
  };
}

/** Real SMTP through nodemailer. */
export function smtpTransport(url: string, from: string, opts: { appUrl: string; leaseMs?: number }): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...smtpTimeouts(opts.leaseMs ?? DEFAULT_LEASE_MS) });
  return {
    name: "smtp",
    async send(row) {
      const info = await transporter.sendMail({
        from,
        to: row.toAddress,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: messageIdFor(row.id, opts.appUrl),
        headers: { "Content-Language": row.locale },
      });
      const failed = [...(info.rejected ?? []), ...(info.pending ?? [])];
      if (failed.length) throw new Error(`SMTP refused ${failed.length} recipient(s)`);
    },
  };
}

/**
 * Without SMTP_URL (demo mode) mail stays in the outbox and is read at /dev/mailbox; a sign-in
 * mail's body is kept there until the housekeeping job blanks it (MAILBOX_SECRET_MS after sending).
 */
export const mailboxTransport: MailTransport = { name: "mailbox", keepsSecretBody: true, send: async () => {} };
