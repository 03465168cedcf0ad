import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getOrganisationSettings, logoUrl } from "@/lib/dal/organisation-settings";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { OrganisationForm } from "./_components/organisation-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "admin.organisation" }))("title") };
}

/** The organisation's name, contact and logo as its public pages show them; for its admins only (403 for others). */
export default async function OrganisationSettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "admin.organisation" });
  const actor = await getCurrentActor();
  const organisationId = actor?.kind === "user" ? (actor.current?.organisationId ?? "") : "";
  const org = await guard(getOrganisationSettings(actor, organisationId), locale);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>
        <LocaleLink locale={locale} href="/programmes">{t("toCatalogue")}</LocaleLink>
      </p>
      <OrganisationForm current={{ name: org.name, contactEmail: org.contactEmail, contactPhone: org.contactPhone ?? "", logoUrl: logoUrl(org.id, org.logoVersion) }} />
    </>
  );
}
