// `npm run bench`: seeds a large tenant into a database of its own, starts the production build on
// it and measures each route in bench/routes.ts with autocannon. Exits non-zero on any failure and
// always stops the server and removes the database.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cleanup } from "./cleanup";
import { settledCpuOf } from "./cpu";
import { createBenchDatabase, type BenchDatabase } from "./database";
import { problemsOf, runLoad, stopLoad, type Measurement } from "./measure";
import { ROUTES, type BenchRole, type BenchRoute } from "./routes";
import { ensureBuild, freePort, startServer, type Server } from "./server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CONNECTIONS = 20;

function secondsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`);
  return n;
}

/** POST /api/demo-sign-in as a demo person; returns the Cookie header for their session. */
async function signIn(server: Server, role: BenchRole, organisationId: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/demo-sign-in`, {
    method: "POST",
    body: new URLSearchParams({ role, locale: "nl" }),
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().find((c) => /^(__Host-)?koppel\.session=/.test(c));
  if (res.status !== 303 || !session) {
    throw new Error(`Demo sign-in as ${role} answered ${res.status} without a koppel.session cookie: ${await res.text()}\n${server.tail()}`);
  }
  // koppel.org picks the organisation the person works in (lib/dal/session.ts).
  return `${session.split(";")[0]}; koppel.org=${organisationId}`;
}

interface RouteResult {
  name: string;
  path: string;
  signedInAs: BenchRole | null;
  connections: number;
  measurement: Measurement;
  /** Median of sequential requests with nothing else running: how long one person waits. */
  aloneMs: number;
  /** Size of the response body (HTML or JSON, uncompressed). */
  kilobytes: number;
  /** The server process's CPU time (user + system) over the run, per request sent. */
  cpu: CpuUse;
  /** req/s and CPU: baseline ÷ route inverted so below 1 = slower; p95: route ÷ baseline. */
  ratio: { requestsPerSecond: number; p95: number; cpu: number };
}

interface CpuUse {
  /** CPU ms of the server (and any process it started) from the start of the run until it was idle again. */
  totalMs: number;
  /** totalMs ÷ requests sent (completed + cut off by the end of the run, which the server still renders). */
  msPerRequest: number;
  pids: number[];
}

const ALONE_REQUESTS = 5;

/**
 * BENCH_ROUTES: comma-separated parts of route names ("pairing,proposal") to measure only those;
 * the baseline is always measured, so ratios stay meaningful.
 */
