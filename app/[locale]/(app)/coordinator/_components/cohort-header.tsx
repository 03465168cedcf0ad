import { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import styles from "./coordinator.module.css";

export type CohortTab = "overview" | "applications" | "questions" | "pairing" | "pairs";

// Each tab's name is a message key (the pairing tabs keep their texts with the pairing pages).
const TABS: { tab: CohortTab; path: string; label: string }[] = [
  { tab: "overview", path: "", label: "cohortTabs.overview" },
  { tab: "applications", path: "/applications", label: "cohortTabs.applications" },
  { tab: "questions", path: "/questions", label: "cohortTabs.questions" },
  { tab: "pairing", path: "/pairing", label: "pairingBoard.tab" },
  { tab: "pairs", path: "/pairs", label: "cohortPairs.tab" },
];

/** The heading of every cohort page and the navigation between its parts. */
export async function CohortHeader({ cohort, current, locale }: { cohort: { id: string; name: string; programmeId: string }; current: CohortTab; locale: string }) {
  const t = await getTranslations({ locale });
  return (
    <>
      <p>
        <LocaleLink locale={locale} href={`/coordinator/programmes/${cohort.programmeId}`}>← {t("coordinator.programme")}</LocaleLink>
      </p>
      <h1>{cohort.name}</h1>
      <nav className={styles.tabs} aria-label={t("cohortTabs.label", { name: cohort.name })}>
        <ul>
          {TABS.map(({ tab, path, label }) => (
            <li key={tab}>
              <LocaleLink locale={locale} href={`/coordinator/cohorts/${cohort.id}${path}`} aria-current={tab === current ? "page" : undefined}>
                {t(label)}
              </LocaleLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
