import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Who did what, when and from where: sign-ins, invitations, role changes, removals, API tokens
 * and refused attempts. No foreign keys: the record outlives the people and memberships it names.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for events not tied to one organisation (a sign-in, a personal API token). */
    organisationId: uuid("organisation_id"),
    /** Null when nobody is signed in (a refused sign-in link for an unknown address) or for the operator's CLI. */
    actorUserId: text("actor_user_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    /** A little context (old and new role, the member's address, the token's name); never a secret. */
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The admin page reads an organisation's newest events in order, id breaking ties.
    index("audit_events_org_created_idx").on(t.organisationId, t.createdAt.desc(), t.id.desc()),
    // Sign-ins and tokens of an organisation's members, found person by person (action in the key: index-only).
    index("audit_events_personal_idx").on(t.actorUserId, t.createdAt.desc(), t.id.desc(), t.action).where(sql`${t.organisationId} is null`),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
