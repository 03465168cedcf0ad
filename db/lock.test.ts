import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireLock, DatabaseLockedError } from "./lock";

const root = path.resolve(__dirname, "..");
const base = fs.mkdtempSync(path.join(os.tmpdir(), "koppel-lock-"));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
let n = 0;
const freshDir = () => {
  const dir = path.join(base, `d${n++}`);
  fs.mkdirSync(dir);
  return dir;
};

function openIn(dir: string, startAt: number): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "lib/testing/open-pglite.ts", dir, String(startAt), "1500"], { cwd: root, timeout: 60_000 }, (err, stdout) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, out: stdout.trim() });
    });
  });
}

describe("the embedded database's lock", () => {
  it("lets exactly one of two processes starting at the same moment open one folder; the other is told it is in use", { timeout: 120_000 }, async () => {
    {
      const dir = freshDir();
      // Both children spin until this moment, after loading their code.
      const startAt = Date.now() + 6000;
      const results = await Promise.all([openIn(dir, startAt), openIn(dir, startAt)]);
      const outs = results.map((r) => r.out).sort();
      expect(outs[1]).toBe("opened");
      expect(outs[0]).toMatch(/^locked: The embedded database in .* is in use by process \d+ \(is Koppel running\?\)/);
      expect(results.map((r) => r.code).sort()).toEqual([0, 3]);
      expect(fs.existsSync(path.join(dir, "pglite.pid"))).toBe(false);
    }
  });

  it("gives each folder's lock to exactly one of two processes in 40 races started within microseconds", { timeout: 120_000 }, async () => {
    const dir = freshDir();
    const count = 40;
    for (let i = 0; i < count; i++) fs.mkdirSync(path.join(dir, String(i)));
    const children = [0, 1].map(() => {
      const child = spawn(process.execPath, ["--import", "tsx", "lib/testing/lock-race.ts", dir, String(count)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      const ready = new Promise<void>((resolve) => child.stdout.on("data", (d: Buffer) => ((out += d.toString()), out.includes("ready") && resolve())));
      const done = new Promise<boolean[]>((resolve) => child.on("exit", () => resolve(JSON.parse(out.trim().split("\n").at(-1)!) as boolean[])));
      return { ready, done };
    });
    await Promise.all(children.map((c) => c.ready));
    for (let i = 0; i < count; i++) {
      fs.writeFileSync(path.join(dir, `go-${i}`), "");
      await new Promise((r) => setTimeout(r, 25));
    }
    const [a, b] = await Promise.all(children.map((c) => c.done));
    const bothWon = a!.filter((won, i) => won && b![i]).length;
    const neither = a!.filter((won, i) => !won && !b![i]).length;
    expect({ bothWon, neither }).toEqual({ bothWon: 0, neither: 0 });
  });

  it("takes over a lock left by a process that is gone, and keeps one whose holder may still run", () => {
    const dir = freshDir();
    const file = path.join(dir, "pglite.pid");
    const boot = fs.existsSync("/proc/sys/kernel/random/boot_id") ? fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() : undefined;
    // A process of this host and boot that is gone (pids this high are not handed out here).
    const dead = 2 ** 22 - 3;
    fs.writeFileSync(file, JSON.stringify({ pid: dead, host: os.hostname(), boot, pidns: (() => { try { return fs.readlinkSync("/proc/self/ns/pid"); } catch { return ""; } })() }));
    if (boot) {
      const release = acquireLock(dir);
      expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ pid: process.pid, host: os.hostname() });
      release();
      expect(fs.existsSync(file)).toBe(false);
    }
    // The old bare-pid format, dead: stale as before.
    fs.writeFileSync(file, String(dead));
    acquireLock(dir)();
    // Another host (a shared folder): its pid means nothing here, so it is never taken over.
    fs.writeFileSync(file, JSON.stringify({ pid: dead, host: "elsewhere.example", boot: "x", pidns: "y" }));
    expect(() => acquireLock(dir)).toThrow(DatabaseLockedError);
    expect(() => acquireLock(dir)).toThrow(/in use by process \d+ on elsewhere\.example/);
    // This host and boot, another PID namespace (another container): its pid cannot be checked from here.
    fs.writeFileSync(file, JSON.stringify({ pid: dead, host: os.hostname(), boot, pidns: "pid:[1]" }));
    if (boot) expect(() => acquireLock(dir)).toThrow(/in another container/);
    // A live holder in the old format (the app before this change).
    fs.writeFileSync(file, String(process.ppid));
    expect(() => acquireLock(dir)).toThrow(`in use by process ${process.ppid}`);
  });
});
