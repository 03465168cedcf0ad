type Step = { label: string; run: () => Promise<void> | void };

const steps: Step[] = [];
let running: Promise<void> | null = null;

/** Registers something to undo at the end; steps run last-registered first (server before database). */
export function onCleanup(label: string, run: Step["run"]): void {
  steps.push({ label, run });
}

/** Runs every registered step once, even when one fails; later calls wait for the same run. */
export function cleanup(): Promise<void> {
  running ??= (async () => {
    while (steps.length > 0) {
      const step = steps.pop()!;
      try {
        await step.run();
      } catch (err) {
        console.error(`[bench] cleanup "${step.label}" failed:`, err instanceof Error ? err.message : err);
        process.exitCode = 1;
      }
    }
  })();
  return running;
}
