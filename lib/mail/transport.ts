import nodemailer from "nodemailer";
import type { OutboxRow } from "@/lib/dal/mail";

export interface MailTransport {
  name: string;
  send(row: OutboxRow): Promise<void>;
}

/** Real SMTP through nodemailer. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async send(row) {
      const info = await transporter.sendMail({
        from,
        to: row.toAddress,
        subject: row.subject,
        text: row.text,
        html: row.html,
        headers: { "Content-Language": row.locale },
      });
      const failed = [...(info.rejected ?? []), ...(info.pending ?? [])];
      if (failed.length) throw new Error(`SMTP refused ${failed.length} recipient(s)`);
    },
  };
}

/** Without SMTP_URL (demo mode) mail stays in the outbox and is read at /dev/mailbox. */
export const mailboxTransport: MailTransport = { name: "mailbox", send: async () => {} };
