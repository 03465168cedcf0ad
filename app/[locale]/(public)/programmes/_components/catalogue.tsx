import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { OrganisationLine } from "@/components/organisation-line";
import { listOpenCohorts } from "@/lib/dal/enrollment-queries";
import { admissionText, dateRangeText, deadlineText, effortText, placesText } from "./cohort-facts";
import styles from "./programmes.module.css";
import { ViewerDeadline, ViewerZoneNote } from "./viewer-time";

export const CATALOGUE_PAGE_SIZE = 20;

/**
 * One page of the public catalogue: every organisation's cohorts open for sign-up now. The same
 * for every viewer (cached): deadlines are rendered in each cohort's zone and put in the viewer's
 * zone by the browser.
 */
export async function Catalogue({ locale, page }: { locale: string; page: number }) {
  const t = await getTranslations({ locale });
  const { rows, total } = await listOpenCohorts({ limit: CATALOGUE_PAGE_SIZE, offset: (page - 1) * CATALOGUE_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE));
  if (page > pages) notFound();
  const now = new Date();
  const deadlineTexts = { closes: t.raw("catalogue.closes") as string, closed: t.raw("catalogue.closed") as string };
  const zoneYours = t.raw("catalogue.zoneYours") as string;
  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <p className="lead">{t("catalogue.lead")}</p>
      {total === 0 ? (
        <p>{t("catalogue.none")}</p>
      ) : (
        <>
          <p>
            {t("catalogue.count", { total })} <ViewerZoneNote initial={t("catalogue.zoneCohort")} zoneYours={zoneYours} />
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
                  <dd>
                    <ViewerDeadline
                      deadline={c.deadline.toISOString()}
                      initial={deadlineText(t, c.deadline, locale, c.timeZone, now)}
                      locale={locale}
                      texts={deadlineTexts}
                    />
                  </dd>
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
