import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { cohortState, getCohort } from "@/lib/dal/cohorts";
import { getCohortDependents } from "@/lib/dal/lifecycle";
import { getProgramme } from "@/lib/dal/programmes";
import { listQuestions } from "@/lib/dal/questions";
import { cohortEnrollmentCounts, enrollmentStatuses } from "@/lib/dal/enrollment-queries";
import { getCohortRetention } from "@/lib/dal/retention";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { formatCalendarDate, timeZoneOptions, todayIn } from "@/lib/time";
import { CohortForm } from "../../_components/cohort-form";
import { CohortHeader } from "../../_components/cohort-header";
import { CohortLifecycle, LifecycleNotice } from "../../_components/lifecycle";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "coordinator" }))("editCohort") };
}

type Search = Promise<{ done?: string; refused?: string; confirm?: string }>;

export default async function CohortPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Search }) {
  const { locale, id } = await params;
  const search = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [cohort, counts, retention, dependents, questions] = await guard(
    Promise.all([getCohort(actor, id), cohortEnrollmentCounts(actor, id), getCohortRetention(actor, id), getCohortDependents(actor, id), listQuestions(actor, id)]),
    locale,
  );
  const programme = await guard(getProgramme(actor, cohort.programmeId), locale);
  const held = counts.accepted + counts.offered;
  const total = enrollmentStatuses.reduce((sum, s) => sum + counts[s], 0);
  const state = cohortState({ ...cohort, placesTaken: held });
  return (
    <>
      <CohortHeader cohort={cohort} current="overview" locale={locale} />
      <LifecycleNotice search={search} t={t} name={cohort.name} />
      <CohortLifecycle
        cohort={cohort}
        state={state}
        dependents={dependents}
        questions={questions.length}
        programmeArchived={Boolean(programme.archivedAt)}
        confirmDelete={search.confirm === "delete"}
        organisationName={actor?.kind === "user" ? (actor.memberships.find((m) => m.organisationId === cohort.organisationId)?.organisationName ?? "") : ""}
        locale={locale}
        t={t}
      />
      <p className="notice" id="retention-notice">
        {retention.anonymisedAt
          ? t("retention.cohortDone", { date: formatCalendarDate(todayIn(cohort.timeZone, retention.anonymisedAt), locale) })
          : t("retention.cohortNotice", { date: formatCalendarDate(retention.anonymiseOn, locale), months: retention.retentionMonths })}
      </p>
      <h2>{t("cohortSettings.places")}</h2>
      <dl className="facts">
        <dt>{t("cohortForm.capacity")}</dt>
        <dd>{cohort.capacity}</dd>
        <dt>{t("cohortSettings.placesHeld")}</dt>
        <dd>{held}</dd>
        <dt>{t("cohortSettings.placesLeft")}</dt>
        <dd>{Math.max(0, cohort.capacity - held)}</dd>
        <dt>{t("cohortSettings.waitlist")}</dt>
        <dd>{counts.waitlisted}</dd>
      </dl>
      <h2 id="counts-heading">{t("cohortSettings.counts")}</h2>
      <DataTable labelledBy="counts-heading">
        <thead>
          <tr>
            <th scope="col">{t("applications.status")}</th>
            <th scope="col">{t("cohortSettings.number")}</th>
          </tr>
        </thead>
        <tbody>
          {enrollmentStatuses.map((s) => (
            <tr key={s}>
              <th scope="row">
                <LocaleLink locale={locale} href={`/coordinator/cohorts/${cohort.id}/applications?status=${s}`}>{t(`applications.statuses.${s}`)}</LocaleLink>
              </th>
              <td>{counts[s]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("cohortSettings.total")}</th>
            <td>{total}</td>
          </tr>
        </tfoot>
      </DataTable>
      {!cohort.archivedAt && <h2>{t("coordinator.editCohort")}</h2>}
      {!cohort.archivedAt && <CohortForm
        // A new form when the status changes (publishing): its values start from the saved cohort,
        // not from the draft it showed before.
        key={cohort.status}
        programmeId={cohort.programmeId}
        cohortId={cohort.id}
        timeZones={timeZoneOptions()}
        initial={{
          name: cohort.name,
          startDate: cohort.startDate,
          endDate: cohort.endDate,
          enrollmentOpensOn: cohort.enrollmentOpensOn,
          enrollmentDeadline: cohort.enrollmentDeadline,
          capacity: cohort.capacity,
          timeZone: cohort.timeZone,
          status: cohort.status,
          admissionMode: cohort.admissionMode,
          offerDays: cohort.offerDays,
          autoOfferWaitlist: cohort.autoOfferWaitlist,
          policyAreas: cohort.policyAreas.join("\n"),
        }}
      />}
    </>
  );
}
