import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { listCohorts } from "@/lib/dal/cohorts";
import { countProgrammeCohorts } from "@/lib/dal/lifecycle";
import { getProgramme } from "@/lib/dal/programmes";
import { listCohortsDueForAnonymisation } from "@/lib/dal/retention";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { formatCalendarDate } from "@/lib/time";
import { ProgrammeForm } from "../../_components/programme-form";
import { CohortTable } from "../../_components/cohort-table";
import { LifecycleNotice, ProgrammeLifecycle } from "../../_components/lifecycle";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "coordinator" }))("editProgramme") };
}

type Search = Promise<{ done?: string; refused?: string; confirm?: string; name?: string }>;

export default async function ProgrammePage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Search }) {
  const { locale, id } = await params;
  const search = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const programme = await guard(getProgramme(actor, id), locale);
  const [cohorts, archived, cohortCount, due] = await guard(
    Promise.all([
      listCohorts(actor, { programmeId: programme.id }),
      listCohorts(actor, { programmeId: programme.id, archived: true }),
      countProgrammeCohorts(actor, programme.id),
      listCohortsDueForAnonymisation(actor, programme.id),
    ]),
    locale,
  );
  return (
    <>
      <p>
        <LocaleLink locale={locale} href="/coordinator">← {t("coordinator.title")}</LocaleLink>
      </p>
      <h1>{programme.name}</h1>
      <LifecycleNotice search={search} t={t} name={programme.name} />
      <h2>{t("coordinator.cohorts")}</h2>
      {!programme.archivedAt && (
        <div className="actions">
          <LocaleLink locale={locale} className="button" href={`/coordinator/programmes/${programme.id}/cohorts/new`}>
            {t("coordinator.newCohort")}
          </LocaleLink>
        </div>
      )}
      <CohortTable cohorts={cohorts} locale={locale} t={t} />
      {archived.length > 0 && (
        <>
          <h2>{t("lifecycle.archivedCohorts")}</h2>
          <CohortTable cohorts={archived} locale={locale} t={t} />
        </>
      )}
      <h2 id="retention-heading">{t("retention.dueTitle")}</h2>
      {due.length === 0 ? (
        <p>{t("retention.dueNone")}</p>
      ) : (
        <>
          <p>{t("retention.dueLead")}</p>
          <DataTable labelledBy="retention-heading">
            <thead>
              <tr>
                <th scope="col">{t("retention.cohort")}</th>
                <th scope="col">{t("retention.endDate")}</th>
                <th scope="col">{t("retention.anonymiseOn")}</th>
              </tr>
            </thead>
            <tbody>
              {due.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <LocaleLink locale={locale} href={`/coordinator/cohorts/${c.id}`}>{c.name}</LocaleLink>
                  </th>
                  <td>{formatCalendarDate(c.endDate, locale)}</td>
                  <td>{formatCalendarDate(c.anonymiseOn, locale)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
      <ProgrammeLifecycle programme={programme} cohorts={cohortCount} confirmDelete={search.confirm === "delete"} locale={locale} t={t} />
      {!programme.archivedAt && <h2>{t("coordinator.editProgramme")}</h2>}
      {!programme.archivedAt && <ProgrammeForm
        programmeId={programme.id}
        initial={{
          name: programme.name,
          description: programme.description,
          effortHalfDaysMin: programme.effortHalfDaysMin,
          effortHalfDaysMax: programme.effortHalfDaysMax,
          durationMonths: programme.durationMonths,
          minPartnerMeetings: programme.minPartnerMeetings,
          meetingDueWeeks: programme.meetingDueWeeks,
          retentionMonths: programme.retentionMonths,
        }}
      />}
    </>
  );
}
