-- Row-level security: a second wall behind lib/dal (see lib/dal/rls.ts for the design).
-- The app's tenant-scoped transactions switch to the role koppel_tenant (SET LOCAL ROLE), which
-- is neither superuser nor BYPASSRLS, and set koppel.organisation_ids / koppel.user_id /
-- koppel.scope for that transaction only. The connecting (owner) role is not walled: RLS is
-- enabled but not forced, so the owner's own queries (migrations, unconverted DAL paths) are as before.
-- Roles belong to the whole cluster: create it once, tolerate a concurrent migration creating it too.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'koppel_tenant') THEN
    BEGIN
      CREATE ROLE koppel_tenant NOLOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  -- A superuser may SET ROLE to any role; any other app user needs to be a member.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND NOT pg_has_role(current_user, 'koppel_tenant', 'MEMBER') THEN
    EXECUTE format('GRANT koppel_tenant TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO koppel_tenant;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO koppel_tenant;
--> statement-breakpoint
-- Sign-in secrets are never read inside a tenant scope.
REVOKE ALL ON accounts, verification_tokens FROM koppel_tenant;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO koppel_tenant;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO koppel_tenant;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO koppel_tenant;
--> statement-breakpoint
-- The settings, read by every policy. Plain SQL and STABLE: the planner inlines them, so
-- `organisation_id = ANY (koppel_organisation_ids())` can use an index on organisation_id.
CREATE FUNCTION koppel_organisation_ids() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_to_array(nullif(current_setting('koppel.organisation_ids', true), ''), ','), '{}')::uuid[]
$$;
--> statement-breakpoint
CREATE FUNCTION koppel_user_id() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('koppel.user_id', true), '')
$$;
--> statement-breakpoint
CREATE FUNCTION koppel_scope() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('koppel.scope', true), '')
$$;
--> statement-breakpoint
ALTER TABLE programmes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programmes_system ON programmes TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE cohorts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cohorts_system ON cohorts TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE cohort_questions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cohort_questions_system ON cohort_questions TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE enrollments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY enrollments_system ON enrollments TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE enrollment_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY enrollment_events_system ON enrollment_events TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE sign_up_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sign_up_requests_system ON sign_up_requests TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE partners ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY partners_system ON partners TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE cohort_partners ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cohort_partners_system ON cohort_partners TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE pairs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY pairs_system ON pairs TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE pair_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY pair_events_system ON pair_events TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meetings_system ON meetings TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY memberships_system ON memberships TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_events_system ON audit_events TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY api_tokens_system ON api_tokens TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mail_outbox_system ON mail_outbox TO koppel_tenant USING (koppel_scope() = 'system') WITH CHECK (koppel_scope() = 'system');
--> statement-breakpoint
CREATE POLICY programmes_tenant ON programmes TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY cohorts_tenant ON cohorts TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY cohort_questions_tenant ON cohort_questions TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY enrollments_tenant ON enrollments TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY enrollment_events_tenant ON enrollment_events TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY sign_up_requests_tenant ON sign_up_requests TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY partners_tenant ON partners TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY cohort_partners_tenant ON cohort_partners TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY pairs_tenant ON pairs TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY pair_events_tenant ON pair_events TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY meetings_tenant ON meetings TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY memberships_tenant ON memberships TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
CREATE POLICY audit_events_tenant ON audit_events TO koppel_tenant USING (organisation_id = ANY (koppel_organisation_ids())) WITH CHECK (organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
-- The public catalogue (scope 'public') reads programmes, cohorts that are not drafts and their sign-up questions, of every organisation; it writes nothing.
CREATE POLICY programmes_public ON programmes FOR SELECT TO koppel_tenant USING (koppel_scope() = 'public');
--> statement-breakpoint
CREATE POLICY cohorts_public ON cohorts FOR SELECT TO koppel_tenant USING (koppel_scope() = 'public' AND status <> 'draft');
--> statement-breakpoint
CREATE POLICY cohort_questions_public ON cohort_questions FOR SELECT TO koppel_tenant USING (koppel_scope() = 'public' AND EXISTS (SELECT 1 FROM cohorts c WHERE c.id = cohort_id));
--> statement-breakpoint
-- A person (koppel.user_id) reads their own records in every organisation: memberships, enrollments and their events, partner records they own, their API tokens and personal audit events.
CREATE POLICY memberships_person ON memberships FOR SELECT TO koppel_tenant USING (user_id = koppel_user_id());
--> statement-breakpoint
CREATE POLICY enrollments_person ON enrollments FOR SELECT TO koppel_tenant USING (user_id = koppel_user_id());
--> statement-breakpoint
CREATE POLICY enrollment_events_person ON enrollment_events FOR SELECT TO koppel_tenant USING (EXISTS (SELECT 1 FROM enrollments e WHERE e.id = enrollment_id AND e.user_id = koppel_user_id()));
--> statement-breakpoint
CREATE POLICY partners_person ON partners FOR SELECT TO koppel_tenant USING (owner_user_id = koppel_user_id());
--> statement-breakpoint
CREATE POLICY api_tokens_person ON api_tokens TO koppel_tenant USING (user_id = koppel_user_id()) WITH CHECK (user_id = koppel_user_id());
--> statement-breakpoint
CREATE POLICY audit_events_person ON audit_events FOR SELECT TO koppel_tenant USING (organisation_id IS NULL AND actor_user_id = koppel_user_id());
--> statement-breakpoint
-- An organisation's admins see the personal events (sign-ins, tokens) of its members; memberships is itself walled.
CREATE POLICY audit_events_members ON audit_events FOR SELECT TO koppel_tenant USING (organisation_id IS NULL AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = actor_user_id AND m.organisation_id = ANY (koppel_organisation_ids())));
--> statement-breakpoint
-- The outbox is write-only inside a tenant: a change queues its mail, but nobody reads another's mail (bodies can hold sign-in links). The worker reads it in scope 'system'.
CREATE POLICY mail_outbox_enqueue ON mail_outbox FOR INSERT TO koppel_tenant WITH CHECK (organisation_id IS NULL OR organisation_id = ANY (koppel_organisation_ids()));
--> statement-breakpoint
-- The catalogue shows how many places are taken and how long the waitlist is, but must not see
-- the enrollments behind those numbers: these two run as their owner (SECURITY DEFINER, so
-- outside the wall) and hand back only a count. On a fresh database every migration runs in one
-- transaction, where the enum value 'offered' (0001) is not yet committed: check the bodies on use.
SET LOCAL check_function_bodies = off;
--> statement-breakpoint
CREATE FUNCTION koppel_cohort_places_taken(cohort uuid) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT count(*)::integer FROM enrollments WHERE cohort_id = cohort AND status IN ('accepted', 'offered')
$$;
--> statement-breakpoint
CREATE FUNCTION koppel_cohort_waitlist_length(cohort uuid) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT count(*)::integer FROM enrollments WHERE cohort_id = cohort AND status = 'waitlisted'
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION koppel_cohort_places_taken(uuid), koppel_cohort_waitlist_length(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION koppel_cohort_places_taken(uuid), koppel_cohort_waitlist_length(uuid) TO koppel_tenant;
