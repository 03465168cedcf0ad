import autocannon from "autocannon";

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** Every response body must contain this text (else it counts as a mismatch). */
  contains?: string;
}

export interface Measurement {
  /** Responses completed within the run. */
  requests: number;
  /** Requests sent, including those the end of the run cut off (still rendered by the server). */
  sent: number;
  seconds: number;
  /** Completed responses per second over the whole run (requests / seconds). */
  requestsPerSecond: number;
  /** From our own per-request samples (autocannon's "response" event), nearest rank, ms. */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** autocannon's own latency histogram (2xx responses only, ms), for comparison. */
  autocannon: { p50: number; p97_5: number; p99: number; mean: number };
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  /** The machine's 1-minute load average when the run ended (the load generator shares the cores). */
  loadAverage1m?: number;
}

/** Seconds a response may take before autocannon gives up on it (a timeout fails the run). */
export const RESPONSE_TIMEOUT_S = 60;

let current: autocannon.Instance | null = null;

/** Stops a running load (Ctrl-C). */
export function stopLoad(): void {
  current?.stop();
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Runs autocannon against one URL and records every response's latency. */
export async function runLoad(opts: LoadOptions): Promise<Measurement> {
  const samples: number[] = [];
  const contains = opts.contains;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.seconds,
        // autocannon's default (10 s) counts a slow page on a busy shared machine as an error;
        // a response that takes longer than this still fails the run.
        timeout: RESPONSE_TIMEOUT_S,
        headers: opts.headers,
        ...(contains ? { verifyBody: (body: unknown) => typeof body === "string" && body.includes(contains) } : {}),
      },
      (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    current = instance;
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      samples.push(responseTime);
    });
  }).finally(() => {
    current = null;
  });

  const sorted = Float64Array.from(samples).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return {
    requests: result.requests.total,
    sent: Math.max(result.requests.sent ?? 0, result.requests.total),
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.length ? sorted[sorted.length - 1]! : NaN,
    autocannon: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      mean: result.latency.mean,
    },
    statusCodes,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
  };
}

/**
 * Why a run does not count, or null: only 200s, no errors, timeouts or unexpected bodies. A short
 * warm-up of a slow page may finish no request at all (`allowEmpty`); a measurement must.
 */
export function problemsOf(m: Measurement, opts: { allowEmpty?: boolean } = {}): string | null {
  const problems: string[] = [];
  const other = Object.entries(m.statusCodes).filter(([code]) => code !== "200");
  if (m.non2xx > 0 || other.length > 0) problems.push(`status codes ${JSON.stringify(m.statusCodes)}`);
  if (m.errors > 0) problems.push(`${m.errors} errors (${m.timeouts} timeouts)`);
  if (m.mismatches > 0) problems.push(`${m.mismatches} bodies without the expected text`);
  if (m.requests === 0 && !opts.allowEmpty) problems.push(`no response finished within ${m.seconds} s (raise BENCH_DURATION)`);
  return problems.length ? problems.join("; ") : null;
}
