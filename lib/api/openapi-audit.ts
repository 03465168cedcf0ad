import { AUDIT_ACTIONS } from "@/lib/dal/audit";
import { instant, nullable, obj, str, uuid } from "./openapi-parts";
import { pageOf } from "./openapi-schemas";

// The audit log's part of the OpenAPI document (lib/api/openapi.ts).

export const auditSchemas = {
  AuditEvent: obj({
    id: uuid,
    createdAt: instant,
    action: { type: "string", enum: [...AUDIT_ACTIONS] },
    actor: nullable(obj({ id: str, name: nullable(str), email: str })),
    targetType: nullable({ ...str, description: "`user`, `partner` or `api_token`." }),
    targetId: nullable(str),
    detail: { type: "object", description: "A little context without secrets: old and new role, the member's address, a token's name and prefix, a refusal's status and path." },
    ip: nullable({ ...str, description: "The client address, when the event came from a request." }),
    userAgent: nullable({ ...str, maxLength: 200 }),
  }),
  AuditEventPage: pageOf("AuditEvent"),
};

