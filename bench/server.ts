import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { needsBuild } from "../scripts/build-if-stale.mjs";
import { onCleanup } from "./cleanup";

const nextBin = (root: string): string => path.join(root, "node_modules", "next", "dist", "bin", "next");
/** The production server as `npm start` runs it (Next behind scripts/server.mjs). */
const serverScript = (root: string): string => path.join(root, "scripts", "server.mjs");

/**
 * Builds the production app unless it is up to date (the rule of scripts/build-if-stale.mjs, which
 * `npm start` and the e2e tests use); BENCH_SKIP_BUILD=1 uses whatever is in .next.
 */
export function ensureBuild(root: string): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (process.env.BENCH_SKIP_BUILD === "1") {
    if (!fs.existsSync(buildId)) throw new Error("BENCH_SKIP_BUILD=1 but there is no production build (.next/BUILD_ID): run `next build`");
    console.log("[bench] BENCH_SKIP_BUILD=1: using the existing build");
    return;
  }
  if (!needsBuild()) {
    console.log("[bench] production build is up to date");
    return;
  }
  console.log("[bench] building (next build)…");
  const r = spawnSync(process.execPath, [nextBin(root), "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

export interface Server {
  baseUrl: string;
  /** The server's process id: scripts/server.mjs renders every page in this one process (bench/cpu.ts reads its CPU time). */
  pid: number;
  /** The server's last output lines, for error messages. */
  tail: () => string;
}

/**
 * Starts the production server (scripts/server.mjs, on PORT=<port>) in its own process group (so stopping it also stops any worker it
 * forks), registers its stop with cleanup(), and waits until GET /api/health answers 200.
 */
export async function startServer(root: string, port: number, env: NodeJS.ProcessEnv): Promise<Server> {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(line);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  const child = spawn(process.execPath, [serverScript(root)], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  if (process.env.BENCH_VERBOSE === "1") {
    child.stdout.pipe(process.stdout);
    child.stderr.pipe(process.stderr);
  }
  onCleanup("stop server", () => stopServer(child));

  const baseUrl = `http://localhost:${port}`;
  const tail = () => lines.slice(-40).join("\n");
  const started = Date.now();
  const timeoutMs = 120_000;
  let last = "no answer yet";
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${tail()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
      last = `${res.status} ${await res.text()}`;
      if (res.status === 200) {
        console.log(`[bench] server healthy on ${baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s: ${last}`);
        return { baseUrl, tail, pid: child.pid! };
      }
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`GET /api/health did not answer 200 within ${timeoutMs / 1000} s (last: ${last}):\n${tail()}`);
}

/** SIGTERM to the server's process group, SIGKILL after 10 s; resolves when it has exited. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* already gone */
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  // A forked worker may outlive the parent for a moment; make sure the group is gone.
  signal("SIGKILL");
  console.log("[bench] server stopped");
}
