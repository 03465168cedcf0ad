import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "accessibility" }))("title") };
}

/**
 * Rendered on the first request in each language, then cached like the privacy statement (no
 * revalidation: it reads no data). None at build time: the build has no configuration (the demo
 * banner reads it; scripts/build-if-stale.mjs).
 */
export function generateStaticParams(): { locale: string }[] {
  return [];
}

/**
 * The accessibility statement in the form Dutch public bodies publish: status, what was tested and
 * how, known gaps, how to report a problem. Linked from every page's footer; the axe and keyboard
 * tests in e2e/ are what keep its claims true.
 */
export default async function AccessibilityPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "accessibility" });
  const list = (key: "tested" | "gaps") => (t.raw(key) as string[]).map((item) => <li key={item}>{item}</li>);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{t("statusTitle")}</h2>
      <p>{t("status")}</p>
      <h2>{t("testedTitle")}</h2>
      <ul>{list("tested")}</ul>
      <h2>{t("gapsTitle")}</h2>
      <ul>{list("gaps")}</ul>
      <h2>{t("reportTitle")}</h2>
      <p>{t("report")}</p>
      <h2>{t("dateTitle")}</h2>
      <p>{t("date")}</p>
    </>
  );
}
