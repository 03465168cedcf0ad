import type { getTranslations } from "next-intl/server";
import type { PairConflict, PairReason } from "@/lib/pairing";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/**
 * The pairing engine's structured reasons and conflicts said in the reader's language:
 * "Shared policy areas: Wonen, Energietransitie", "Shared language: Dutch and English".
 * Takes the root translator (all namespaces), as pages get it from getTranslations({ locale }).
 */
export function pairWords(t: Translate, locale: string) {
  const and = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  const language = (code: string): string => (t.has(`pairingFields.languageNames.${code}`) ? t(`pairingFields.languageNames.${code}`) : code);
  const region = (slug: string | null): string => (!slug ? t("pairingFields.noRegion") : t.has(`pairingFields.regions.${slug}`) ? t(`pairingFields.regions.${slug}`) : slug);
  return {
    language,
    region,
    languages: (codes: readonly string[]): string => (codes.length > 0 ? and.format(codes.map(language)) : "—"),
    list: (items: readonly string[]): string => (items.length > 0 ? items.join(", ") : "—"),
    reason(r: PairReason): string {
      switch (r.kind) {
        case "policyAreas":
          return t("pairingTerms.reasons.policyAreas", { areas: r.shared.join(", ") });
        case "languages":
          return t("pairingTerms.reasons.languages", { languages: and.format(r.shared.map(language)) });
        case "region":
          return t("pairingTerms.reasons.region", { region: region(r.region) });
        case "capacity":
          return t("pairingTerms.reasons.capacity", { left: r.left });
      }
    },
    conflict(c: PairConflict): string {
      return c.kind === "ownEmployer" ? t("pairingTerms.conflicts.ownEmployer", { employer: c.employer }) : t("pairingTerms.conflicts.full");
    },
  };
}

export type PairWords = ReturnType<typeof pairWords>;
