CREATE TABLE "decision_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"actor_user_id" text,
	"decision" text NOT NULL,
	"items" jsonb NOT NULL,
	"mail_ids" jsonb NOT NULL,
	"hold_until" timestamp with time zone,
	"undone_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_batches" ADD CONSTRAINT "decision_batches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_batches" ADD CONSTRAINT "decision_batches_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_batches" ADD CONSTRAINT "decision_batches_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_batches_cohort_idx" ON "decision_batches" USING btree ("cohort_id","created_at");--> statement-breakpoint
ALTER TABLE "decision_batches" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY decision_batches_system ON decision_batches TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');--> statement-breakpoint
CREATE POLICY decision_batches_tenant ON decision_batches TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
