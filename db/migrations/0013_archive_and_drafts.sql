ALTER TABLE "cohorts" ALTER COLUMN "status" SET DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE "cohorts" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
-- The public catalogue (scope 'public') no longer sees archived programmes or archived cohorts (drafts it never saw).
DROP POLICY programmes_public ON programmes;--> statement-breakpoint
CREATE POLICY programmes_public ON programmes FOR SELECT TO koppel_tenant USING (koppel_scope() = 'public' AND archived_at IS NULL);--> statement-breakpoint
DROP POLICY cohorts_public ON cohorts;--> statement-breakpoint
CREATE POLICY cohorts_public ON cohorts FOR SELECT TO koppel_tenant USING (koppel_scope() = 'public' AND status <> 'draft' AND archived_at IS NULL);
