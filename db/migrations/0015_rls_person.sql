-- Row-level security, scope "person" (lib/dal/rls.ts): a person acting on their own records in
-- every organisation (my data, account deletion, API tokens, their own enrollments and pairs).
-- It gets a role of its own, koppel_person, so these policies never widen what an organisation's
-- transactions (koppel_tenant) see, and cost those queries nothing. Like koppel_tenant it is
-- neither superuser nor BYPASSRLS; koppel.user_id names the person for the transaction.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'koppel_person') THEN
    BEGIN
      CREATE ROLE koppel_person NOLOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND NOT pg_has_role(current_user, 'koppel_person', 'MEMBER') THEN
    EXECUTE format('GRANT koppel_person TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO koppel_person;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO koppel_person;
--> statement-breakpoint
REVOKE ALL ON accounts, verification_tokens FROM koppel_person;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO koppel_person;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO koppel_person;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO koppel_person;
--> statement-breakpoint
-- The pairs the person is in, as participant or as a partner's owner. Outside the wall (SECURITY
-- DEFINER) so the policies below can use it without pairs and enrollments referring to each
-- other (PostgreSQL refuses policies that recurse). Policies call it once per statement:
-- `IN (SELECT unnest(koppel_person_pair_ids()))` is one hashed subplan, not a call per row.
CREATE FUNCTION koppel_person_pair_ids() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(p.id), '{}') FROM pairs p
   WHERE p.enrollment_id IN (SELECT e.id FROM enrollments e WHERE e.user_id = koppel_user_id())
      OR p.partner_id IN (SELECT pa.id FROM partners pa WHERE pa.owner_user_id = koppel_user_id())
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION koppel_person_pair_ids() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION koppel_person_pair_ids() TO koppel_person;
--> statement-breakpoint
CREATE POLICY memberships_person_read ON memberships FOR SELECT TO koppel_person USING (user_id = koppel_user_id());
--> statement-breakpoint
CREATE POLICY memberships_person_leave ON memberships FOR DELETE TO koppel_person USING (user_id = koppel_user_id());
--> statement-breakpoint
-- Own enrollments, and the participant's enrollment of a pair whose partner the person owns (the pair page).
CREATE POLICY enrollments_person_read ON enrollments FOR SELECT TO koppel_person USING (user_id = koppel_user_id() OR EXISTS (SELECT 1 FROM pairs p WHERE p.enrollment_id = enrollments.id));
--> statement-breakpoint
CREATE POLICY enrollment_events_person_read ON enrollment_events FOR SELECT TO koppel_person USING (EXISTS (SELECT 1 FROM enrollments e WHERE e.id = enrollment_id AND e.user_id = koppel_user_id()));
--> statement-breakpoint
CREATE POLICY pairs_person_read ON pairs FOR SELECT TO koppel_person USING (id IN (SELECT unnest(koppel_person_pair_ids())));
--> statement-breakpoint
CREATE POLICY meetings_person_read ON meetings FOR SELECT TO koppel_person USING (pair_id IN (SELECT unnest(koppel_person_pair_ids())));
--> statement-breakpoint
CREATE POLICY partners_person_read ON partners FOR SELECT TO koppel_person USING (owner_user_id = koppel_user_id() OR EXISTS (SELECT 1 FROM pairs p WHERE p.partner_id = partners.id));
--> statement-breakpoint
-- Deleting an account lets go of the partners the person owned (owner cleared, their address blanked).
CREATE POLICY partners_person_leave ON partners FOR UPDATE TO koppel_person USING (owner_user_id = koppel_user_id()) WITH CHECK (owner_user_id IS NULL OR owner_user_id = koppel_user_id());
--> statement-breakpoint
-- The names of the cohorts and programmes of the person's enrollments and pairs, and their sign-up questions.
CREATE POLICY cohorts_person_read ON cohorts FOR SELECT TO koppel_person USING (EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = cohorts.id AND e.user_id = koppel_user_id()) OR EXISTS (SELECT 1 FROM pairs p WHERE p.cohort_id = cohorts.id));
--> statement-breakpoint
CREATE POLICY programmes_person_read ON programmes FOR SELECT TO koppel_person USING (EXISTS (SELECT 1 FROM cohorts c WHERE c.programme_id = programmes.id));
--> statement-breakpoint
CREATE POLICY cohort_questions_person_read ON cohort_questions FOR SELECT TO koppel_person USING (EXISTS (SELECT 1 FROM cohorts c WHERE c.id = cohort_id));
--> statement-breakpoint
CREATE POLICY api_tokens_person_own ON api_tokens TO koppel_person USING (user_id = koppel_user_id()) WITH CHECK (user_id = koppel_user_id());
--> statement-breakpoint
CREATE POLICY audit_events_person_read ON audit_events FOR SELECT TO koppel_person USING (organisation_id IS NULL AND actor_user_id = koppel_user_id());
--> statement-breakpoint
-- A person's own events (sign-in, tokens) belong to no organisation.
CREATE POLICY audit_events_person_record ON audit_events FOR INSERT TO koppel_person WITH CHECK (organisation_id IS NULL AND actor_user_id = koppel_user_id());
--> statement-breakpoint
-- Mail to the person's address: listed in my data (never the body), deleted with the account.
CREATE POLICY mail_outbox_person_read ON mail_outbox FOR SELECT TO koppel_person USING (to_address = (SELECT u.email FROM users u WHERE u.id = koppel_user_id()));
--> statement-breakpoint
CREATE POLICY mail_outbox_person_erase ON mail_outbox FOR DELETE TO koppel_person USING (to_address = (SELECT u.email FROM users u WHERE u.id = koppel_user_id()));
--> statement-breakpoint
-- Unconfirmed sign-ups for the person's address, in any organisation: dropped with the account.
CREATE POLICY sign_up_requests_person_read ON sign_up_requests FOR SELECT TO koppel_person USING (email = (SELECT u.email FROM users u WHERE u.id = koppel_user_id()));
--> statement-breakpoint
CREATE POLICY sign_up_requests_person_erase ON sign_up_requests FOR DELETE TO koppel_person USING (email = (SELECT u.email FROM users u WHERE u.id = koppel_user_id()));
--> statement-breakpoint
-- Confirming a public sign-up starts from nothing but the token in the mail: this tells the
-- organisation whose wall the confirmation then runs behind, for an exact token hash only.
CREATE FUNCTION koppel_sign_up_request_organisation(hash text) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT organisation_id FROM sign_up_requests WHERE token_hash = hash
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION koppel_sign_up_request_organisation(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION koppel_sign_up_request_organisation(text) TO koppel_tenant;
--> statement-breakpoint
-- A person's place on a waitlist counts the other people waiting, whom their scope does not see:
-- the number, for their own enrollment only, outside the wall.
CREATE FUNCTION koppel_my_waitlist_position(enrollment uuid) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT count(*)::integer FROM enrollments w, enrollments mine
   WHERE mine.id = enrollment AND mine.user_id = koppel_user_id() AND mine.status = 'waitlisted'
     AND w.cohort_id = mine.cohort_id AND w.status = 'waitlisted' AND w.seq <= mine.seq
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION koppel_my_waitlist_position(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION koppel_my_waitlist_position(uuid) TO koppel_person;
