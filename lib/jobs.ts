import { SYSTEM } from "@/lib/dal/actor";
import { expireOffers } from "@/lib/dal/enrollments";
import { purgeExpired } from "@/lib/dal/housekeeping";
import { anonymiseExpiredCohorts } from "@/lib/dal/retention";
import { dropUnconfirmedSignUps } from "@/lib/dal/sign-up-confirmation";
import { describeError } from "@/lib/log-error";

export interface RunningJobs {
  stop(): void;
}

/** Runs `job` now and every `intervalMs`, never twice at once; a failure is logged and the next run tries again. */
function every(name: string, intervalMs: number, job: () => Promise<void>): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (err) {
      console.error(`[koppel] job ${name} failed: ${describeError(err)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/**
 * Koppel's periodic work inside the app process. Every minute: lapsed waitlist offers pass to
 * the next person, and public sign-ups left unconfirmed past their link's lifetime are dropped.
 * Every hour (and at start) housekeeping deletes or blanks what is kept no longer
 * (lib/dal/housekeeping.ts). Safe to run in several processes at once: each offer change locks
 * its cohort, and housekeeping's deletes and updates are idempotent.
 */
export function startJobs(intervalMs = 60_000, housekeepingMs = 3_600_000): RunningJobs {
  const stops = [
    every("offers", intervalMs, async () => {
      const lapsed = await expireOffers(SYSTEM);
      if (lapsed) console.log(`[koppel] ${lapsed} waitlist offer(s) lapsed and passed on`);
      const dropped = await dropUnconfirmedSignUps(SYSTEM);
      if (dropped) console.log(`[koppel] ${dropped} unconfirmed or used sign-up link(s) dropped`);
    }),
    every("housekeeping", housekeepingMs, async () => {
      const purged: Record<string, number> = { ...(await purgeExpired(SYSTEM)) };
      if (Object.values(purged).some((n) => n > 0)) console.log(`[koppel] housekeeping: ${JSON.stringify(purged)}`);
    }),
    every("retention", housekeepingMs, () => runRetention()),
  ];
  return { stop: () => stops.forEach((stop) => stop()) };
}

/** Anonymises the personal data of cohorts whose programme's retention period has ended (see lib/dal/retention). */
export async function runRetention(now: Date = new Date()): Promise<void> {
  const done = await anonymiseExpiredCohorts(SYSTEM, now);
  if (done.cohorts) console.log(`[koppel] anonymised ${done.enrollments} enrollment(s) in ${done.cohorts} cohort(s) past their retention period`);
}
