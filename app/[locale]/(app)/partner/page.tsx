import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AwaitingMeetings } from "@/components/pairs/awaiting-meetings";
import pairStyles from "@/components/pairs/pairs.module.css";
import { LocaleLink } from "@/components/locale-link";
import { listMeetingsAwaitingMe } from "@/lib/dal/meetings";
import { listMyPairs } from "@/lib/dal/my-pairs";
import { getCurrentActor } from "@/lib/dal/session";
import { listMyPartners } from "@/lib/dal/start";
import { guard } from "@/lib/guard";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { InitiativeCard, ParticipantCard } from "./_components/partner-cards";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "partner" }))("title") };
}

/**
 * The partner's start page: their initiatives with status and help request, the meetings that
 * wait for their confirmation, and the participants paired with them across cohorts.
 */
export default async function PartnerStart({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [partners, pairs, awaiting, viewer] = await Promise.all([
    guard(listMyPartners(actor), locale),
    guard(listMyPairs(actor), locale),
    guard(listMeetingsAwaitingMe(actor), locale),
    getViewerTimeZone(actor),
  ]);
  const zone = viewer.zone ?? "Europe/Amsterdam";
  const mine = pairs.filter((p) => p.side === "partner");
  const ownPairIds = new Set(mine.map((p) => p.pairId));
  // Only what waits for them as a partner: a participant's own meetings are on the participant page.
  const waiting = awaiting.filter((m) => ownPairIds.has(m.pairId));
  return (
    <>
      <h1>{t("partner.title")}</h1>
      {partners.length === 0 ? (
        <>
          <p>{t("partnerHome.noPartner")}</p>
          <p>
            <LocaleLink locale={locale} href="/partners/register">{t("partnerHome.registerLink")}</LocaleLink>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t("partnerHome.lead", { zone })}</p>
          <div className={pairStyles.list}>
            {partners.map((p) => (
              <InitiativeCard key={p.id} t={t} p={p} locale={locale} />
            ))}
          </div>
        </>
      )}

      <section aria-labelledby="awaiting">
        <h2 id="awaiting">{t("partnerHome.awaitingTitle")}</h2>
        <AwaitingMeetings meetings={waiting} locale={locale} zone={zone} heading="h3" showPair emptyText={t("partnerHome.awaitingNone")} />
      </section>

      <section aria-labelledby="participants">
        <h2 id="participants">{t("partnerHome.participantsTitle")}</h2>
        {mine.length === 0 ? (
          <p>{t("partnerHome.participantsNone")}</p>
        ) : (
          <ul className={pairStyles.list}>
            {mine.map((pair) => (
              <ParticipantCard key={pair.pairId} t={t} pair={pair} locale={locale} zone={zone} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
