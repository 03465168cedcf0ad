import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { listCohorts } from "@/lib/dal/cohorts";
import { getProgramme } from "@/lib/dal/programmes";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { ProgrammeForm } from "../../_components/programme-form";
import { CohortTable } from "../../_components/cohort-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "coordinator" }))("editProgramme") };
}

export default async function ProgrammePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const programme = await guard(getProgramme(actor, id), locale);
  const cohorts = await guard(listCohorts(actor, { programmeId: programme.id }), locale);
  return (
    <>
      <p>
        <Link href="/coordinator">← {t("coordinator.title")}</Link>
      </p>
      <h1>{programme.name}</h1>
      <h2>{t("coordinator.cohorts")}</h2>
      <div className="actions">
        <Link className="button" href={`/coordinator/programmes/${programme.id}/cohorts/new`}>
          {t("coordinator.newCohort")}
        </Link>
      </div>
      <CohortTable cohorts={cohorts} locale={locale} t={t} />
      <h2>{t("coordinator.editProgramme")}</h2>
      <ProgrammeForm
        programmeId={programme.id}
        initial={{
          name: programme.name,
          description: programme.description,
          effortHalfDaysMin: programme.effortHalfDaysMin,
          effortHalfDaysMax: programme.effortHalfDaysMax,
          durationMonths: programme.durationMonths,
          minPartnerMeetings: programme.minPartnerMeetings,
          meetingDueWeeks: programme.meetingDueWeeks,
        }}
      />
    </>
  );
}
