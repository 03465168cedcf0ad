-- enrollments.search_text and sort_name copy the person's name and address from users, so the
-- applications list can search and sort a cohort without reading users (issue 9). The database
-- keeps them true, whichever code writes: on every insert, on a change of the enrollment's
-- person, employer or job title, and on a change of the person's name or address.
CREATE FUNCTION "enrollments_search_fill"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  person_name text;
  person_email text;
BEGIN
  SELECT u.name, u.email INTO person_name, person_email FROM users u WHERE u.id = NEW.user_id;
  NEW.search_text := lower(concat_ws(' ', person_name, person_email, NEW.employer, NEW.job_title));
  NEW.sort_name := lower(coalesce(person_name, person_email, ''));
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "enrollments_search_fill" BEFORE INSERT OR UPDATE OF "user_id", "employer", "job_title" ON "enrollments"
  FOR EACH ROW EXECUTE FUNCTION "enrollments_search_fill"();--> statement-breakpoint
CREATE FUNCTION "users_enrollments_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE enrollments e
     SET search_text = lower(concat_ws(' ', NEW.name, NEW.email, e.employer, e.job_title)),
         sort_name = lower(coalesce(NEW.name, NEW.email, ''))
   WHERE e.user_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "users_enrollments_search_refresh" AFTER UPDATE OF "name", "email" ON "users"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email)
  EXECUTE FUNCTION "users_enrollments_search_refresh"();--> statement-breakpoint
UPDATE "enrollments" e
   SET search_text = lower(concat_ws(' ', u.name, u.email, e.employer, e.job_title)),
       sort_name = lower(coalesce(u.name, u.email, ''))
  FROM "users" u
 WHERE u.id = e.user_id;
