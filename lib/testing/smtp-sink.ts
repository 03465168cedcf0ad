/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 for tests of the mail worker: it
 * can answer slowly or refuse, and records what it accepted with the Message-ID and the moment it
 * answered 250.
 */
import { SMTPServer } from "smtp-server";

export interface SinkMail {
  messageId: string | null;
  to: string[];
  /** When the server answered 250 (ms since the epoch). */
  acceptedAt: number;
  raw: string;
}

export interface SinkOptions {
  /** Milliseconds to wait before answering the end of DATA. */
  delayMs?: number;
  /** An SMTP answer to give instead of 250 (e.g. 451), after the delay. */
  failWith?: { code: number; message: string };
  /** Called just before the server answers 250 for a message (the n-th, from 1). */
  onAccept?: (mail: SinkMail, n: number) => void;
}

export interface SmtpSink {
  port: number;
  url: string;
  received: SinkMail[];
  /** Messages whose DATA arrived, accepted or not. */
  attempts: number;
  close(): Promise<void>;
}

export async function startSmtpSink(opts: SinkOptions = {}): Promise<SmtpSink> {
  const received: SinkMail[] = [];
  const sink = { received, attempts: 0 } as SmtpSink;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // Closing waits at most this long for clients still connected (a test's mute server has one).
    closeTimeout: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        sink.attempts++;
        const raw = Buffer.concat(chunks).toString("utf8");
        setTimeout(() => {
          if (opts.failWith) {
            callback(Object.assign(new Error(opts.failWith.message), { responseCode: opts.failWith.code }));
            return;
          }
          const mail = {
            messageId: /^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? null,
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            acceptedAt: Date.now(),
            raw,
          };
          received.push(mail);
          opts.onAccept?.(mail, received.length);
          callback();
        }, opts.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  sink.port = typeof address === "object" && address ? address.port : 0;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
