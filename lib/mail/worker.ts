import type { Db } from "@/db/client";
import { claimNextMail, DEFAULT_LEASE_MS, markMailFailed, markMailSent, onOutboxChange } from "@/lib/dal/mail";
import { logUnexpected } from "@/lib/log-error";
import type { MailTransport } from "./transport";

export interface OutboxOptions {
  /** How long one claimed message is reserved for this worker. */
  leaseMs?: number;
  /** Give up on one message after this long (half the lease by default), so the lease outlasts the try. */
  sendTimeoutMs?: number;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the mail server within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sends every due message once; returns how many were sent. Each message is claimed on its own
 * with its own lease just before it is sent, and marked only while this worker still holds that
 * lease: a worker that was too slow cannot turn another worker's "sent" back into "pending".
 */
export async function processOutbox(db: Db, transport: MailTransport, opts: OutboxOptions = {}): Promise<number> {
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const sendTimeoutMs = opts.sendTimeoutMs ?? Math.floor(leaseMs / 2);
  let sent = 0;
  for (;;) {
    const row = await claimNextMail(db, leaseMs);
    if (!row) return sent;
    try {
      await within(transport.send(row), sendTimeoutMs);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      console.warn(`[koppel] mail ${row.id} (${row.template}) not sent, attempt ${row.attempts}: ${message}`);
      if (!(await markMailFailed(db, row, message))) console.warn(`[koppel] mail ${row.id}: lease ran out before the failure was recorded; another worker has it`);
      continue;
    }
    if (await markMailSent(db, row, transport.name, { keepSecretBody: transport.keepsSecretBody })) sent++;
    else console.warn(`[koppel] mail ${row.id}: sent, but the lease had run out; another worker may send it again (same Message-ID)`);
  }
}

export interface RunningWorker {
  stop: () => Promise<void>;
}

/** Polls the outbox every `intervalMs` and right after new mail is queued in this process. */
export function startOutboxWorker(db: Db, transport: MailTransport, intervalMs = 2000, opts: OutboxOptions = {}): RunningWorker {
  let running: Promise<unknown> | null = null;
  let again = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = processOutbox(db, transport, opts)
      .catch((err: unknown) => logUnexpected("[mail] outbox run failed:", err))
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
