import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { profileFormValues } from "@/components/partners/profile-values";
import { LocaleLink } from "@/components/locale-link";
import { getPartner } from "@/lib/dal/partners";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { HelpRequestForm } from "../../../_components/help-request-form";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "partnerHome" }))("editTitle") };
}

/** The owner edits their help request and what pairing uses; anyone else's partner is 404 (or 403 for its organisation's members). */
export default async function EditHelpRequestPage({ params }: { params: Params }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "partnerHome" });
  const partner = await guard(getPartner(await getCurrentActor(), id), locale);
  return (
    <>
      <p>
        <LocaleLink locale={locale} href="/partner">{t("backToStart")}</LocaleLink>
      </p>
      <h1>
        {t("editTitle")}: {partner.name}
      </h1>
      <p className="lead">{t("editLead", { name: partner.name })}</p>
      <HelpRequestForm partnerId={partner.id} initial={profileFormValues(partner)} listedAreas={partner.listedAreas} />
    </>
  );
}
