// `npm run cli -- <command>`: the operator's CLI. The logic lives in lib/cli.ts (tested there).
import { closeHandle } from "@/db/client";
import { runCli } from "@/lib/cli";

async function main(): Promise<number> {
  const code = await runCli(process.argv.slice(2), {
    out: (s) => console.log(s),
    err: (s) => console.error(s),
  });
  try {
    await closeHandle();
  } catch (err) {
    console.error(`Closing the database failed: ${err instanceof Error ? err.message : String(err)}`);
    return code || 1;
  }
  return code;
}

// Exit explicitly: a pool or timer left behind must not keep the shell waiting.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
