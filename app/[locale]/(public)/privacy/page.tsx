import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "privacy" }))("title") };
}

/**
 * Rendered on the first request in each language, then cached (ISR). None at build time: the
 * build has no database and no configuration (scripts/build-if-stale.mjs).
 */
export function generateStaticParams(): { locale: string }[] {
  return [];
}

const STORED = ["identity", "work", "areas", "answers", "consent", "history", "meetings", "account", "mail"] as const;
const SEEN_BY = ["coordinators", "partner", "others", "operators"] as const;

/** The privacy statement the sign-up and partner registration forms link to: what is stored, why, how long, who sees it. */
export default async function PrivacyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "privacy" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{t("responsibleTitle")}</h2>
      <p>{t("responsible")}</p>
      <h2>{t("whatTitle")}</h2>
      <p>{t("whatIntro")}</p>
      <ul>
        {STORED.map((k) => (
          <li key={k}>{t(`what.${k}`)}</li>
        ))}
      </ul>
      <h2>{t("whyTitle")}</h2>
      <p>{t("why")}</p>
      <h2>{t("whoTitle")}</h2>
      <ul>
        {SEEN_BY.map((k) => (
          <li key={k}>{t(`who.${k}`)}</li>
        ))}
      </ul>
      <h2>{t("howLongTitle")}</h2>
      <p>{t("howLong")}</p>
      <h2>{t("myDataTitle")}</h2>
      <p>{t("myData")}</p>
      <h2>{t("deletionTitle")}</h2>
      <p>{t("deletion")}</p>
      <h2>{t("partnersTitle")}</h2>
      <p>{t("partners")}</p>
      <h2>{t("cookiesTitle")}</h2>
      <p>{t("cookies")}</p>
      <h2>{t("rightsTitle")}</h2>
      <p>{t("rights")}</p>
    </>
  );
}
