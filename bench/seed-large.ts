import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

export const LARGE_TENANT = {
  /** The demo organisation seeded by db/seed.ts; the large tenant is added to it. */
  organisationSlug: "samen-duurzaam",
  cohorts: 200,
  participants: 20_000,
  /** One cohort with this many applications, for the coordinator's applications list. */
  bigCohortApplications: 5_000,
  /** One cohort to pair: this many accepted participants and linked partners (issue 4). */
  pairingParticipants: 500,
  pairingPartners: 200,
} as const;

/** What the large seed created, for routes that need ids or names. */
export interface SeedInfo {
  organisationId: string;
  organisationName: string;
  /** The demo organisation's programmes, by name. */
  programmeIds: string[];
  programmeNames: string[];
  /** The seeded cohorts, oldest first. */
  cohortIds: string[];
  /** The seeded cohort that starts last: first in "newest first" lists. */
  newestCohortName: string;
  /** The open cohort with LARGE_TENANT.bigCohortApplications applications. */
  bigCohortId: string;
  /** The cohort with LARGE_TENANT.pairingParticipants accepted, unpaired participants and its partners. */
  pairingCohortId: string;
  /** Name of the open cohort with the 5,000 applications (its public page is benched). */
  bigCohortName: string;
  /** The demo participant's confirmed pair with the demo partner (db/seed-pairing.ts). */
  demoPairId: string;
  /** A seeded participant (has one enrollment). */
  sampleParticipantEmail: string;
  counts: { cohorts: number; users: number; memberships: number; enrollments: number; enrollmentEvents: number };
  seconds: number;
}

const COHORT_PREFIX = "Bench cohort ";
const EMAIL_PREFIX = "bench.participant.";

/** Name of seeded cohort `i` (0-based); must match the SQL below. */
const cohortName = (i: number): string => `${COHORT_PREFIX}${String(i + 1).padStart(3, "0")}`;

/**
 * Adds a large tenant to the demo organisation with set-based SQL (generate_series), so it takes
 * seconds on PGlite too: 200 cohorts spread over the organisation's programmes (a new one every
 * two weeks from 2025-01-06; completed, closed or open by date), 20,000 participants with a
 * membership, and one enrollment each (100 per cohort: 30 accepted, the rest applied, rejected or
 * withdrawn) with its history. Run after seedDemoData, on a database nobody else uses.
 */
