import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Catalogue } from "./_components/catalogue";

// Cached for everyone; coordinators' changes revalidate it at once (lib/public-pages.ts), and the
// "open now" selection and countdowns follow the clock within a minute.
export const revalidate = 60;

/**
 * Rendered on the first request in each language, then cached (ISR). None at build time: the
 * build has no database and no configuration (scripts/build-if-stale.mjs).
 */
export function generateStaticParams(): { locale: string }[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "catalogue" }))("title") };
}

/** The public catalogue, first page. `?page=N` is served by pages/[page] (proxy.ts rewrites it there), so this page reads no query and stays cached. */
export default async function CataloguePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <Catalogue locale={locale} page={1} />;
}
