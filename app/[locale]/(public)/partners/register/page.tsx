import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { getCurrentActor } from "@/lib/dal/session";
import { listPublicOrganisationsForRegistration } from "@/lib/dal/partners";
import { localeLanguage } from "@/lib/validation/regions";
import { RegisterPartnerForm } from "./_components/register-partner-form";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ organisation?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "registerPartner" }))("title") };
}

/** The public form on which an initiative, host or coach registers with an organisation that runs programmes. */
export default async function RegisterPartnerPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "registerPartner" });
  const [organisations, actor, query] = await Promise.all([listPublicOrganisationsForRegistration(), getCurrentActor(), searchParams]);
  // ?organisation=<slug> (from an organisation's own invitation) preselects it.
  const wanted = typeof query.organisation === "string" ? query.organisation : "";
  const preselected = organisations.find((o) => o.slug === wanted || o.id === wanted) ?? (organisations.length === 1 ? organisations[0] : undefined);
  return (
    <>
      <h1>{t("title")}</h1>
      {organisations.length === 0 ? (
        <p className="notice">{t("noOrganisations")}</p>
      ) : (
        <RegisterPartnerForm
          organisations={organisations.map((o) => ({ id: o.id, name: o.name, policyAreas: o.policyAreas }))}
          initialOrganisation={preselected?.id ?? ""}
          account={actor ? { email: actor.email, name: actor.name ?? "" } : null}
          language={localeLanguage(hasLocale(routing.locales, locale) ? locale : routing.defaultLocale)}
        />
      )}
    </>
  );
}
