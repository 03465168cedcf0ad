import { requireActor } from "@/lib/api/auth";
import { handle, json, otherMethods, readQuery } from "@/lib/api/http";
import { auditEventsQuery } from "@/lib/api/schemas";
import { listAuditEvents, type AuditRow } from "@/lib/dal/audit";

export const dynamic = "force-dynamic";

const eventJson = (r: AuditRow) => ({
  id: r.id,
  createdAt: r.createdAt.toISOString(),
  action: r.action,
  actor: r.actorUserId ? { id: r.actorUserId, name: r.actorName, email: r.actorEmail } : null,
  targetType: r.targetType,
  targetId: r.targetId,
  detail: r.detail,
  ip: r.ip,
  userAgent: r.userAgent,
});

/** For admins: the organisation's audit log, newest first, paged. */
export const GET = handle(async (req) => {
  const actor = await requireActor(req);
  const q = readQuery(req, auditEventsQuery);
  const list = await listAuditEvents(actor, { page: q.page, pageSize: q.pageSize, action: q.action, organisationId: q.organisationId });
  return json({ items: list.rows.map(eventJson), page: list.page, pageSize: list.pageSize, total: list.total, pages: Math.max(1, Math.ceil(list.total / list.pageSize)) });
});

/** Other methods: a 405 problem naming these. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
