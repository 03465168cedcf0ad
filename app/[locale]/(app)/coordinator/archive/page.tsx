import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { LocaleLink } from "@/components/locale-link";
import { listArchived } from "@/lib/dal/lifecycle";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { formatCalendarDate, todayIn } from "@/lib/time";
import { LifecycleNotice } from "../_components/lifecycle";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "lifecycle" }))("archiveTitle") };
}

type Search = Promise<{ done?: string; refused?: string; name?: string }>;

/** The organisation's archived programmes and cohorts: hidden everywhere else, restorable from their own pages. */
export default async function ArchivePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Search }) {
  const { locale } = await params;
  const search = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const archived = await guard(listArchived(actor), locale);
  const zone = actor?.kind === "user" ? actor.timeZone : "Europe/Amsterdam";
  const on = (d: Date | null) => (d ? formatCalendarDate(todayIn(zone, d), locale) : "");
  return (
    <>
      <p>
        <LocaleLink locale={locale} href="/coordinator">← {t("coordinator.title")}</LocaleLink>
      </p>
      <h1>{t("lifecycle.archiveTitle")}</h1>
      <LifecycleNotice search={search} t={t} name="" />
      <p>{t("lifecycle.archiveLead")}</p>
      <h2 id="archived-programmes">{t("coordinator.programmes")}</h2>
      {archived.programmes.length === 0 ? (
        <p>{t("lifecycle.noneArchived")}</p>
      ) : (
        <DataTable labelledBy="archived-programmes">
          <thead>
            <tr>
              <th scope="col">{t("coordinator.programme")}</th>
              <th scope="col">{t("lifecycle.archivedOn")}</th>
            </tr>
          </thead>
          <tbody>
            {archived.programmes.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <LocaleLink locale={locale} href={`/coordinator/programmes/${p.id}`}>{p.name}</LocaleLink>
                </th>
                <td>{on(p.archivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <h2 id="archived-cohorts">{t("coordinator.cohorts")}</h2>
      {archived.cohorts.length === 0 ? (
        <p>{t("lifecycle.noneArchived")}</p>
      ) : (
        <DataTable labelledBy="archived-cohorts">
          <thead>
            <tr>
              <th scope="col">{t("coordinator.cohort")}</th>
              <th scope="col">{t("coordinator.programme")}</th>
              <th scope="col">{t("coordinator.dates")}</th>
              <th scope="col">{t("lifecycle.archivedOn")}</th>
            </tr>
          </thead>
          <tbody>
            {archived.cohorts.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <LocaleLink locale={locale} href={`/coordinator/cohorts/${c.id}`}>{c.name}</LocaleLink>
                </th>
                <td>
                  <LocaleLink locale={locale} href={`/coordinator/programmes/${c.programmeId}`}>{c.programmeName}</LocaleLink>
                  {c.programmeArchived && <span className="meta"> ({t("lifecycle.states.archived")})</span>}
                </td>
                <td>
                  {formatCalendarDate(c.startDate, locale)} – {formatCalendarDate(c.endDate, locale)}
                </td>
                <td>{on(c.archivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
