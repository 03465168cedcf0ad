/**
 * The embedded database's lock: PGlite has no lock across processes, and two processes on one
 * data folder silently lose writes. The lock file `pglite.pid` beside the folder is created
 * atomically (written in full under a temporary name, then hard-linked into place: the link
 * fails if the file exists), so of two processes starting at the same moment exactly one wins.
 *
 * The file records who holds it: pid, host name, boot id and PID namespace. A pid alone is not
 * enough: another container or another boot can have a live process with the same number, and
 * a process in another PID namespace cannot see ours. A lock is taken over as stale only when
 * it was made on this host, and either in an earlier boot or, in this boot and PID namespace, by
 * a process that is gone; the take-over moves the stale file aside with an atomic rename and
 * checks that what it moved is the stale lock it judged, then creates its own as above.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DatabaseLockedError extends Error {}

interface LockOwner {
  pid: number;
  host?: string;
  boot?: string;
  pidns?: string;
  since?: string;
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return fallback;
  }
}

function me(): LockOwner {
  return {
    pid: process.pid,
    host: os.hostname(),
    // Linux names each boot; elsewhere the boot time (to 10 s) stands in.
    boot: readOr("/proc/sys/kernel/random/boot_id", `t${Math.round((Date.now() / 1000 - os.uptime()) / 10)}`),
    pidns: (() => {
      try {
        return fs.readlinkSync("/proc/self/ns/pid");
      } catch {
        return "";
      }
    })(),
    since: new Date().toISOString(),
  };
}

/** The owner recorded in a lock file's text; a bare number is the format before owners were recorded. */
function parseOwner(text: string): LockOwner | null {
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const o = JSON.parse(text) as LockOwner;
    return typeof o.pid === "number" ? o : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the recorded owner can no longer hold the folder; unknown owners are never stale. */
function isStale(owner: LockOwner, self: LockOwner): boolean {
  if (owner.pid === self.pid && owner.host === self.host && owner.boot === self.boot && owner.pidns === self.pidns) return false;
  if (owner.host === undefined) return !isAlive(owner.pid); // old bare-pid file: this host, as before
  if (owner.host !== self.host) return false;
  if (owner.boot !== self.boot) return true;
  if (owner.pidns !== self.pidns) return false;
  return !isAlive(owner.pid);
}

function lockedError(dir: string, owner: LockOwner | null, self: LockOwner): DatabaseLockedError {
  const who = owner
    ? `process ${owner.pid}${owner.host && owner.host !== self.host ? ` on ${owner.host}` : owner.pidns && owner.pidns !== self.pidns ? " in another container" : ""}`
    : "another process (starting now)";
  return new DatabaseLockedError(
    `The embedded database in ${dir} is in use by ${who} (is Koppel running?). ` +
      `Stop that process first, or point DATABASE_URL at a PostgreSQL server. ` +
      `If you are sure nothing uses it, delete ${path.join(dir, "pglite.pid")}.`,
  );
}

/** Creates `file` with `text` atomically; false when it exists already. */
function createExclusive(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  const fd = fs.openSync(tmp, "wx");
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Takes the folder's lock or throws DatabaseLockedError; returns the function that releases it. */
export function acquireLock(dir: string): () => void {
  const file = path.join(dir, "pglite.pid");
  const self = me();
  const text = JSON.stringify(self);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(file, text)) {
      const release = () => {
        try {
          if (readOr(file, "") === text) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    }
    const seen = readOr(file, "");
    if (!seen) continue; // released between our create and read: try again
    const owner = parseOwner(seen);
    if (!owner || !isStale(owner, self)) throw lockedError(dir, owner, self);
    // Stale: move it aside atomically; only one of several processes doing this gets it.
    const aside = `${file}.stale.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    try {
      fs.renameSync(file, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw err;
    }
    if (readOr(aside, "") !== seen) {
      // Someone replaced the stale lock with a live one before our rename: put it back.
      try {
        fs.linkSync(aside, file);
      } catch {
        /* a newer lock is in place */
      }
    }
    fs.rmSync(aside, { force: true });
  }
  throw lockedError(dir, parseOwner(readOr(file, "")), self);
}
