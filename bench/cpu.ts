// Server CPU time from /proc (Linux): on a shared machine the CPU a request costs is steadier than
// how many requests per second the server manages, which depends on what else runs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

let ticksPerSecond: number | null = null;

/** Clock ticks per second of /proc/<pid>/stat's times (getconf CLK_TCK; 100 on Linux). */
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces and parentheses). */
function statFields(pid: number): string[] | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null; // gone
  }
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

/** Every process whose ancestor is `root` (children, grandchildren…), from /proc/<pid>/stat's ppid. */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f) parents.set(Number(entry), Number(f[1])); // field 4 (ppid): index 1 once pid and name are cut off
  }
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length) {
    const next: number[] = [];
    for (const [pid, ppid] of parents) if (frontier.includes(ppid)) next.push(pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

export interface CpuSample {
  /** CPU milliseconds (user + system, all threads) of the server process and every live descendant, plus reaped children. */
  ms: number;
  /** The processes counted, for the report (the server first). */
  pids: number[];
}

/**
 * CPU time so far of process `pid` and its descendants: utime + stime of each (fields 14 and 15 of
 * /proc/<pid>/stat, all threads included), plus cutime + cstime (16, 17) of the server for
 * children it has already waited for. Throws when /proc is missing (not Linux) or the server is gone.
 */
export function cpuOf(pid: number): CpuSample {
  const own = statFields(pid);
  if (!own) throw new Error(`/proc/${pid}/stat is not readable: is this Linux, and is the server running?`);
  const pids = [pid, ...descendants(pid)];
  // Field n of proc(5) is index n - 3 here (pid and name are cut off).
  const field = (f: string[], n: number) => Number(f[n - 3]);
  let ticks = field(own, 14) + field(own, 15) + field(own, 16) + field(own, 17);
  for (const child of pids.slice(1)) {
    const f = statFields(child);
    if (f) ticks += field(f, 14) + field(f, 15);
  }
  return { ms: (ticks * 1000) / clockTicks(), pids };
}

/**
 * Waits until the server's CPU stops growing (requests cut off at the end of a load are still being
 * rendered): at most `maxMs`, checking every 250 ms; returns the final sample.
 */
export async function settledCpuOf(pid: number, maxMs = 15_000): Promise<CpuSample> {
  let last = cpuOf(pid);
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 250));
    const now = cpuOf(pid);
    // One tick (10 ms) in 250 ms is an idle Node process's timers, not a request being rendered.
    if (now.ms - last.ms <= 1000 / clockTicks()) return now;
    last = now;
  }
  return last;
}
