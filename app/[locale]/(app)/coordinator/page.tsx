import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getCoordinatorAgenda, type AgendaCohort } from "@/lib/dal/agenda";
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
  const [programmes, agenda] = await guard(Promise.all([listProgrammes(actor), getCoordinatorAgenda(actor)]), locale);
  const cohorts = agenda.cohorts;
  // Per cohort, where the work is: "Voorjaar 2027 (3)" links to the page to act on.
  const where = (k: "applied" | "lapsingOffers" | "flaggedPairs", href: (c: AgendaCohort) => string | { pathname: string; query: Record<string, string> }) =>
    cohorts
      .filter((c) => c[k] > 0)
      .map((c) => (
        <li key={c.id}>
          <LocaleLink locale={locale} href={href(c)}>
            {t("coordinator.today.inCohort", { cohort: c.name, count: c[k] })}
          </LocaleLink>
        </li>
      ));
  const nothing = agenda.totals.applied + agenda.totals.lapsingOffers + agenda.totals.flaggedPairs + agenda.pendingPartners === 0;
  return (
    <>
      <h1>{t("coordinator.title")}</h1>
      <p className="meta">{actor?.current?.organisationName}</p>
      <section aria-labelledby="today">
        <h2 id="today">{t("coordinator.today.title")}</h2>
        {nothing ? (
          <p>{t("coordinator.today.nothing")}</p>
        ) : (
          <ul>
            {agenda.totals.applied > 0 && (
              <li>
                <strong>{t("coordinator.today.applied", { count: agenda.totals.applied })}</strong>
                <ul>{where("applied", (c) => ({ pathname: `/coordinator/cohorts/${c.id}/applications`, query: { status: "applied" } }))}</ul>
              </li>
            )}
            {agenda.pendingPartners > 0 && (
              <li>
                <strong>{t("coordinator.today.partners", { count: agenda.pendingPartners })}</strong>
                <ul>
                  <li>
                    <LocaleLink locale={locale} href={{ pathname: "/coordinator/partners", query: { status: "pending" } }}>
                      {t("coordinator.today.reviewPartners")}
                    </LocaleLink>
                  </li>
                </ul>
              </li>
            )}
            {agenda.totals.flaggedPairs > 0 && (
              <li>
                <strong>{t("coordinator.today.flagged", { count: agenda.totals.flaggedPairs })}</strong>
                <ul>{where("flaggedPairs", (c) => `/coordinator/cohorts/${c.id}/pairs`)}</ul>
              </li>
            )}
            {agenda.totals.lapsingOffers > 0 && (
              <li>
                <strong>{t("coordinator.today.lapsing", { count: agenda.totals.lapsingOffers })}</strong>
                <ul>{where("lapsingOffers", (c) => ({ pathname: `/coordinator/cohorts/${c.id}/applications`, query: { status: "offered" } }))}</ul>
              </li>
            )}
          </ul>
        )}
      </section>
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
