import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getCohort } from "@/lib/dal/cohorts";
import { listCohortPairs } from "@/lib/dal/pairs";
import { getProgramme } from "@/lib/dal/programmes";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { CohortHeader } from "../../../_components/cohort-header";
import styles from "../../../_components/coordinator.module.css";
import { formatDay, viewerZone } from "../../../_components/format";
import { DataTable } from "@/components/ui/data-table";

type SearchParams = Record<string, string | string[] | undefined>;
const on = (v: string | string[] | undefined): boolean => (Array.isArray(v) ? v[0] : v) === "1";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "cohortPairs" }))("title") };
}

/** The cohort's pairs with their meetings; pairs without a confirmed meeting in time are flagged in words. */
export default async function CohortPairsPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const includeEnded = on(sp.ended);
  const onlyFlagged = on(sp.flagged);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [cohort, all] = await guard(Promise.all([getCohort(actor, id), listCohortPairs(actor, id, { includeEnded })]), locale);
  const programme = await guard(getProgramme(actor, cohort.programmeId), locale);
  const zone = viewerZone(actor, cohort.timeZone);
  const flagged = all.filter((p) => p.flagged).length;
  const active = all.filter((p) => p.status === "confirmed").length;
  const pairs = onlyFlagged ? all.filter((p) => p.flagged) : all;
  const base = `/coordinator/cohorts/${cohort.id}/pairs`;
  const href = (q: { ended?: boolean; flagged?: boolean }) => ({
    pathname: base,
    query: { ...(q.ended && { ended: "1" }), ...(q.flagged && { flagged: "1" }) },
  });
  const day = (d: Date) => <time dateTime={d.toISOString()}>{formatDay(d, locale, zone)}</time>;

  return (
    <>
      <CohortHeader cohort={cohort} current="pairs" locale={locale} />
      <h2>{t("cohortPairs.title")}</h2>
      <p>{t("cohortPairs.rule", { weeks: programme.meetingDueWeeks, meetings: programme.minPartnerMeetings })}</p>
      <p>
        <strong>{t("cohortPairs.counts", { active, flagged })}</strong>
      </p>
      <ul className={styles.filters}>
        <li>
          {onlyFlagged ? (
            <LocaleLink locale={locale} href={href({ ended: includeEnded })}>{t("cohortPairs.showAll")}</LocaleLink>
          ) : (
            flagged > 0 && <LocaleLink locale={locale} href={href({ ended: includeEnded, flagged: true })}>{t("cohortPairs.showFlagged", { count: flagged })}</LocaleLink>
          )}
        </li>
        <li>
          <LocaleLink locale={locale} href={href({ ended: !includeEnded, flagged: onlyFlagged })}>{includeEnded ? t("cohortPairs.hideEnded") : t("cohortPairs.showEnded")}</LocaleLink>
        </li>
        <li>
          <LocaleLink locale={locale} href={`/coordinator/cohorts/${cohort.id}/pairing`}>{t("cohortPairs.toBoard")}</LocaleLink>
        </li>
      </ul>

      {pairs.length === 0 ? (
        <p>{onlyFlagged ? t("cohortPairs.noneFlagged") : t("cohortPairs.none")}</p>
      ) : (
        <DataTable label={t("cohortPairs.caption", { cohort: cohort.name })}>
          <caption className="visually-hidden">{t("cohortPairs.caption", { cohort: cohort.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cohortPairs.participant")}</th>
              <th scope="col">{t("cohortPairs.partner")}</th>
              <th scope="col">{t("cohortPairs.since")}</th>
              <th scope="col">{t("cohortPairs.logged")}</th>
              <th scope="col">{t("cohortPairs.confirmed")}</th>
              <th scope="col">{t("cohortPairs.lastConfirmedMeeting")}</th>
              <th scope="col">{t("cohortPairs.state")}</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p) => (
              <tr key={p.pairId}>
                <th scope="row">
                  <LocaleLink locale={locale} href={`${base}/${p.pairId}`} aria-label={t("cohortPairs.seeMeetings", { participant: p.participantName, partner: p.partnerName })}>
                    {p.participantName}
                  </LocaleLink>
                  {p.employer && <span className="meta"> · {p.employer}</span>}
                </th>
                <td>
                  <LocaleLink locale={locale} href={`/coordinator/partners/${p.partnerId}`}>{p.partnerName}</LocaleLink>
                </td>
                <td>{day(p.confirmedAt)}</td>
                <td>{p.meetingsLogged}</td>
                <td>{p.meetingsConfirmed}</td>
                <td>
                  {/* Only a confirmed meeting is "the last meeting"; one waiting for the other side is said as such, never as met. */}
                  {p.lastConfirmedAt ? (
                    day(p.lastConfirmedAt)
                  ) : p.lastAwaitingAt ? (
                    <span className="meta">{t.rich("cohortPairs.loggedAwaiting", { date: formatDay(p.lastAwaitingAt, locale, zone), time: (chunks) => <time dateTime={p.lastAwaitingAt!.toISOString()}>{chunks}</time> })}</span>
                  ) : (
                    <span className="meta">{t("cohortPairs.noMeeting")}</span>
                  )}
                </td>
                <td>
                  {p.status === "ended" ? (
                    <>
                      {t("pairingTerms.pairStatuses.ended")}
                      {p.endedAt && <> ({day(p.endedAt)})</>}
                      {p.endReason === "accountDeleted" && <>: {t("review.reasons.accountDeleted")}</>}
                    </>
                  ) : p.flagged ? (
                    <strong className={styles.flag}>
                      <span aria-hidden="true">⚠ </span>
                      {t("pairingTerms.flagged")}
                    </strong>
                  ) : p.meetingsConfirmed > 0 ? (
                    t("cohortPairs.met")
                  ) : p.meetingsLogged > 0 ? (
                    t("cohortPairs.awaitingConfirmation")
                  ) : (
                    t("cohortPairs.notYetDue")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
