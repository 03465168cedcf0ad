import type { Db } from "@/db/client";
import { claimDueMail, markMailFailed, markMailSent, onOutboxChange } from "@/lib/dal/mail";
import type { MailTransport } from "./transport";

/** Sends every due message once; returns how many were sent. */
export async function processOutbox(db: Db, transport: MailTransport): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await claimDueMail(db);
    if (batch.length === 0) return sent;
    for (const row of batch) {
      try {
        await transport.send(row);
        await markMailSent(db, row.id, transport.name);
        sent++;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        console.warn(`[koppel] mail ${row.id} (${row.template}) not sent, attempt ${row.attempts + 1}: ${message}`);
        await markMailFailed(db, row, message);
      }
    }
  }
}

export interface RunningWorker {
  stop: () => Promise<void>;
}

/** Polls the outbox every `intervalMs` and right after new mail is queued in this process. */
export function startOutboxWorker(db: Db, transport: MailTransport, intervalMs = 2000): RunningWorker {
  let running: Promise<unknown> | null = null;
  let again = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = processOutbox(db, transport)
      .catch((err: unknown) => console.error("[mail] outbox run failed:", err))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          setImmediate(tick);
        }
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  const unsubscribe = onOutboxChange(() => setImmediate(tick));
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
