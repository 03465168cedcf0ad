import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { listCohorts } from "@/lib/dal/cohorts";
import { listProgrammes } from "@/lib/dal/programmes";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { CohortTable } from "./_components/cohort-table";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "coordinator" }))("title") };
}

export default async function CoordinatorStart({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [programmes, cohorts] = await guard(Promise.all([listProgrammes(actor), listCohorts(actor)]), locale);
  return (
    <>
      <h1>{t("coordinator.title")}</h1>
      <p className="meta">{actor?.current?.organisationName}</p>
      <h2>{t("coordinator.programmes")}</h2>
      <div className="actions">
        <LocaleLink locale={locale} className="button" href="/coordinator/programmes/new">
          {t("coordinator.newProgramme")}
        </LocaleLink>
      </div>
      {programmes.length === 0 ? (
        <p>{t("coordinator.noProgrammes")}</p>
      ) : (
        <DataTable label={t("coordinator.programmes")}>
          <thead>
            <tr>
              <th scope="col">{t("coordinator.programme")}</th>
              <th scope="col">{t("home.effort")}</th>
              <th scope="col">{t("home.duration")}</th>
              <th scope="col">{t("coordinator.cohortCount")}</th>
            </tr>
          </thead>
          <tbody>
            {programmes.map((p) => (
              <tr key={p.id}>
                <td>
                  <LocaleLink locale={locale} href={`/coordinator/programmes/${p.id}`}>{p.name}</LocaleLink>
                </td>
                <td>{t("common.halfDays", { min: p.effortHalfDaysMin, max: p.effortHalfDaysMax })}</td>
                <td>{t("common.months", { count: p.durationMonths })}</td>
                <td>{p.cohortCount}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <h2>{t("coordinator.cohorts")}</h2>
      <CohortTable cohorts={cohorts} locale={locale} t={t} />
      <p>
        <LocaleLink locale={locale} href="/coordinator/archive">{t("lifecycle.archiveLink")}</LocaleLink>
      </p>
    </>
  );
}
