import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getCohort } from "@/lib/dal/cohorts";
import { getPairingBoard } from "@/lib/dal/pairs";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { CohortHeader } from "../../../_components/cohort-header";
import { DoneNotice } from "../../../_components/done-notice";
import { formatDay, viewerZone } from "../../../_components/format";
import { pairWords } from "../../../_components/pair-words";
import { PairActions } from "./_components/pair-actions";
import { WaitingParticipant } from "./_components/waiting-participant";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "pairingBoard" }))("title") };
}

export default async function PairingBoardPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations({ locale });
  const words = pairWords(t, locale);
  const actor = await getCurrentActor();
  const [cohort, board] = await guard(Promise.all([getCohort(actor, id), getPairingBoard(actor, id)]), locale);
  const zone = viewerZone(actor, cohort.timeZone);
  const waiting = board.participants.filter((p) => !p.pair);
  const paired = board.participants.filter((p) => p.pair);
  const pairable = board.partners.filter((p) => p.status === "approved");
  const options = pairable.map((p) => ({ id: p.id, name: p.name, left: p.capacityLeft }));
  const base = `/coordinator/cohorts/${cohort.id}`;

  const done = one(sp.done);
  const who = board.participants.find((p) => p.enrollmentId === one(sp.e));
  const notice =
    (done === "paired" || done === "changed") && who?.pair
      ? t("pairingBoard.done.paired", { participant: who.name, partner: who.pair.partnerName })
      : done === "unpaired" && who && !who.pair
        ? t("pairingBoard.done.unpaired", { participant: who.name })
        : done === "applied" && Number(one(sp.n)) > 0
          ? t("pairingBoard.done.applied", { count: Number(one(sp.n)) })
          : null;
  // A refused "Pair with X" (someone took the last place meanwhile): said in words, the board freshly ranked below.
  const refused = one(sp.refused);
  const refusedPartner = board.partners.find((p) => p.id === one(sp.p))?.name;
  const refusedWhy = refused && t.has(`errors.${refused}`) ? t(`errors.${refused}`) : t("errors.generic");
  const refusal = !refused ? null : who && refusedPartner ? t("pairingBoard.refused", { participant: who.name, partner: refusedPartner, reason: refusedWhy }) : refusedWhy;

  return (
    <>
      <CohortHeader cohort={cohort} current="pairing" locale={locale} />
      {notice && <DoneNotice>{notice}</DoneNotice>}
      {refusal && <DoneNotice kind="error">{refusal}</DoneNotice>}
      <h2>{t("pairingBoard.title")}</h2>
      <p>{t("pairingBoard.summary", { total: board.participants.length, paired: paired.length, waiting: waiting.length })}</p>
      <div className="actions">
        {waiting.length > 0 && pairable.length > 0 && (
          <Link className="button" href={`${base}/pairing/proposal`}>
            {t("pairingBoard.proposeAll")}
          </Link>
        )}
        <Link href={`${base}/pairs`}>{t("pairingBoard.toPairs")}</Link>
        <Link href="/coordinator/partners">{t("pairingBoard.toPartners")}</Link>
      </div>
      {board.partners.length === 0 && <p>{t("pairingBoard.noPartners")}</p>}

      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t("pairingBoard.waitingTitle", { count: waiting.length })}</h2>
        {board.participants.length === 0 ? (
          <p>{t("pairingBoard.noParticipants")}</p>
        ) : waiting.length === 0 ? (
          <p>{t("pairingBoard.everyonePaired")}</p>
        ) : (
          waiting.map((person) => <WaitingParticipant key={person.enrollmentId} cohortId={cohort.id} person={person} t={t} words={words} />)
        )}
      </section>

      <section aria-labelledby="paired-heading">
        <h2 id="paired-heading">{t("pairingBoard.pairedTitle", { count: paired.length })}</h2>
        {paired.length === 0 ? (
          <p>{t("pairingBoard.nonePaired")}</p>
        ) : (
          <table>
            <caption className="visually-hidden">{t("pairingBoard.pairedCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pairingBoard.participant")}</th>
                <th scope="col">{t("pairingBoard.partner")}</th>
                <th scope="col">{t("pairingBoard.pairedSince")}</th>
                <th scope="col">{t("pairingBoard.change")}</th>
              </tr>
            </thead>
            <tbody>
              {paired.map((p) => (
                <tr key={p.enrollmentId}>
                  <th scope="row">
                    {p.name}
                    {p.employer && <span className="meta"> · {p.employer}</span>}
                  </th>
                  <td>
                    <Link href={`/coordinator/partners/${p.pair!.partnerId}`}>{p.pair!.partnerName}</Link>
                  </td>
                  <td>
                    <time dateTime={p.pair!.confirmedAt.toISOString()}>{formatDay(p.pair!.confirmedAt, locale, zone)}</time>
                  </td>
                  <td>
                    <PairActions
                      pair={{ cohortId: cohort.id, pairId: p.pair!.pairId, enrollmentId: p.enrollmentId, participantName: p.name, partnerId: p.pair!.partnerId }}
                      partners={options}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t("pairingBoard.partnersTitle", { count: board.partners.length })}</h2>
        {board.partners.length > 0 && (
          <table>
            <caption className="visually-hidden">{t("pairingBoard.partnersCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pairingBoard.partner")}</th>
                <th scope="col">{t("pairingBoard.policyAreas")}</th>
                <th scope="col">{t("pairingBoard.languages")}</th>
                <th scope="col">{t("pairingBoard.region")}</th>
                <th scope="col">{t("pairingBoard.places")}</th>
                <th scope="col">{t("pairingBoard.placesUsed")}</th>
                <th scope="col">{t("pairingBoard.placesLeft")}</th>
              </tr>
            </thead>
            <tbody>
              {board.partners.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link href={`/coordinator/partners/${p.id}`}>{p.name}</Link>
                    {p.status !== "approved" && <span className="meta"> · {t(`pairingTerms.partnerStatuses.${p.status}`)}</span>}
                  </th>
                  <td>{words.list(p.policyAreas)}</td>
                  <td>{words.languages(p.languages)}</td>
                  <td>{words.region(p.region)}</td>
                  <td>{p.capacity}</td>
                  <td>{p.paired}</td>
                  <td>{p.status !== "approved" ? <span className="meta">—</span> : p.capacityLeft > 0 ? p.capacityLeft : t("pairingBoard.full")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
