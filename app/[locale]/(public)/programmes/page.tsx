import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TimeZoneCookie } from "@/components/time-zone-cookie";
import { LocaleLink } from "@/components/locale-link";
import { OrganisationLine } from "@/components/organisation-line";
import { listOpenCohorts } from "@/lib/dal/enrollment-queries";
import { getCurrentActor } from "@/lib/dal/session";
import { getViewerTimeZone, TIME_ZONE_COOKIE } from "@/lib/viewer-time-zone";
import { admissionText, dateRangeText, deadlineText, effortText, placesText } from "./_components/cohort-facts";
import styles from "./_components/programmes.module.css";

const PAGE_SIZE = 20;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "catalogue" }))("title") };
}

function pageOf(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : (value ?? "1"));
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** The public catalogue: every organisation's cohorts that are open for sign-up now. */
export default async function CataloguePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const page = pageOf((await searchParams).page);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const viewer = await getViewerTimeZone(actor);
  const { rows, total } = await listOpenCohorts({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pages) notFound();
  const now = new Date();
  return (
    <>
      <TimeZoneCookie name={TIME_ZONE_COOKIE} current={viewer.cookie} refresh={viewer.zone === null || viewer.fromCookie} />
      <h1>{t("catalogue.title")}</h1>
      <p className="lead">{t("catalogue.lead")}</p>
      {total === 0 ? (
        <p>{t("catalogue.none")}</p>
      ) : (
        <>
          <p>
            {t("catalogue.count", { total })} {viewer.zone ? t("catalogue.zoneYours", { zone: viewer.zone }) : t("catalogue.zoneCohort")}
          </p>
          <ul className={styles.list}>
            {rows.map((c) => (
              <li key={c.id} className="card">
                <h2>
                  <LocaleLink locale={locale} href={`/programmes/${c.id}`}>
                    {c.programmeName} – {c.name}
                  </LocaleLink>
                </h2>
                <OrganisationLine t={t} organisation={{ id: c.organisationId, name: c.organisationName, logoVersion: c.logoVersion }}>
                  {t("catalogue.by", { organisation: c.organisationName })}
                </OrganisationLine>
                <dl className={`facts ${styles.facts}`}>
                  <dt>{t("catalogue.dates")}</dt>
                  <dd>{dateRangeText(t, c.startDate, c.endDate, locale)}</dd>
                  <dt>{t("catalogue.effort")}</dt>
                  <dd>{effortText(t, c.effortHalfDaysMin, c.effortHalfDaysMax)}</dd>
                  <dt>{t("catalogue.places")}</dt>
                  <dd>{placesText(t, c.placesLeft, c.capacity)}</dd>
                  <dt>{t("catalogue.admission")}</dt>
                  <dd>{admissionText(t, c.admissionMode)}</dd>
                  <dt>{t("catalogue.deadline")}</dt>
                  <dd>{deadlineText(t, c.deadline, locale, viewer.zone ?? c.timeZone, now)}</dd>
                </dl>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav className={styles.pagination} aria-label={t("catalogue.pagination")}>
              <ul>
                {page > 1 && (
                  <li>
                    <LocaleLink locale={locale} href={page === 2 ? "/programmes" : `/programmes?page=${page - 1}`} rel="prev">
                      {t("catalogue.previous")}
                    </LocaleLink>
                  </li>
                )}
                <li aria-current="page">{t("catalogue.pageOf", { page, pages })}</li>
                {page < pages && (
                  <li>
                    <LocaleLink locale={locale} href={`/programmes?page=${page + 1}`} rel="next">
                      {t("catalogue.next")}
                    </LocaleLink>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </>
      )}
    </>
  );
}
