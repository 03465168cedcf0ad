import { SYSTEM } from "@/lib/dal/actor";
import { expireOffers } from "@/lib/dal/enrollments";
import { dropUnconfirmedSignUps } from "@/lib/dal/sign-up-confirmation";

export interface RunningJobs {
  stop(): void;
}

/**
 * Koppel's periodic work inside the app process, every minute: lapsed waitlist offers pass to
 * the next person, and public sign-ups left unconfirmed past their link's lifetime are dropped. Safe to run in several processes at once: each change locks its cohort.
 */
export function startJobs(intervalMs = 60_000): RunningJobs {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const lapsed = await expireOffers(SYSTEM);
      if (lapsed) console.log(`[koppel] ${lapsed} waitlist offer(s) lapsed and passed on`);
      const dropped = await dropUnconfirmedSignUps(SYSTEM);
      if (dropped) console.log(`[koppel] ${dropped} unconfirmed or used sign-up link(s) dropped`);
    } catch (err) {
      console.error("[koppel] job failed:", err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
