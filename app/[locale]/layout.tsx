import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DemoBanner } from "@/components/demo-banner";
import { ErrorTexts } from "@/components/error-texts";
import { LocaleLink } from "@/components/locale-link";
import { UiTexts } from "@/components/ui/ui-texts";
import { routing } from "@/i18n/routing";
import "../globals.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "home" });
  return { title: { default: "Koppel", template: "%s · Koppel" }, description: t("title") };
}

// Reads no cookie, so public pages can be cached: the header with the signed-in person is in
// app/[locale]/(app)/layout.tsx; public pages get components/public-header.tsx.
export default async function LocaleLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "common" });
  const te = await getTranslations({ locale, namespace: "errorPage" });
  const tf = await getTranslations({ locale, namespace: "footer" });
  return (
    <html lang={locale}>
      <body>
        {/* No message provider here: each client island gets its own namespaces (components/client-messages.tsx). */}
        <ErrorTexts texts={{ title: te("title"), lead: te("lead"), retry: te("retry") }}>
          <UiTexts texts={{ tableScrollHint: t("tableScrollHint") }}>
            <a className="skip-link" href="#content">
              {t("skipToContent")}
            </a>
            <DemoBanner locale={locale} />
            {/* Each route group's layout brings its header and <main> (app/[locale]/(app), (public)). */}
            {children}
            <footer className="site-footer">
              <nav aria-label={tf("label")}>
                <LocaleLink locale={locale} href="/privacy">
                  {tf("privacy")}
                </LocaleLink>
                <LocaleLink locale={locale} href="/accessibility">
                  {tf("accessibility")}
                </LocaleLink>
              </nav>
            </footer>
          </UiTexts>
        </ErrorTexts>
      </body>
    </html>
  );
}
