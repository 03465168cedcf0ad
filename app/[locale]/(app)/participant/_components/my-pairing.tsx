import { getTranslations } from "next-intl/server";
import { AwaitingMeetings, type AwaitingMeeting } from "@/components/pairs/awaiting-meetings";
import { PartnerContactFacts } from "@/components/pairs/partner-contact";
import pairStyles from "@/components/pairs/pairs.module.css";
import { LocaleLink } from "@/components/locale-link";
import type { MyPair } from "@/lib/dal/my-pairs";

type ParticipantSidePair = Extract<MyPair, { side: "participant" }>;

/**
 * The participant's pairing inside an accepted enrollment: who the partner is and how to reach
 * them, the help request, the meeting count, and the meetings that wait for their confirmation.
 */
export async function MyPairing({ pair, awaiting, locale, zone }: { pair: ParticipantSidePair; awaiting: AwaitingMeeting[]; locale: string; zone: string }) {
  const t = await getTranslations({ locale });
  const p = pair.partner;
  const headingId = `pairing-${pair.pairId}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t("myPair.yourPairing")}</h3>
      <p>{t("myPair.pairedWith", { name: p.name })}</p>
      <dl className="facts">
        <dt>{t("myPair.kind")}</dt>
        <dd>{t(`pairingTerms.partnerKinds.${p.kind}`)}</dd>
        <dt>{t("myPair.helpRequest")}</dt>
        <dd className={pairStyles.notes}>{p.helpRequest}</dd>
        <PartnerContactFacts t={t} partner={p} />
        <dt>{t("myPair.meetings")}</dt>
        <dd>{t("myPair.meetingCount", { confirmed: pair.meetingsConfirmed, logged: pair.meetingsLogged })}</dd>
      </dl>
      <p>
        <LocaleLink locale={locale} href={`/pairs/${pair.pairId}`}>
          {t("myPair.openPair")}
          <span className="visually-hidden">: {p.name}</span>
        </LocaleLink>
      </p>
      {awaiting.length > 0 && <h4>{t("myPair.awaitingTitle")}</h4>}
      <AwaitingMeetings meetings={awaiting} locale={locale} zone={zone} heading="h5" />
    </section>
  );
}
