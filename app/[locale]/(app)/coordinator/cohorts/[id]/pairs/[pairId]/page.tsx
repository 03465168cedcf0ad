import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { MeetingItem } from "@/components/pairs/meeting-item";
import pairStyles from "@/components/pairs/pairs.module.css";
import { getCohort } from "@/lib/dal/cohorts";
import { listPairMeetings } from "@/lib/dal/meetings";
import { listCohortPairs } from "@/lib/dal/pairs";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { CohortHeader } from "../../../../_components/cohort-header";
import { formatDay, viewerZone } from "../../../../_components/format";

type Params = Promise<{ locale: string; id: string; pairId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "cohortPairs" }))("pairTitle") };
}

/**
 * One pair of the cohort for its coordinators, read-only: who, since when, and the meeting log as
 * both sides see it (notes, confirmed or disputed, the comment). A pair of another cohort is a 404.
 */
export default async function CoordinatorPairPage({ params }: { params: Params }) {
  const { locale, id, pairId } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [cohort, all] = await guard(Promise.all([getCohort(actor, id), listCohortPairs(actor, id, { includeEnded: true })]), locale);
  const pair = all.find((p) => p.pairId === pairId);
  if (!pair) notFound();
  const meetings = await guard(listPairMeetings(actor, pair.pairId), locale);
  const zone = viewerZone(actor, cohort.timeZone);
  const day = (d: Date) => <time dateTime={d.toISOString()}>{formatDay(d, locale, zone)}</time>;
  return (
    <>
      <CohortHeader cohort={cohort} current="pairs" locale={locale} />
      <h2>{t("cohortPairs.pairHeading", { participant: pair.participantName, partner: pair.partnerName })}</h2>
      <p>
        <LocaleLink locale={locale} href={`/coordinator/cohorts/${cohort.id}/pairs`}>
          {t("cohortPairs.backToPairs")}
        </LocaleLink>
      </p>
      <dl className="facts">
        <dt>{t("cohortPairs.participant")}</dt>
        <dd>
          {pair.participantName}
          {pair.employer && <span className="meta"> · {pair.employer}</span>}
        </dd>
        <dt>{t("cohortPairs.partner")}</dt>
        <dd>
          <LocaleLink locale={locale} href={`/coordinator/partners/${pair.partnerId}`}>
            {pair.partnerName}
          </LocaleLink>
        </dd>
        <dt>{t("cohortPairs.since")}</dt>
        <dd>{day(pair.confirmedAt)}</dd>
        {pair.status === "ended" && (
          <>
            <dt>{t("pairingTerms.pairStatuses.ended")}</dt>
            <dd>{pair.endedAt ? day(pair.endedAt) : "—"}</dd>
          </>
        )}
      </dl>
      <h3 id="pair-meetings">{t("cohortPairs.meetingsHeading", { logged: pair.meetingsLogged, confirmed: pair.meetingsConfirmed })}</h3>
      {meetings.length === 0 ? (
        <p>{t("cohortPairs.noMeetingsYet")}</p>
      ) : (
        <ul className={pairStyles.list} aria-labelledby="pair-meetings">
          {meetings.map((m) => (
            <MeetingItem key={m.id} meeting={m} locale={locale} zone={zone} heading="h4" />
          ))}
        </ul>
      )}
    </>
  );
}
