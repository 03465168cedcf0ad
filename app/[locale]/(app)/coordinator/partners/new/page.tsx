import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { listOrganisationPolicyAreas } from "@/lib/dal/policy-areas";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { InvitePartnerForm } from "../_components/invite-partner-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "partnersAdmin.invitePage" }))("title") };
}

export default async function InvitePartnerPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "partnersAdmin" });
  const actor = await getCurrentActor();
  const knownAreas = await guard(listOrganisationPolicyAreas(actor), locale);
  return (
    <>
      <p>
        <LocaleLink locale={locale} href="/coordinator/partners">← {t("title")}</LocaleLink>
      </p>
      <h1>{t("invitePage.title")}</h1>
      <p>{t("invitePage.lead")}</p>
      <InvitePartnerForm knownAreas={knownAreas} />
    </>
  );
}
