import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "accountDeleted" }))("title") };
}

/** Where a person lands after deleting their account (signed out by then). */
export default async function AccountDeletedPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "accountDeleted" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("text")}</p>
      <p>
        <LocaleLink locale={locale} href="/">{t("home")}</LocaleLink>
      </p>
    </>
  );
}
