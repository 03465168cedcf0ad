import { TZDate } from "@date-fns/tz";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingAnswers } from "@/components/pairs/meeting-answer";
import { MeetingItem } from "@/components/pairs/meeting-item";
import { PartnerContactFacts } from "@/components/pairs/partner-contact";
import pairStyles from "@/components/pairs/pairs.module.css";
import { LocaleLink } from "@/components/locale-link";
import { listPairMeetings } from "@/lib/dal/meetings";
import { listMyPairs, type MyPair } from "@/lib/dal/my-pairs";
import { getCurrentActor } from "@/lib/dal/session";
import { listMyPartners } from "@/lib/dal/start";
import { guard } from "@/lib/guard";
import { formatCalendarDate, todayIn } from "@/lib/time";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { LogMeetingForm } from "./_components/log-meeting-form";

type Params = Promise<{ locale: string; id: string }>;
type T = Awaited<ReturnType<typeof getTranslations>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "myPair" }))("yourPairing") };
}

/** "Now" as a `datetime-local` value in `zone`: the latest start the form's picker offers. */
function localNow(zone: string): string {
  const d = new TZDate(Date.now(), zone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The name the viewer knows the other side by. */
const counterpartOf = (pair: MyPair): string => (pair.side === "participant" ? pair.partner.name : pair.participant.name);

/**
 * One pair, for both of its sides (anyone else gets 404): who the other side is, as far as they
 * may see it, the help request, the meetings with their status, Confirm / Dispute for what the
 * other side logged, and a form to log a meeting.
 */
export default async function PairPage({ params }: { params: Params }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [pairs, viewer] = await Promise.all([guard(listMyPairs(actor), locale), getViewerTimeZone(actor)]);
  // Only the actor's own active pairs are listed: any other id is a page that does not exist for them.
  const pair = pairs.find((p) => p.pairId === id);
  if (!pair) notFound();
  const [meetings, ownPartners] = await Promise.all([
    guard(listPairMeetings(actor, pair.pairId), locale),
    pair.side === "partner" ? guard(listMyPartners(actor), locale) : Promise.resolve([]),
  ]);
  const zone = viewer.zone ?? "Europe/Amsterdam";
  const name = counterpartOf(pair);
  const helpRequest = pair.side === "participant" ? pair.partner.helpRequest : (ownPartners.find((p) => p.id === pair.partner.id)?.helpRequest ?? "");
  return (
    <>
      <p>
        <LocaleLink locale={locale} href={pair.side === "participant" ? "/participant" : "/partner"}>
          {t(pair.side === "participant" ? "myPair.backParticipant" : "myPair.backPartner")}
        </LocaleLink>
      </p>
      <h1>{t("myPair.title", { name })}</h1>
      <p className="meta">
        {pair.programmeName} – {pair.cohortName} · {t("myPair.pairedSince")}: {formatCalendarDate(todayIn(zone, pair.confirmedAt), locale)}
      </p>

      <h2>{t("myPair.counterpartTitle")}</h2>
      <CounterpartFacts t={t} pair={pair} />

      {helpRequest && (
        <>
          <h2>{pair.side === "participant" ? t("myPair.theirHelpRequest", { name: pair.partner.name }) : t("myPair.ownHelpRequest")}</h2>
          <p className={pairStyles.notes}>{helpRequest}</p>
        </>
      )}

      <h2 id="meetings">{t("myPair.meetingsTitle")}</h2>
      <p>{t("myPair.meetingsLead", { zone })}</p>
      <p>
        <strong>{t("myPair.meetingCount", { confirmed: pair.meetingsConfirmed, logged: pair.meetingsLogged })}</strong>
      </p>
      <MeetingAnswers>
        {meetings.length === 0 ? (
          <p>{t("myPair.noMeetings")}</p>
        ) : (
          <ul className={pairStyles.list} aria-labelledby="meetings">
            {meetings.map((m) => (
              <MeetingItem key={m.id} meeting={m} locale={locale} zone={zone} heading="h3" />
            ))}
          </ul>
        )}
      </MeetingAnswers>

      <h2>{t("meetingLog.formTitle")}</h2>
      <LogMeetingForm pairId={pair.pairId} timeZone={zone} latest={localNow(zone)} counterpartName={name} />
    </>
  );
}

/** What the viewer may know of the other side: the partner's contact details, or the participant's work. */
function CounterpartFacts({ t, pair }: { t: T; pair: MyPair }) {
  if (pair.side === "participant") {
    const p = pair.partner;
    return (
      <dl className="facts">
        <dt>{t("myPair.kind")}</dt>
        <dd>{t(`pairingTerms.partnerKinds.${p.kind}`)}</dd>
        <PartnerContactFacts t={t} partner={p} />
        {/^https?:\/\//i.test(p.website) && (
          <>
            <dt>{t("myPair.website")}</dt>
            <dd>
              <a href={p.website} rel="noopener noreferrer">
                {p.website}
              </a>
            </dd>
          </>
        )}
        {p.location && (
          <>
            <dt>{t("myPair.location")}</dt>
            <dd>{p.location}</dd>
          </>
        )}
        {p.description && (
          <>
            <dt>{t("myPair.about")}</dt>
            <dd className={pairStyles.notes}>{p.description}</dd>
          </>
        )}
      </dl>
    );
  }
  const p = pair.participant;
  return (
    <dl className="facts">
      <dt>{t("myPair.email")}</dt>
      <dd>
        <a href={`mailto:${p.email}`}>{p.email}</a>
      </dd>
      <dt>{t("myPair.employer")}</dt>
      <dd>{p.employer}</dd>
      <dt>{t("myPair.jobTitle")}</dt>
      <dd>{p.jobTitle}</dd>
      <dt>{t("myPair.policyAreas")}</dt>
      <dd>{p.policyAreas.length > 0 ? p.policyAreas.join(", ") : "—"}</dd>
    </dl>
  );
}
