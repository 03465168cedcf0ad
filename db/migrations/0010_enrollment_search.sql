ALTER TABLE "enrollments" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "sort_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "enrollments_cohort_seq_idx" ON "enrollments" USING btree ("cohort_id","seq");--> statement-breakpoint
CREATE INDEX "enrollments_cohort_sort_name_idx" ON "enrollments" USING btree ("cohort_id","sort_name","seq");