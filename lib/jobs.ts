import { SYSTEM } from "@/lib/dal/actor";
import { expireOffers } from "@/lib/dal/enrollments";

export interface RunningJobs {
  stop(): void;
}

/**
 * Koppel's periodic work inside the app process: lapsed waitlist offers pass to the next person
 * every minute. Safe to run in several processes at once: each change locks its cohort.
 */
export function startJobs(intervalMs = 60_000): RunningJobs {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const lapsed = await expireOffers(SYSTEM);
      if (lapsed) console.log(`[koppel] ${lapsed} waitlist offer(s) lapsed and passed on`);
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
