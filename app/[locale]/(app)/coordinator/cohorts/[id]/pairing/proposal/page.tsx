import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getCohort } from "@/lib/dal/cohorts";
import { proposePairs } from "@/lib/dal/pairs";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { CohortHeader } from "../../../../_components/cohort-header";
import { pairWords } from "../../../../_components/pair-words";
import { ProposalForm, type DraftRow } from "../_components/proposal-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "pairingBoard.proposal" }))("title") };
}

/** How many other partners each participant's select offers beside the proposed one, best first. */
const ALTERNATIVES = 8;

/**
 * "Propose pairs for everyone": computed when what it depends on changed (proposePairs keeps the
 * last ones in memory), never stored; the coordinator edits it and applies it. Each participant's select offers the proposed partner, their best other
 * eligible partners and "no partner", not every partner: for 500 participants and 200 partners
 * that would be 100,000 options.
 */
export default async function ProposalPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const words = pairWords(t, locale);
  const actor = await getCurrentActor();
  const [cohort, proposal] = await guard(Promise.all([getCohort(actor, id), proposePairs(actor, id, { alternatives: ALTERNATIVES })]), locale);
  // Only the partners the draft names, with their places left, for the live over-capacity check; rows refer to them by index.
  const partners = proposal.partners.map((p) => ({ id: p.id, name: p.name, left: p.capacityLeft }));
  const indexOf = new Map(partners.map((p, j) => [p.id, j]));
  const options = (alternatives: { partnerId: string; score: number }[]) =>
    alternatives.flatMap((a): [number, number][] => {
      const j = indexOf.get(a.partnerId);
      return j === undefined ? [] : [[j, a.score]];
    });
  const rows: DraftRow[] = [
    ...proposal.pairs.map((p) => ({
      enrollmentId: p.enrollmentId,
      participantName: p.participantName,
      proposed: indexOf.get(p.partnerId) ?? -1,
      score: p.score,
      maxScore: p.maxScore,
      why: p.reasons.map((r) => words.reason(r)),
      options: options(p.alternatives),
    })),
    ...proposal.unpaired.map((u) => ({
      enrollmentId: u.enrollmentId,
      participantName: u.participantName,
      proposed: -1,
      score: null,
      maxScore: u.maxScore,
      why: [t(`pairingTerms.unpaired.${u.reason}`)],
      options: options(u.alternatives),
    })),
  ];

  return (
    <>
      <CohortHeader cohort={cohort} current="pairing" locale={locale} />
      <p>
        <LocaleLink locale={locale} href={`/coordinator/cohorts/${cohort.id}/pairing`}>← {t("pairingBoard.title")}</LocaleLink>
      </p>
      <h2>{t("pairingBoard.proposal.title")}</h2>
      {rows.length === 0 ? (
        <p>{proposal.accepted === 0 ? t("pairingBoard.proposal.nobodyAccepted") : t("pairingBoard.proposal.nobody")}</p>
      ) : (
        <>
          <p>{t("pairingBoard.proposal.lead")}</p>
          <p>
            <strong>
              {t("pairingBoard.proposal.totals", { pairs: proposal.pairs.length, unpaired: proposal.unpaired.length, score: proposal.totalScore, max: proposal.maxTotalScore })}
            </strong>
          </p>
          <ProposalForm cohortId={cohort.id} rows={rows} partners={partners} />
        </>
      )}
    </>
  );
}
