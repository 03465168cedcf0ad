// A child process for db/lock.test.ts: for each of N folders under `base`, spins until the
// parent creates `base/go-i`, then tries to take folder i's lock (and keeps what it took).
// Prints one JSON array: true where it got the lock.
import fs from "node:fs";
import path from "node:path";
import { acquireLock, DatabaseLockedError } from "@/db/lock";

const [base, count] = process.argv.slice(2);
const won: boolean[] = [];
// Never outlive a parent that stopped creating go files.
const giveUpAt = Date.now() + 60_000;
console.log("ready");
for (let i = 0; i < Number(count); i++) {
  const go = path.join(base!, `go-${i}`);
  while (!fs.existsSync(go)) {
    // Spin: both children leave this loop within microseconds of each other.
    if (Date.now() > giveUpAt) process.exit(2);
  }
  try {
    acquireLock(path.join(base!, String(i)));
    won.push(true);
  } catch (err) {
    if (!(err instanceof DatabaseLockedError)) throw err;
    won.push(false);
  }
}
console.log(JSON.stringify(won));
