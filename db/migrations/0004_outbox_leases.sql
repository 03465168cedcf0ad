ALTER TABLE "mail_outbox" ADD COLUMN "lease_token" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "secret" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "body_purged_at" timestamp with time zone;--> statement-breakpoint
-- Mail already queued with a sign-in link in it is marked too, so its body is blanked once sent.
UPDATE "mail_outbox" SET "secret" = true WHERE "template" IN ('magic-link', 'invitation', 'sign-up-confirmation') OR "text" LIKE '%/api/auth/callback/%';
