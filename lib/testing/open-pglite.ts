// A child process for db/lock.test.ts: waits until the moment given, opens the embedded database
// in the folder given, and says what happened: "opened" (then holds it a while) or "locked: …".
import { DatabaseLockedError, openDatabase } from "@/db/client";

const [dataDir, startAt, holdMs] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  /* spin: both children start the same millisecond */
}
openDatabase({ dataDir: dataDir! })
  .then(async (handle) => {
    console.log("opened");
    await new Promise((r) => setTimeout(r, Number(holdMs ?? 1000)));
    await handle.close();
    process.exit(0);
  })
  .catch((err: unknown) => {
    if (err instanceof DatabaseLockedError) {
      console.log(`locked: ${err.message}`);
      process.exit(3);
    }
    console.log(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
