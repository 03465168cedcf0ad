import { checkDatabase } from "@/lib/dal/health";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

/** Liveness and readiness: 200 when the database answers, 503 when it does not. */
export async function GET(): Promise<Response> {
  const db = await checkDatabase();
  return Response.json(
    { status: db.ok ? "ok" : "error", database: db.kind, version: pkg.version },
    { status: db.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