export async function seedLargeTenant(db: Db): Promise<SeedInfo> {
  const started = performance.now();
  const { organisationSlug, cohorts, participants } = LARGE_TENANT;

  const info = await db.transaction(async (tx) => {
    const orgs = await tx.execute<{ id: string; name: string }>(
      sql`select id, name from organisations where slug = ${organisationSlug}`,
    );
    const org = orgs.rows[0];
    if (!org) throw new Error(`Organisation ${organisationSlug} not found: run seedDemoData first`);
    const progs = await tx.execute<{ id: string; name: string }>(
      sql`select id, name from programmes where organisation_id = ${org.id}::uuid order by name, id`,
    );
    if (progs.rows.length === 0) throw new Error(`Organisation ${organisationSlug} has no programmes`);

    // Cohort i goes to programme i mod n; dates satisfy the cohorts_dates check.
    await tx.execute(sql`
      with progs as (
        select id, (row_number() over (order by name, id) - 1)::int as k, (count(*) over ())::int as n
        from programmes where organisation_id = ${org.id}::uuid
      ), g as (
        select i, date '2025-01-06' + i * 14 as d from generate_series(0, ${cohorts - 1}::int) as s(i)
      )
      insert into cohorts (organisation_id, programme_id, name, start_date, end_date,
                           enrollment_opens_on, enrollment_deadline, capacity, time_zone, status)
      select ${org.id}::uuid, p.id, ${COHORT_PREFIX} || lpad((g.i + 1)::text, 3, '0'),
             g.d, g.d + 150, g.d - 120, g.d - 14, 120, 'Europe/Amsterdam',
             (case when g.d + 150 < current_date then 'completed'
                   when g.d - 14 < current_date then 'closed' else 'open' end)::cohort_status
      from g join progs p on p.k = g.i % p.n`);

    await tx.execute(sql`
      insert into users (id, name, email, locale, time_zone, email_verified)
      select gen_random_uuid()::text,
             'Deelnemer ' || lpad(i::text, 5, '0'),
             ${EMAIL_PREFIX} || lpad(i::text, 5, '0') || '@example.org',
             (case when i % 10 = 0 then 'en' when i % 25 = 1 then 'zh-CN' else 'nl' end)::locale,
             'Europe/Amsterdam', now()
      from generate_series(1, ${participants}::int) as s(i)`);

    await tx.execute(sql`
      insert into memberships (organisation_id, user_id, role)
      select ${org.id}::uuid, id, 'participant'::role from users where email like ${EMAIL_PREFIX + "%"}`);

    // Enrollments as the app leaves them: consent given, one history event per change; no
    // waitlist or open offers (those only exist while a cohort is full), accepted <= capacity.
    await tx.execute(sql`
      with u as (
        select id, (row_number() over (order by email) - 1)::int as k from users where email like ${EMAIL_PREFIX + "%"}
      ), c as (
        select id, (row_number() over (order by name) - 1)::int as k, (count(*) over ())::int as n
        from cohorts where organisation_id = ${org.id}::uuid and name like ${COHORT_PREFIX + "%"}
      ), pairs as (
        select u.id as user_id, c.id as cohort_id, u.k / c.n as pos from u join c on c.k = u.k % c.n
      )
      insert into enrollments (organisation_id, cohort_id, user_id, status, employer, job_title, motivation, consented_at)
      select ${org.id}::uuid, cohort_id, user_id,
             (case when pos < 30 then 'accepted' when pos % 10 = 7 then 'rejected'
                   when pos % 25 = 3 then 'withdrawn' else 'applied' end)::enrollment_status,
             'Gemeente Bench', 'Beleidsmedewerker', 'Ik wil leren van de praktijk.', now()
      from pairs order by cohort_id, pos`);
    await tx.execute(sql`
      insert into enrollment_events (organisation_id, enrollment_id, from_status, to_status, actor_user_id)
      select e.organisation_id, e.id, null, 'applied'::enrollment_status, e.user_id
      from enrollments e join users u on u.id = e.user_id where u.email like ${EMAIL_PREFIX + "%"}
      union all
      select e.organisation_id, e.id, 'applied'::enrollment_status, e.status,
             case when e.status = 'withdrawn' then e.user_id
                  else (select id from users where email = 'coordinator@example.org') end
      from enrollments e join users u on u.id = e.user_id
      where u.email like ${EMAIL_PREFIX + "%"} and e.status <> 'applied'`);

    // One open, reviewed cohort with 5,000 applications: 40 accepted (full), 300 on the waitlist.
    const big = await tx.execute<{ id: string }>(sql`
      insert into cohorts (organisation_id, programme_id, name, start_date, end_date, enrollment_opens_on,
                           enrollment_deadline, capacity, time_zone, status, admission_mode, policy_areas)
      values (${org.id}::uuid, ${progs.rows[0]!.id}::uuid, 'Bench groot cohort', current_date + 90, current_date + 270,
              current_date - 30, current_date + 60, 40, 'Europe/Amsterdam', 'open', 'reviewed',
              array['Wonen', 'Zorg en welzijn', 'Energietransitie', 'Participatie'])
      returning id`);
    const bigId = big.rows[0]!.id;
    await tx.execute(sql`
      with u as (
        select id, (row_number() over (order by email))::int as k from users where email like ${EMAIL_PREFIX + "%"}
      )
      insert into enrollments (organisation_id, cohort_id, user_id, status, employer, job_title, policy_areas,
                               motivation, available_half_days, consented_at)
      select ${org.id}::uuid, ${bigId}::uuid, id,
             (case when k <= 40 then 'accepted' when k <= 340 then 'waitlisted'
                   when k % 9 = 0 then 'rejected' else 'applied' end)::enrollment_status,
             'Gemeente ' || (array['Zwolle', 'Westland', 'Utrecht', 'Deventer'])[1 + k % 4], 'Beleidsadviseur',
             array[(array['Wonen', 'Zorg en welzijn', 'Energietransitie', 'Participatie'])[1 + k % 4]],
             'Ik wil leren van de praktijk.', 4 + k % 4, now()
      from u where k <= ${LARGE_TENANT.bigCohortApplications}::int order by k`);
    await tx.execute(sql`
      insert into enrollment_events (organisation_id, enrollment_id, from_status, to_status, actor_user_id)
      select organisation_id, id, null, status, user_id from enrollments where cohort_id = ${bigId}::uuid`);

    const pairingId = await seedPairingCohort(tx, org.id, progs.rows[0]!.id);

    const seeded = await tx.execute<{ id: string; name: string }>(
      sql`select id, name from cohorts where organisation_id = ${org.id}::uuid and name like ${COHORT_PREFIX + "%"} order by start_date, name`,
    );
    const demoPair = await tx.execute<{ id: string }>(sql`
      select p.id from pairs p join enrollments e on e.id = p.enrollment_id join users u on u.id = e.user_id
      where p.organisation_id = ${org.id}::uuid and u.email = 'participant@example.org' limit 1`);
    if (!demoPair.rows[0]) throw new Error("The demo participant has no pair: run seedDemoData first");
    const counts = await tx.execute<SeedInfo["counts"]>(sql`
      select (select count(*) from cohorts where organisation_id = ${org.id}::uuid)::int as cohorts,
             (select count(*) from users)::int as users,
             (select count(*) from memberships where organisation_id = ${org.id}::uuid)::int as memberships,
             (select count(*) from enrollments where organisation_id = ${org.id}::uuid)::int as enrollments,
             (select count(*) from enrollment_events where organisation_id = ${org.id}::uuid)::int as "enrollmentEvents"`);
    return {
      organisationId: org.id,
      organisationName: org.name,
      programmeIds: progs.rows.map((p) => p.id),
      programmeNames: progs.rows.map((p) => p.name),
      cohortIds: seeded.rows.map((c) => c.id),
      bigCohortId: bigId,
      bigCohortName: "Bench groot cohort",
      demoPairId: demoPair.rows[0].id,
      pairingCohortId: pairingId,
      counts: counts.rows[0]!,
    };
  });

  if (info.cohortIds.length !== cohorts) throw new Error(`Expected ${cohorts} seeded cohorts, found ${info.cohortIds.length}`);
  // Fresh statistics, so the planner sees 20,000 rows rather than an empty table.
  await db.execute(sql`analyze`);

  return {
    ...info,
    newestCohortName: cohortName(cohorts - 1),
    sampleParticipantEmail: `${EMAIL_PREFIX}00001@example.org`,
    seconds: (performance.now() - started) / 1000,
  };
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const BENCH_AREAS = ["Wonen", "Zorg en welzijn", "Energietransitie", "Participatie", "Werk en inkomen", "Armoede en schulden",
  "Duurzaamheid", "Onderwijs", "Mobiliteit", "Veiligheid", "Cultuur", "Sport"];
const BENCH_REGIONS = ["overijssel", "utrecht", "zuid-holland", "noord-holland", "gelderland", "groningen"];

/**
 * A cohort ready to pair: 500 accepted participants (from the seeded people, policy areas,
 * languages, regions and employers varied; some work for a partner, so conflicts exist) and 200
 * approved partners linked to it with 1 to 4 places each.
 */
async function seedPairingCohort(tx: Tx, organisationId: string, programmeId: string): Promise<string> {
  const { pairingParticipants, pairingPartners } = LARGE_TENANT;
  const areas = sql.raw(`(array[${BENCH_AREAS.map((a) => `'${a}'`).join(",")}])`);
  const regions = sql.raw(`(array[${BENCH_REGIONS.map((r) => `'${r}'`).join(",")}])`);
  const cohort = await tx.execute<{ id: string }>(sql`
    insert into cohorts (organisation_id, programme_id, name, start_date, end_date, enrollment_opens_on,
                         enrollment_deadline, capacity, time_zone, status, admission_mode, policy_areas)
    values (${organisationId}::uuid, ${programmeId}::uuid, 'Bench koppelcohort', current_date + 30, current_date + 210,
            current_date - 60, current_date - 1, ${pairingParticipants}::int, 'Europe/Amsterdam', 'closed', 'reviewed', ${areas})
    returning id`);
  const id = cohort.rows[0]!.id;
  await tx.execute(sql`
    insert into partners (organisation_id, kind, status, name, description, location, region, help_request,
                          policy_areas, languages, capacity_per_cohort, contact_email, aliases)
    select ${organisationId}::uuid, (array['initiative','initiative','host','coach'])[1 + i % 4]::partner_kind, 'approved',
           'Bench partner ' || lpad(i::text, 3, '0'), 'Een initiatief voor de bench.', 'Plaats ' || i, ${regions}[1 + i % 6],
           'Wij zoeken hulp bij ' || ${areas}[1 + i % 12] || '.',
           array[${areas}[1 + i % 12], ${areas}[1 + (i * 7) % 12]],
           (case when i % 5 = 0 then array['nl','en'] when i % 11 = 0 then array['zh','en'] else array['nl'] end),
           1 + i % 4, 'bench.partner.' || i || '@example.org',
           (case when i % 20 = 0 then array['Gemeente Bench ' || i] else '{}'::text[] end)
    from generate_series(1, ${pairingPartners}::int) as s(i)`);
  await tx.execute(sql`
    insert into cohort_partners (organisation_id, cohort_id, partner_id, capacity)
    select ${organisationId}::uuid, ${id}::uuid, id, capacity_per_cohort
    from partners where organisation_id = ${organisationId}::uuid and name like 'Bench partner %'`);
  await tx.execute(sql`
    with u as (
      select id, (row_number() over (order by email))::int as k from users where email like ${EMAIL_PREFIX + "%"}
    )
    insert into enrollments (organisation_id, cohort_id, user_id, status, employer, job_title, policy_areas, languages,
                             region, motivation, available_half_days, consented_at)
    select ${organisationId}::uuid, ${id}::uuid, id, 'accepted',
           (case when k % 40 = 0 then 'Gemeente Bench ' || (k / 2) % 200 else 'Gemeente ' || (array['Zwolle','Utrecht','Deventer'])[1 + k % 3] end),
           'Beleidsadviseur', array[${areas}[1 + k % 12], ${areas}[1 + (k * 5) % 12]],
           (case when k % 7 = 0 then array['en'] when k % 13 = 0 then array['zh'] else array['nl'] end),
           ${regions}[1 + k % 6], 'Ik wil leren van de praktijk.', 4, now()
    from u where k between 10001 and ${10_000 + pairingParticipants}::int order by k`);
  await tx.execute(sql`
    insert into enrollment_events (organisation_id, enrollment_id, from_status, to_status, actor_user_id)
    select organisation_id, id, null, status, user_id from enrollments where cohort_id = ${id}::uuid`);
  return id;
}
