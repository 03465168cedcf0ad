import { handle, rememberActor } from "@/lib/api/http";
import { csvStream } from "@/lib/csv";
import { exportAuditEvents, isAuditAction, type AuditRow } from "@/lib/dal/audit";
import { getCurrentActor } from "@/lib/dal/session";

const HEADER = ["time_utc", "action", "actor_email", "actor_name", "target_type", "target_id", "detail", "ip", "user_agent"];

const cells = (r: AuditRow) => [r.createdAt, r.action, r.actorEmail, r.actorName, r.targetType, r.targetId, r.detail, r.ip, r.userAgent];

/**
 * The organisation's audit log as CSV (UTF-8 with a byte-order mark, cells neutralised against
 * formulas), for its admins; `?action=` filters as the page does, `?organisation=` picks another
 * organisation the admin runs. Refusals are problem JSON (403, 404) like the API's.
 */
export const GET = handle(async (req: Request) => {
  const actor = rememberActor(req, await getCurrentActor());
  const params = new URL(req.url).searchParams;
  const action = params.get("action") ?? "";
  const organisationId = params.get("organisation") || undefined;
  const batches = exportAuditEvents(actor, { action: isAuditAction(action) ? action : undefined, organisationId });
  const rows = (async function* () {
    for await (const batch of batches) yield batch.map(cells);
  })();
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csvStream(HEADER, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="koppel-audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
