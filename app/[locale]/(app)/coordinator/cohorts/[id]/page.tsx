import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getCohort } from "@/lib/dal/cohorts";
import { cohortEnrollmentCounts, enrollmentStatuses } from "@/lib/dal/enrollment-queries";
import { getCohortRetention } from "@/lib/dal/retention";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { formatCalendarDate, timeZoneOptions, todayIn } from "@/lib/time";
import { CohortForm } from "../../_components/cohort-form";
import { CohortHeader } from "../../_components/cohort-header";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "coordinator" }))("editCohort") };
}

export default async function CohortPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [cohort, counts, retention] = await guard(Promise.all([getCohort(actor, id), cohortEnrollmentCounts(actor, id), getCohortRetention(actor, id)]), locale);
  const held = counts.accepted + counts.offered;
  const total = enrollmentStatuses.reduce((sum, s) => sum + counts[s], 0);
  return (
    <>
      <CohortHeader cohort={cohort} current="overview" locale={locale} />
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
      <h2>{t("coordinator.editCohort")}</h2>
      <CohortForm
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
      />
    </>
  );
}
