import type { getTranslations } from "next-intl/server";
import type { BoardParticipant } from "@/lib/dal/pairs";
import { maxScoreFor } from "@/lib/pairing";
import styles from "../../../../_components/coordinator.module.css";
import type { PairWords } from "../../../../_components/pair-words";
import { PairButton } from "./pair-button";

type T = Awaited<ReturnType<typeof getTranslations>>;
type Participant = BoardParticipant;

/**
 * One participant waiting for a partner: who they are, the suggested partners best first with
 * the reasons in words and a button each, and the partners ruled out with why.
 */
export function WaitingParticipant({ locale, cohortId, person, t, words, view }: { locale: string; cohortId: string; person: Participant; t: T; words: PairWords; view: string }) {
  const headingId = `waiting-${person.enrollmentId}`;
  const max = maxScoreFor(person);
  return (
    <article className={styles.participant} aria-labelledby={headingId}>
      <h3 id={headingId}>{person.name}</h3>
      <p className="meta">{[person.jobTitle, person.employer].filter(Boolean).join(" · ")}</p>
      <dl className="facts">
        <dt>{t("pairingBoard.policyAreas")}</dt>
        <dd>{words.list(person.policyAreas)}</dd>
        <dt>{t("pairingBoard.languages")}</dt>
        <dd>{words.languages(person.languages)}</dd>
        <dt>{t("pairingBoard.region")}</dt>
        <dd>{words.region(person.region)}</dd>
      </dl>
      <h4>{t("pairingBoard.suggestions")}</h4>
      {person.suggestions.length === 0 ? (
        <p>{t("pairingBoard.noSuggestions")}</p>
      ) : (
        <ol className={styles.suggestions}>
          {person.suggestions.map((s) => (
            <li key={s.partnerId}>
              <p>
                <strong>{s.partnerName}</strong> · {t("pairingTerms.score", { score: s.score, max })}
              </p>
              {s.reasons.length > 0 && (
                <ul>
                  {s.reasons.map((r) => (
                    <li key={r.kind}>{words.reason(r)}</li>
                  ))}
                </ul>
              )}
              <PairButton
                locale={locale}
                cohortId={cohortId}
                enrollmentId={person.enrollmentId}
                partnerId={s.partnerId}
                view={view}
                label={t("pairingBoard.pairWith", { partner: s.partnerName })}
                forWhom={t("pairingBoard.forParticipant", { name: person.name })}
              />
            </li>
          ))}
        </ol>
      )}
      {person.ruledOut.length > 0 && (
        <>
          <h4>{t("pairingBoard.ruledOut")}</h4>
          <ul className={styles.ruledOut}>
            {person.ruledOut.map((s) => (
              <li key={s.partnerId}>
                <strong>{s.partnerName}</strong>: {s.conflicts.map((c) => words.conflict(c)).join("; ")}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
