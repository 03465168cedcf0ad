CREATE TYPE "public"."meeting_mode" AS ENUM('in_person', 'online');--> statement-breakpoint
CREATE TYPE "public"."meeting_side" AS ENUM('participant', 'partner');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('logged', 'confirmed', 'disputed');--> statement-breakpoint
CREATE TYPE "public"."pair_event_kind" AS ENUM('confirmed', 'ended', 'changed');--> statement-breakpoint
CREATE TYPE "public"."pair_status" AS ENUM('confirmed', 'ended');--> statement-breakpoint
CREATE TYPE "public"."partner_status" AS ENUM('pending', 'approved', 'declined');--> statement-breakpoint
CREATE TABLE "cohort_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"capacity" integer NOT NULL,
	"linked_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_partners_cohort_partner" UNIQUE("cohort_id","partner_id"),
	CONSTRAINT "cohort_partners_capacity" CHECK ("cohort_partners"."capacity" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"pair_id" uuid NOT NULL,
	"logged_by_id" text,
	"logged_by_side" "meeting_side" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"mode" "meeting_mode" NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" "meeting_status" DEFAULT 'logged' NOT NULL,
	"responded_by_id" text,
	"responded_at" timestamp with time zone,
	"dispute_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_duration" CHECK ("meetings"."duration_minutes" BETWEEN 1 AND 720)
);
--> statement-breakpoint
CREATE TABLE "pair_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"pair_id" uuid NOT NULL,
	"kind" "pair_event_kind" NOT NULL,
	"related_pair_id" uuid,
	"actor_user_id" text,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"status" "pair_status" DEFAULT 'confirmed' NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by_id" text,
	"ended_at" timestamp with time zone,
	"ended_by_id" text,
	"end_reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairs_ended" CHECK (("pairs"."status" = 'ended') = ("pairs"."ended_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "meeting_due_weeks" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "status" "partner_status" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "website" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "location" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "policy_areas" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "capacity_per_cohort" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "contact_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "aliases" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "registered_by_id" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "registered_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "decided_by_id" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "decision_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "cohort_partners" ADD CONSTRAINT "cohort_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_partners" ADD CONSTRAINT "cohort_partners_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_partners" ADD CONSTRAINT "cohort_partners_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_partners" ADD CONSTRAINT "cohort_partners_linked_by_id_users_id_fk" FOREIGN KEY ("linked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_pair_id_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_logged_by_id_users_id_fk" FOREIGN KEY ("logged_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_responded_by_id_users_id_fk" FOREIGN KEY ("responded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_events" ADD CONSTRAINT "pair_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_events" ADD CONSTRAINT "pair_events_pair_id_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_events" ADD CONSTRAINT "pair_events_related_pair_id_pairs_id_fk" FOREIGN KEY ("related_pair_id") REFERENCES "public"."pairs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_events" ADD CONSTRAINT "pair_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_ended_by_id_users_id_fk" FOREIGN KEY ("ended_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cohort_partners_partner_idx" ON "cohort_partners" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "meetings_pair_idx" ON "meetings" USING btree ("pair_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_status_idx" ON "meetings" USING btree ("status","pair_id");--> statement-breakpoint
CREATE INDEX "pair_events_pair_idx" ON "pair_events" USING btree ("pair_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pairs_one_active_per_enrollment" ON "pairs" USING btree ("enrollment_id") WHERE "pairs"."status" = 'confirmed';--> statement-breakpoint
CREATE INDEX "pairs_cohort_idx" ON "pairs" USING btree ("cohort_id","status");--> statement-breakpoint
CREATE INDEX "pairs_partner_idx" ON "pairs" USING btree ("partner_id","cohort_id","status");--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_registered_by_id_users_id_fk" FOREIGN KEY ("registered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_meeting_due_weeks" CHECK ("programmes"."meeting_due_weeks" BETWEEN 1 AND 52);--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_capacity" CHECK ("partners"."capacity_per_cohort" BETWEEN 0 AND 100);--> statement-breakpoint
-- Added by hand: partners that exist before this migration were made by coordinators or the demo seed, never under review.
UPDATE "partners" SET "status" = 'approved';--> statement-breakpoint
UPDATE "partners" AS p SET "contact_email" = u."email" FROM "users" AS u WHERE u."id" = p."owner_user_id" AND p."contact_email" = '';