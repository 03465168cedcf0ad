import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getCohort } from "@/lib/dal/cohorts";
import { ENROLLMENT_SORTS, enrollmentStatuses, listCohortEnrollments, type EnrollmentSort } from "@/lib/dal/enrollment-queries";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { ApplicationsTable, type ApplicationRow } from "../../../_components/applications-table";
import { CohortHeader } from "../../../_components/cohort-header";
import styles from "../../../_components/coordinator.module.css";
import { formatDay, formatMoment, viewerZone } from "../../../_components/format";
import { Pager } from "../../../_components/pager";
import { DoneNotice } from "../../../_components/done-notice";
import { searchParam } from "@/lib/form-data";

const PAGE_SIZE = 50;

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined): string => searchParam(v).trim();
type Status = (typeof enrollmentStatuses)[number];

/** The search as the URL has it; anything unknown is ignored rather than refused. */
function readQuery(sp: SearchParams) {
  const status = one(sp.status);
  const sort = one(sp.sort);
  const page = Number.parseInt(one(sp.page), 10);
  return {
    q: one(sp.q).slice(0, 200),
    status: (enrollmentStatuses as readonly string[]).includes(status) ? (status as Status) : undefined,
    policyArea: one(sp.area).slice(0, 200) || undefined,
    sort: (ENROLLMENT_SORTS as readonly string[]).includes(sort) ? (sort as EnrollmentSort) : "arrival",
    page: Number.isFinite(page) && page > 0 ? page : 1,
    archived: one(sp.archived) === "1",
  };
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "applications" }))("title") };
}

export default async function ApplicationsPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const query = readQuery(sp);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [cohort, list] = await guard(Promise.all([getCohort(actor, id), listCohortEnrollments(actor, id, { ...query, pageSize: PAGE_SIZE })]), locale);
  const zone = viewerZone(actor, cohort.timeZone);
  const base = `/coordinator/cohorts/${cohort.id}/applications`;
  const filtered = Boolean(query.q || query.status || query.policyArea || query.archived);
  const pageHref = (page: number) => ({
    pathname: base,
    query: {
      ...(query.q && { q: query.q }),
      ...(query.status && { status: query.status }),
      ...(query.policyArea && { area: query.policyArea }),
      ...(query.sort !== "arrival" && { sort: query.sort }),
      ...(query.archived && { archived: "1" }),
      page: String(page),
    },
  });
  const areas = query.policyArea && !cohort.policyAreas.includes(query.policyArea) ? [...cohort.policyAreas, query.policyArea] : cohort.policyAreas;

  const rows: ApplicationRow[] = list.rows.map((r) => {
    const status = t(`applications.statuses.${r.status}`);
    return {
      id: r.id,
      name: r.name || r.email,
      email: r.email,
      employer: r.employer,
      department: r.department,
      jobTitle: r.jobTitle,
      policyAreas: r.policyAreas.join(", "),
      status:
        r.status === "waitlisted" && r.waitlistPosition
          ? t("applications.waitlistedAt", { position: r.waitlistPosition })
          : r.status === "offered" && r.offerExpiresAt
            ? t("applications.offeredUntil", { date: formatMoment(r.offerExpiresAt, locale, zone) })
            : status,
      signedUp: formatDay(r.createdAt, locale, zone),
      signedUpIso: r.createdAt.toISOString(),
    };
  });

  return (
    <>
      <CohortHeader cohort={cohort} current="applications" locale={locale} />
      {one(sp.done) === "applicationDeleted" && <DoneNotice>{t("lifecycle.done.applicationDeleted")}</DoneNotice>}
      <h2>{query.archived ? t("lifecycle.archivedApplications") : t("applications.title")}</h2>
      <p>
        {query.archived ? (
          <LocaleLink locale={locale} href={base}>{t("lifecycle.showCurrentApplications")}</LocaleLink>
        ) : (
          <LocaleLink locale={locale} href={{ pathname: base, query: { archived: "1" } }}>{t("lifecycle.showArchivedApplications")}</LocaleLink>
        )}
      </p>
      <form method="get" action={`/${locale}${base}`} role="search" aria-label={t("applications.searchLabel")} className={styles.search}>
        <div className="field">
          <label htmlFor="q">{t("applications.q")}</label>
          <p className="hint" id="q-hint">
            {t("applications.qHint")}
          </p>
          <input id="q" name="q" type="search" defaultValue={query.q} aria-describedby="q-hint" />
        </div>
        <div className="field">
          <label htmlFor="status">{t("applications.status")}</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("applications.allStatuses")}</option>
            {enrollmentStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`applications.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {areas.length > 0 && (
          <div className="field">
            <label htmlFor="area">{t("applications.policyArea")}</label>
            <select id="area" name="area" defaultValue={query.policyArea ?? ""}>
              <option value="">{t("applications.allPolicyAreas")}</option>
              {areas.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="sort">{t("applications.sort")}</label>
          <select id="sort" name="sort" defaultValue={query.sort}>
            {ENROLLMENT_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`applications.sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {query.archived && <input type="hidden" name="archived" value="1" />}
        <div className={styles.searchActions}>
          <button type="submit">{t("applications.search")}</button>
          {(filtered || query.sort !== "arrival") && <LocaleLink locale={locale} href={base}>{t("applications.clear")}</LocaleLink>}
        </div>
      </form>

      <p>
        <strong>{filtered ? t("applications.matching", { count: list.total }) : t("applications.total", { count: list.total })}</strong>
      </p>

      {list.total === 0 ? (
        <p>{filtered ? t("applications.noMatches") : t("applications.none")}</p>
      ) : rows.length === 0 ? (
        <p>
          {t("applications.pastLastPage")} <LocaleLink locale={locale} href={pageHref(1)}>{t("applications.firstPage")}</LocaleLink>
        </p>
      ) : (
        <ApplicationsTable locale={locale} cohortId={cohort.id} rows={rows} />
      )}

      {list.total > 0 && (
        <Pager
          locale={locale}
          page={list.page}
          pages={list.pages}
          href={pageHref}
          labels={{
            nav: t("applications.pagination"),
            previous: t("applications.previous"),
            next: t("applications.next"),
            pageOf: t("applications.pageOf", { page: list.page, pages: list.pages }),
          }}
        />
      )}
    </>
  );
}