function selectRoutes(filter: string | undefined): BenchRoute[] {
  const parts = (filter ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (parts.length === 0) return ROUTES;
  const chosen = ROUTES.filter((r) => r.baseline || parts.some((part) => r.name.toLowerCase().includes(part)));
  if (chosen.length === ROUTES.filter((r) => r.baseline).length) throw new Error(`BENCH_ROUTES="${filter}" matches no route; routes: ${ROUTES.map((r) => r.name).join(", ")}`);
  return chosen;
}

/** Median latency of a few requests sent one after another (after the load has drained). */
async function measureAlone(url: string, headers: Record<string, string>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ALONE_REQUESTS; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status} when measured alone`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function measureRoute(
  server: Server,
  db: BenchDatabase,
  route: BenchRoute,
  cookie: string | undefined,
  seconds: { warmup: number; run: number },
): Promise<{ m: Measurement; aloneMs: number; kilobytes: number; cpu: CpuUse }> {
  const routePath = typeof route.path === "function" ? route.path(db.seed) : route.path;
  const url = `${server.baseUrl}${routePath}`;
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const contains = route.contains?.(db.seed);
  if (contains === "") throw new Error(`Route ${route.name}: its expected text is empty`);

  // One request first, so a redirect to sign-in or a missing text fails with a readable message.
  const firstStarted = performance.now();
  const first = await fetch(url, { headers, redirect: "manual" });
  const body = await first.text();
  const firstMs = performance.now() - firstStarted;
  if (first.status !== 200) {
    throw new Error(`${route.name}: GET ${routePath} answered ${first.status}${first.headers.get("location") ? ` → ${first.headers.get("location")}` : ""} (wrong cookie?)\n${server.tail()}`);
  }
  if (contains && !body.includes(contains)) throw new Error(`${route.name}: GET ${routePath} does not contain "${contains}"`);
  const kilobytes = Buffer.byteLength(body) / 1024;
  if (process.env.BENCH_VERBOSE === "1") console.log(`[bench] ${route.name}: first request ${firstMs.toFixed(0)} ms, ${kilobytes.toFixed(0)} kB`);

  const load = { url, connections: route.connections ?? CONNECTIONS, headers, contains };
  const warm = await runLoad({ ...load, seconds: seconds.warmup });
  const warmProblems = problemsOf(warm, { allowEmpty: true });
  if (warmProblems) throw new Error(`${route.name}: warm-up failed: ${warmProblems}\n${server.tail()}`);
  // Requests cut off by the end of the warm-up are still being served: wait for them.
  await (await fetch(url, { headers, redirect: "manual" })).arrayBuffer();
  const cpuBefore = await settledCpuOf(server.pid);
  const m = await runLoad({ ...load, seconds: seconds.run });
  m.loadAverage1m = Number(os.loadavg()[0]!.toFixed(2));
  const cpuAfter = await settledCpuOf(server.pid);
  const problems = problemsOf(m);
  if (problems) throw new Error(`${route.name}: ${problems}\n${server.tail()}`);
  const totalMs = cpuAfter.ms - cpuBefore.ms;
  const cpu: CpuUse = { totalMs, msPerRequest: totalMs / m.sent, pids: cpuAfter.pids };
  const aloneMs = await measureAlone(url, headers);
  console.log(
    `[bench] ${route.name}: ${load.connections} connections, ${m.requestsPerSecond.toFixed(0)} req/s, p50 ${m.p50Ms.toFixed(1)} ms, p95 ${m.p95Ms.toFixed(1)} ms (${m.requests} responses, all 200); server CPU ${cpu.msPerRequest.toFixed(1)} ms/request (${totalMs.toFixed(0)} ms for ${m.sent} sent, ${cpuAfter.pids.length} process${cpuAfter.pids.length === 1 ? "" : "es"}); alone ${aloneMs.toFixed(1)} ms, ${kilobytes.toFixed(0)} kB`,
  );
  return { m, aloneMs, kilobytes, cpu };
}

function printTable(results: RouteResult[]): void {
  const head = ["route", "path", "conns", "req/s", "p50 ms", "p95 ms", "alone ms", "kB", "CPU ms/req", "req/s ratio", "p95 ratio", "CPU ratio"];
  const rows = results.map((r) => [
    r.name,
    r.path,
    String(r.connections),
    r.measurement.requestsPerSecond.toFixed(0),
    r.measurement.p50Ms.toFixed(1),
    r.measurement.p95Ms.toFixed(1),
    r.aloneMs.toFixed(1),
    r.kilobytes.toFixed(0),
    r.cpu.msPerRequest.toFixed(1),
    r.ratio.requestsPerSecond.toFixed(2),
    r.ratio.p95.toFixed(2),
    r.ratio.cpu.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  console.log(
    "\np50/p95: nearest rank over every response's latency (autocannon 'response' event);" +
      "\nalone: median of 5 requests sent one at a time after the load (what one person waits);" +
      "\nCPU ms/req: the server process's CPU time (user + system, /proc/<pid>/stat, all its threads and any" +
      "\n  child process; PGlite runs inside it, a PostgreSQL server does not) from the start of the run until" +
      "\n  it was idle again, divided by the requests sent (completed + cut off by the end of the run);" +
      "\nratios: req/s = route / baseline, p95 = route / baseline, CPU = baseline / route (below 1 = slower" +
      "\n  for req/s and CPU; above 1 = slower for p95).",
  );
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  process.chdir(root); // db/client.ts reads db/migrations relative to the working directory
  const seconds = { run: secondsFromEnv("BENCH_DURATION", 10), warmup: secondsFromEnv("BENCH_WARMUP", 2) };
  const routes = selectRoutes(process.env.BENCH_ROUTES);
  const baselines = routes.filter((r) => r.baseline);
  if (baselines.length !== 1) throw new Error("bench/routes.ts must mark exactly one route as baseline");

  ensureBuild(root);
  const db = await createBenchDatabase();
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KOPPEL_ENV: "demo",
    DEMO_SEED: "off",
    MAIL_WORKER: "off",
    KOPPEL_DATA_DIR: db.appEnv.KOPPEL_DATA_DIR,
    APP_URL: baseUrl,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  if (db.appEnv.DATABASE_URL) env.DATABASE_URL = db.appEnv.DATABASE_URL;
  const server = await startServer(root, port, env);

  const cookies = new Map<BenchRole, string>();
  for (const role of new Set(routes.flatMap((r) => (r.cookie ? [r.cookie] : [])))) {
    cookies.set(role, await signIn(server, role, db.seed.organisationId));
  }

  console.log(`[bench] ${routes.length} routes, ${CONNECTIONS} connections unless a route says otherwise, ${seconds.warmup} s warm-up + ${seconds.run} s each`);
  const measured: { route: BenchRoute; m: Measurement; aloneMs: number; kilobytes: number; cpu: CpuUse }[] = [];
  for (const route of routes) {
    const { m, aloneMs, kilobytes, cpu } = await measureRoute(server, db, route, route.cookie ? cookies.get(route.cookie) : undefined, seconds);
    measured.push({ route, m, aloneMs, kilobytes, cpu });
  }

  const baseRun = measured.find((x) => x.route.baseline)!;
  const base = baseRun.m;
  const results: RouteResult[] = measured.map(({ route, m, aloneMs, kilobytes, cpu }) => ({
    name: route.name,
    path: typeof route.path === "function" ? route.path(db.seed) : route.path,
    signedInAs: route.cookie ?? null,
    connections: route.connections ?? CONNECTIONS,
    measurement: m,
    aloneMs: Number(aloneMs.toFixed(1)),
    kilobytes: Number(kilobytes.toFixed(1)),
    cpu: { totalMs: Number(cpu.totalMs.toFixed(0)), msPerRequest: Number(cpu.msPerRequest.toFixed(2)), pids: cpu.pids },
    ratio: {
      requestsPerSecond: m.requestsPerSecond / base.requestsPerSecond,
      p95: m.p95Ms / base.p95Ms,
      cpu: baseRun.cpu.msPerRequest / cpu.msPerRequest,
    },
  }));
  console.log(`\n[bench] ${db.kind}, ${CONNECTIONS} connections (unless "conns" says otherwise), ${seconds.run} s per route, load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs`);
  printTable(results);

  const out = path.join(root, "bench", "results", "latest.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    database: { kind: db.kind, label: db.label },
    seed: { ...db.seed.counts, organisation: db.seed.organisationName, seconds: Number(db.seed.seconds.toFixed(2)) },
    load: { connections: CONNECTIONS, warmupSeconds: seconds.warmup, durationSeconds: seconds.run, tool: "autocannon 9" },
    machine: { loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, node: process.version, platform: `${os.platform()} ${os.release()}` },
    latencyNote: "p50Ms/p95Ms: nearest rank over every response's latency from autocannon's 'response' event; autocannon.* is its own 2xx histogram (p97_5, p99)",
    cpuNote: "cpu.msPerRequest: the server process's (and its children's) user + system CPU from /proc/<pid>/stat over the run until idle, ÷ requests sent; PGlite runs in the server process, a PostgreSQL server's own CPU is not included; ratio.cpu = baseline's msPerRequest ÷ the route's",
    baseline: baselines[0]!.name,
    routes: results,
  };
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`[bench] results written to ${path.relative(root, out)}`);
}

let interrupted = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n[bench] ${sig}: stopping the server and removing the database…`);
    stopLoad();
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .catch((err: unknown) => {
    if (interrupted) return; // the failure is the interruption itself
    console.error(`[bench] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (interrupted) return;
    await cleanup();
    process.exit(process.exitCode ?? 0);
  });
