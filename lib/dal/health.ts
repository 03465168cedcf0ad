import { sql } from "drizzle-orm";
import { getHandle } from "@/db/client";

/** Whether the database answers, and which kind it is. */
export async function checkDatabase(): Promise<{ ok: boolean; kind: "pglite" | "postgres" | null }> {
  try {
    const handle = await getHandle();
    await handle.db.execute(sql`select 1`);
    return { ok: true, kind: handle.kind };
  } catch {
    return { ok: false, kind: null };
  }
}
