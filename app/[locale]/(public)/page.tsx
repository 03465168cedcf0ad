import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { listPublicProgrammes } from "@/lib/dal/programmes";

/**
 * Rendered on the first request in each language, then cached (ISR). None at build time: the
 * build has no database and no configuration (scripts/build-if-stale.mjs).
 */
export function generateStaticParams(): { locale: string }[] {
  return [];
}

// Cached for everyone; coordinators' changes revalidate it at once (lib/public-pages.ts).
export const revalidate = 60;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const programmes = await listPublicProgrammes();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <ul>
        <li>{t("home.forParticipants")}</li>
        <li>{t("home.forPartners")}</li>
        <li>{t("home.forCoordinators")}</li>
      </ul>
      <p>
        {t("registerPartner.homeLine")} <LocaleLink locale={locale} href="/partners/register">{t("registerPartner.homeLink")}</LocaleLink>
      </p>
      <h2>{t("home.programmesTitle")}</h2>
      {programmes.length === 0 ? (
        <p>{t("home.noProgrammes")}</p>
      ) : (
        <ul className="cards">
          {programmes.map((p) => (
            <li key={p.id} className="card">
              <h3>{p.name}</h3>
              <p className="meta">{t("home.by", { organisation: p.organisationName })}</p>
              <p>{p.description}</p>
              <dl className="facts">
                <dt>{t("home.effort")}</dt>
                <dd>{t("common.halfDays", { min: p.effortHalfDaysMin, max: p.effortHalfDaysMax })}</dd>
                <dt>{t("home.duration")}</dt>
                <dd>{t("common.months", { count: p.durationMonths })}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
